import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centsText } from "../test/oracle.js";
import { readSample, tag } from "../test/samples.js";
import nzh from "nzh/cn";
import { amountInWords, decimalInWords, integerInWords, moneyTextInWords } from "./amount-words.js";
import { Decimal, moneyText } from "./decimal.js";
import { parseAmountInWords } from "./parse-amount-words.js";

/**
 * Worked out by hand from the PBOC writing rules (数字中间有0写零; 角位0而分位不是0时元后写零; 到元为止写整,
 * 角后可不写整, 分后不写整; 壹拾 never 拾). "section" = a 4-digit group under 万 or 亿.
 */
const TABLE: [amount: string, words: string, why: string][] = [
  ["106000.00", "壹拾万陆仟圆整", "10|6000: 壹拾 万, 陆仟, whole 圆 → 整"],
  ["16000", "壹万陆仟圆整", "1|6000 (gd sample)"],
  ["2.12", "贰圆壹角贰分", "mof sample; 分 → no 整"],
  ["130864.19", "壹拾叁万零捌佰陆拾肆圆壹角玖分", "13|0864: 千位 0 inside → 零"],
  ["-500", "（负数）伍佰圆整", "negative prefix (red sample)"],
  ["0.05", "伍分", "no 圆 when there are no whole 圆"],
  ["0.5", "伍角", "角 only; 整 may be left out after 角"],
  ["0.15", "壹角伍分", ""],
  ["-0.01", "（负数）壹分", ""],
  ["0", "零圆整", "zero"],
  ["1", "壹圆整", ""],
  ["10", "壹拾圆整", "壹 before 拾 is required"],
  ["10.00", "壹拾圆整", "text with .00 is still whole 圆 (nzh's toMoney drops 整 here)"],
  ["15", "壹拾伍圆整", ""],
  ["10.5", "壹拾圆伍角", "元位 0, 角 5: 零 optional, none written; no 整 after 角"],
  ["101", "壹佰零壹圆整", "拾位 0 inside → 零"],
  ["1001", "壹仟零壹圆整", "two zeros inside → one 零"],
  ["1010", "壹仟零壹拾圆整", ""],
  ["1000.05", "壹仟圆零伍分", "角 0, 分 5 → 零 after 圆 (mandatory)"],
  ["1409.50", "壹仟肆佰零玖圆伍角", "PBOC's own example"],
  ["6007.14", "陆仟零柒圆壹角肆分", "PBOC: consecutive zeros → one 零"],
  ["16409.02", "壹万陆仟肆佰零玖圆零贰分", "PBOC rule 4"],
  ["325.04", "叁佰贰拾伍圆零肆分", "PBOC rule 4"],
  ["1680.32", "壹仟陆佰捌拾圆叁角贰分", "PBOC rule 3, form without 零"],
  ["10000", "壹万圆整", "万 boundary"],
  ["10001", "壹万零壹圆整", "zeros after 万 then 壹 → 零"],
  ["100500", "壹拾万零伍佰圆整", "万位 and 千位 0 → 零"],
  ["107000.53", "壹拾万柒仟圆伍角叁分", "万位 0, 千位 7: 零 optional, none written"],
  ["110000", "壹拾壹万圆整", ""],
  ["20000000", "贰仟万圆整", ""],
  ["100000000", "壹亿圆整", "亿 boundary"],
  ["100000001", "壹亿零壹圆整", "empty 万 section → 零"],
  ["100010000", "壹亿零壹万圆整", "亿 then 0001 万 → 零"],
  ["100007000", "壹亿零柒仟圆整", "whole 万 section empty → 零"],
  ["120000000.10", "壹亿贰仟万圆壹角", ""],
  ["999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖圆玖角玖分", "largest line amount"],
  ["1000000000000", "壹万亿圆整", "10^12"],
  ["2.125", "贰圆壹角叁分", "rounded to cents first: 2.125 → 2.13 (half away from zero)"],
  ["-2.125", "（负数）贰圆壹角叁分", "-2.125 → -2.13 (away from zero, not -2.12)"],
  ["0.004", "零圆整", "rounds to 0.00"],
  ["0.005", "壹分", "rounds to 0.01"],
];

describe("amountInWords", () => {
  it.each(TABLE)("%s → %s (%s)", (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it.each(TABLE)("%s: the invoice totals' path (money text in hand) writes %s too", (amount, words) => {
    expect(moneyTextInWords(moneyText(new Decimal(amount)), "圆")).toBe(words);
    expect(decimalInWords(new Decimal(amount), "元")).toBe(words.replaceAll("圆", "元"));
  });

  it("writes 元 on request", () => {
    expect(amountInWords("39.54", "元")).toBe("叁拾玖元伍角肆分");
    expect(amountInWords("106000", "元")).toBe("壹拾万陆仟元整");
    expect(amountInWords("-500", "元")).toBe("（负数）伍佰元整");
    expect(amountInWords("0", "元")).toBe("零元整");
  });

  it("agrees with the real samples", () => {
    for (const file of [
      "gd-special-1pct-inclusive.xml",
      "mof-official-special.xml",
      "red-invoice-fragments.xml",
    ]) {
      const xml = readSample(file);
      expect(amountInWords(tag(xml, "TotalTax-includedAmount"))).toBe(
        tag(xml, "TotalTax-includedAmountInChinese"),
      );
    }
  });

  it("refuses text that is not a decimal", () => {
    expect(() => amountInWords("1e3")).toThrow(RangeError);
    expect(() => amountInWords("十")).toThrow(RangeError);
  });

  it("writes the 万亿 section up to the largest amount below 10^16, and refuses 10^16 (亿 would nest)", () => {
    // 10^12 = 一万亿; 1,200,000,000,000 = 一万二千亿; 1,000,000,010,000 = 一万亿 + 一万, the 亿 section empty
    expect(amountInWords("1000000000000")).toBe("壹万亿圆整");
    expect(amountInWords("1200000000000")).toBe("壹万贰仟亿圆整");
    expect(amountInWords("1000000010000")).toBe("壹万亿零壹万圆整");
    expect(amountInWords("9999999999999999.99")).toBe(
      "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖圆玖角玖分",
    );
    expect(() => amountInWords("10000000000000000")).toThrow(/10\^16/);
    expect(() => amountInWords("-10000000000000000.00")).toThrow(RangeError);
    // rounding to cents first: 9999999999999999.995 is 10^16
    expect(() => amountInWords("9999999999999999.995")).toThrow(RangeError);
  });

  it("property: the capital digits are the non-zero digits of the amount, in order", () => {
    const units = /[零拾佰仟万亿圆元角分整（负数）]/g;
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
        const text = centsText(cents);
        const digits = amountInWords(text).replace(units, "");
        const expected = text.replace(/[-.0]/g, "");
        expect([...digits].map((c) => "零壹贰叁肆伍陆柒捌玖".indexOf(c)).join("")).toBe(expected);
      }),
    );
  });

  it("property: 整 exactly when there are no 角 and 分; （负数） exactly when negative", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
        const words = amountInWords(centsText(cents));
        expect(words.endsWith("整")).toBe(cents % 100n === 0n);
        expect(words.startsWith("（负数）")).toBe(cents < 0n);
      }),
    );
  });

  it("property: the integer part is what nzh's encodeB writes, over the whole range below 10^16", () => {
    // nzh (a devDependency since efapiao writes the numerals itself) is the independent oracle.
    fc.assert(
      fc.property(
        fc.oneof(
          fc.bigInt({ min: 1n, max: 10n ** 16n - 1n }),
          // zeros in every section and between them: digits drawn mostly from 0
          fc
            .array(fc.constantFrom(0, 0, 0, 1, 7), { minLength: 1, maxLength: 16 })
            .map((d) => BigInt(`1${d.join("")}`.slice(0, 16))),
        ),
        (n) => {
          expect(integerInWords(n.toString())).toBe(nzh.encodeB(n.toString(), { ww: false }));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("property: the words parse back to the amount (圆 and 元)", () => {
    fc.assert(
      fc.property(
        // every amount that can be written: below 10^16 yuan
        fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n }),
        fc.constantFrom("圆", "元"),
        (cents, yuan) => {
          const text = centsText(cents);
          const parsed = parseAmountInWords(amountInWords(text, yuan));
          expect(parsed).toEqual({ ok: true, value: text, diagnostics: [] });
        },
      ),
    );
  });
});
