import { describe, expect, it } from "vitest";
import { readSample, tag } from "../test/samples.js";
import { parseAmountInWords } from "./parse-amount-words.js";

const value = (words: string) => parseAmountInWords(words);

describe("parseAmountInWords", () => {
  it("reads the capital amounts of the real samples", () => {
    for (const file of [
      "gd-special-1pct-inclusive.xml",
      "mof-official-special.xml",
      "red-invoice-fragments.xml",
    ]) {
      const xml = readSample(file);
      expect(value(tag(xml, "TotalTax-includedAmountInChinese"))).toEqual({
        ok: true,
        value: tag(xml, "TotalTax-includedAmount"),
        diagnostics: [],
      });
    }
  });

  it.each([
    ["壹拾万陆仟圆整", "106000.00"],
    ["壹拾万陆仟元整", "106000.00"],
    ["壹万陆仟圆正", "16000.00"],
    ["人民币壹万陆仟元整", "16000.00"],
    ["叁拾玖元伍角肆分", "39.54"],
    ["（负数）伍佰圆整", "-500.00"],
    ["(负数)伍佰圆整", "-500.00"],
    ["伍分", "0.05"],
    ["伍角", "0.50"],
    ["伍角整", "0.50"],
    ["零圆整", "0.00"],
    ["壹仟圆零伍分", "1000.05"],
    // PBOC rule 3 allows both forms when 元位 / 万位 is 0 and the next digit is not:
    ["壹仟陆佰捌拾元零叁角贰分", "1680.32"],
    ["壹仟陆佰捌拾元叁角贰分", "1680.32"],
    ["壹拾万零柒仟元零伍角叁分", "107000.53"],
    ["壹拾万柒仟元伍角叁分", "107000.53"],
    ["壹亿柒仟圆整", "100007000.00"],
    ["壹亿零柒仟圆整", "100007000.00"],
    ["壹万亿圆整", "1000000000000.00"],
  ])("%s → %s", (words, amount) => {
    expect(value(words)).toEqual({ ok: true, value: amount, diagnostics: [] });
  });

  it("warns, but reads, a missing 整 after 圆 and a 整 after 分", () => {
    const missing = parseAmountInWords("壹拾圆", "totals.totalInWords");
    expect(missing).toMatchObject({ ok: true, value: "10.00" });
    expect(missing.diagnostics).toMatchObject([
      { rule: "WORDS_ZHENG_MISSING", severity: "warning", path: "totals.totalInWords" },
    ]);
    const extra = parseAmountInWords("贰圆壹角贰分整");
    expect(extra).toMatchObject({ ok: true, value: "2.12" });
    expect(extra.diagnostics).toMatchObject([{ rule: "WORDS_ZHENG_AFTER_FEN", severity: "warning" }]);
  });

  it("reads the 万亿 section: 万 before the one 亿", () => {
    const read = (words: string) => parseAmountInWords(words);
    expect(read("壹万亿圆整")).toEqual({ ok: true, value: "1000000000000.00", diagnostics: [] });
    expect(read("壹万贰仟亿圆整")).toEqual({ ok: true, value: "1200000000000.00", diagnostics: [] });
    // 一万亿 + 五万: the whole 亿 section is empty, so one 零
    expect(read("壹万亿零伍万圆整")).toEqual({ ok: true, value: "1000000050000.00", diagnostics: [] });
    // 三千万亿 + 七 = 3 × 10^15 + 7
    expect(read("叁仟万亿零柒圆整")).toMatchObject({ ok: true, value: "3000000000000007.00" });
    expect(read("玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖圆玖角玖分")).toMatchObject({
      ok: true,
      value: "9999999999999999.99",
    });
  });

  it.each([
    ["壹亿亿圆整", "10^16"],
    ["贰万亿零叁佰亿圆整", "2 030 000 000 000 to one reader, (2万亿 + 300)亿 to another"],
    [
      "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾亿壹仟贰佰叁拾肆万伍仟陆佰柒拾捌圆整",
      "nested 亿 as nzh writes 10^17",
    ],
    ["（负数）壹亿亿圆整", "negative too"],
  ])("refuses %s: two 亿 (%s)", (words) => {
    const result = parseAmountInWords(words, "totals.totalInWords");
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [{ rule: "WORDS_OUT_OF_RANGE", severity: "error", path: "totals.totalInWords" }],
    });
    expect(result.diagnostics[0]!.message).toContain("两个“亿”");
    expect(result.diagnostics[0]!.messageEn).toContain("outside any invoice's range");
  });

  it.each([
    ["壹佰壹圆整", "skipped 拾 without 零: colloquially 110, so ambiguous"],
    ["壹仟零壹佰圆整", "a 零 that stands for no zero"],
    ["壹仟圆伍分", "角 0 and 分 5 need 零 (PBOC rule 4)"],
    ["拾圆整", "拾 without 壹"],
    ["一百元", "lower-case numerals"],
    ["壹仟圆零零伍分", "零 twice"],
    ["壹圆贰分壹角", "分 before 角"],
    ["壹拾零圆整", "零 at the end of the integer"],
    ["伍角伍", "digit without unit after 圆"],
    ["壹万万圆整", "万 twice"],
    ["圆整", "no digits"],
    ["", "empty"],
    ["壹拾", "neither 圆 nor 角/分"],
  ])("rejects %s (%s)", (words) => {
    const result = parseAmountInWords(words, "totals.totalInWords");
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      rule: "WORDS_MALFORMED",
      severity: "error",
      path: "totals.totalInWords",
    });
    expect(result.diagnostics[0]!.message).toContain("无法识别");
    expect(result.diagnostics[0]!.messageEn).toContain("Cannot read");
  });
});
