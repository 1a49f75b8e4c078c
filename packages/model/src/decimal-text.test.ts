import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_FRACTION_DIGITS,
  MAX_INTEGER_DIGITS,
  numberToDecimalText,
  readDecimal,
  readRate,
  shiftDecimalPoint,
  trimDecimal,
} from "./decimal-text.js";

/**
 * Oracle for decimal text, independent of the module: a decimal is an integer mantissa (BigInt) and a
 * scale (digits after the point), printed back by inserting the point into the mantissa's digits.
 */
function scaled(mantissa: bigint, scale: number): string {
  if (mantissa === 0n) return "0";
  const negative = mantissa < 0n;
  let digits = (negative ? -mantissa : mantissa).toString();
  if (scale <= 0) return (negative ? "-" : "") + digits + "0".repeat(-scale);
  digits = digits.padStart(scale + 1, "0");
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, "");
  return (negative && text !== "0" ? "-" : "") + text;
}

describe("numberToDecimalText", () => {
  it("writes the shortest decimal, expanding exponent forms", () => {
    expect(numberToDecimalText(0.1)).toBe("0.1");
    expect(numberToDecimalText(123.45)).toBe("123.45");
    expect(numberToDecimalText(1e-7)).toBe("0.0000001");
    expect(numberToDecimalText(1.5e-7)).toBe("0.00000015");
    expect(numberToDecimalText(-2.5e-8)).toBe("-0.000000025");
    expect(numberToDecimalText(1e21)).toBe("1000000000000000000000");
    expect(numberToDecimalText(1.23e25)).toBe("12300000000000000000000000");
    expect(numberToDecimalText(0)).toBe("0");
    expect(numberToDecimalText(-0)).toBe("0");
  });

  it("round-trips every finite double through plain decimal text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = numberToDecimalText(x);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(x === 0 ? 0 : x); // -0 is written "0"
      }),
    );
  });
});

describe("shiftDecimalPoint and trimDecimal", () => {
  it("moves the point as text", () => {
    expect(shiftDecimalPoint("1.5", 2)).toBe("150");
    expect(shiftDecimalPoint("0.5", 2)).toBe("50");
    expect(shiftDecimalPoint("12.5", -3)).toBe("0.0125");
    expect(shiftDecimalPoint("100", -2)).toBe("1");
    expect(shiftDecimalPoint("6", -2)).toBe("0.06");
  });

  it("agrees with integer arithmetic on the mantissa", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.nat(25),
        fc.integer({ min: -25, max: 25 }),
        (m, scale, k) => {
          // m·10^−scale shifted by k places is m·10^−(scale−k).
          expect(shiftDecimalPoint(scaled(m, scale), k)).toBe(scaled(m, scale - k));
        },
      ),
    );
  });

  it("trims any plain decimal, however many zeros it carries", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.nat(25),
        fc.nat(3),
        fc.nat(3),
        (m, scale, leading, trailing) => {
          // scaled() is trimmed; pad it with zeros on both sides and trim it back.
          const trimmed = scaled(m, scale);
          const negative = trimmed.startsWith("-");
          const unsigned = negative ? trimmed.slice(1) : trimmed;
          const padded =
            (negative ? "-" : "") +
            "0".repeat(leading) +
            unsigned +
            (trailing > 0 ? (unsigned.includes(".") ? "" : ".") + "0".repeat(trailing) : "");
          expect(trimDecimal(padded)).toBe(trimmed);
          expect(trimDecimal(`-${"0".repeat(leading + 1)}.${"0".repeat(trailing + 1)}`)).toBe("0");
        },
      ),
    );
  });

  it("trims text that is not a plain decimal part by part, as it always has", () => {
    expect(trimDecimal(".50")).toBe(".5");
    expect(trimDecimal("00.")).toBe("0");
    expect(trimDecimal("1.20.3")).toBe("1.2");
    expect(trimDecimal("")).toBe("");
    expect(trimDecimal("-")).toBe("-");
    expect(trimDecimal("007a")).toBe("7a");
    expect(trimDecimal("1e5")).toBe("1e5");
  });

  it("trims leading and trailing zeros and never writes minus zero", () => {
    expect(trimDecimal("007.500")).toBe("7.5");
    expect(trimDecimal("-1.0")).toBe("-1");
    expect(trimDecimal("-0.00")).toBe("0");
    expect(trimDecimal("100")).toBe("100");
    expect(trimDecimal("0.000")).toBe("0");
  });
});

describe("readDecimal", () => {
  it("keeps strings exactly as written", () => {
    expect(readDecimal("100000.00")).toEqual({ ok: true, text: "100000.00" });
    expect(readDecimal("-0.5")).toEqual({ ok: true, text: "-0.5" });
    expect(readDecimal("0.1")).toEqual({ ok: true, text: "0.1" });
  });

  it("reads numbers through their shortest decimal", () => {
    expect(readDecimal(0.1)).toEqual({ ok: true, text: "0.1" });
    expect(readDecimal(100)).toEqual({ ok: true, text: "100" });
    expect(readDecimal(1e-7)).toEqual({ ok: true, text: "0.0000001" });
  });

  it.each([
    "1,000",
    "1e5",
    " 1",
    "1 ",
    "",
    ".5",
    "5.",
    "+1",
    "--1",
    "0x10",
    "１００",
    "NaN",
  ])("rejects the string %j with a bilingual message", (text) => {
    const read = readDecimal(text);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(read.message.en).toMatch(/decimal/);
    }
  });

  it("rejects non-finite numbers and non-numeric values", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, {}, [], 1n]) {
      expect(readDecimal(value).ok).toBe(false);
    }
  });

  it(`allows ${MAX_INTEGER_DIGITS} integer digits (leading zeros do not count) and ${MAX_FRACTION_DIGITS} decimals`, () => {
    expect(MAX_INTEGER_DIGITS).toBe(12); // e-tax bureau limit on 单价 and 数量
    expect(readDecimal("999999999999.99").ok).toBe(true);
    expect(readDecimal("0000999999999999").ok).toBe(true);
    expect(readDecimal("1000000000000").ok).toBe(false);
    expect(readDecimal(1e21).ok).toBe(false);
    expect(readDecimal(`0.${"1".repeat(20)}`).ok).toBe(true);
    expect(readDecimal(`0.${"1".repeat(21)}`).ok).toBe(false);
    expect(readDecimal(5e-324).ok).toBe(false);
  });

  it("names what is wrong: the form, the integer digits or the decimals", () => {
    expect(readDecimal("12a")).toMatchObject({
      ok: false,
      message: { en: '"12a" is not a valid decimal number (e.g. 100.00)' },
    });
    expect(readDecimal("-1000000000000")).toMatchObject({
      ok: false,
      message: { en: expect.stringContaining("12 integer digits") },
    });
    expect(readDecimal(`-1.${"5".repeat(21)}`)).toMatchObject({
      ok: false,
      message: { en: expect.stringContaining("at most 20") },
    });
    // the form is checked first: a long bad text is not reported as too large
    expect(readDecimal(`${"9".repeat(13)}x`)).toMatchObject({
      ok: false,
      message: { en: expect.stringContaining("not a valid") },
    });
    expect(readDecimal("-0")).toEqual({ ok: true, text: "-0" });
    expect(readDecimal("-")).toMatchObject({ ok: false });
  });

  it("keeps messages short for huge input", () => {
    const read = readDecimal("x".repeat(1_000_000));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message.zh.length + read.message.en.length).toBeLessThan(300);
  });

  it("never throws, and what it accepts is a plain decimal", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.double()), (value) => {
        const read = readDecimal(value);
        if (read.ok) expect(read.text).toMatch(/^-?\d+(\.\d+)?$/);
      }),
    );
  });
});

describe("readRate", () => {
  it("reads percentages, fractions and numbers into a trimmed fraction", () => {
    expect(readRate("6%")).toEqual({ ok: true, text: "0.06" });
    expect(readRate("13%")).toEqual({ ok: true, text: "0.13" });
    expect(readRate("1.5%")).toEqual({ ok: true, text: "0.015" });
    expect(readRate("0%")).toEqual({ ok: true, text: "0" });
    expect(readRate("0.06")).toEqual({ ok: true, text: "0.06" });
    expect(readRate("0.060000")).toEqual({ ok: true, text: "0.06" });
    expect(readRate(0.06)).toEqual({ ok: true, text: "0.06" });
    expect(readRate(0)).toEqual({ ok: true, text: "0" });
  });

  it.each([
    ["100%"],
    ["1"],
    ["6"],
    ["-6%"],
    ["6 %"],
    ["%"],
    ["6%%"],
    ["-0.06"],
    ["abc"],
    [true],
    [null],
    [1.5],
  ])("rejects %j, naming the accepted forms", (value) => {
    const read = readRate(value);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message.en).toContain("6%");
  });

  it("applies the decimal size limits to percentages too", () => {
    expect(readRate(`0.${"0".repeat(30)}1%`).ok).toBe(false);
    expect(readRate(`${"0".repeat(10)}6%`)).toEqual({ ok: true, text: "0.06" });
  });

  it("reads any per cent below 100 as the decimal point moved two places, and rejects 100 and more", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.nat(12), fc.nat(2), (m, scale, leading) => {
        const percent = "0".repeat(leading) + scaled(m, scale);
        const fraction = shiftDecimalPoint(percent, -2);
        const read = readRate(`${percent}%`);
        if (fraction.startsWith("0")) expect(read).toEqual({ ok: true, text: fraction });
        else expect(read.ok).toBe(false);
      }),
    );
  });

  it("reports the offending value for any rejected rate", () => {
    expect(readRate("100.0%")).toMatchObject({
      ok: false,
      message: { en: expect.stringContaining('"100.0%"') },
    });
    expect(readRate("1.0")).toMatchObject({ ok: false, message: { zh: expect.stringContaining("“1.0”") } });
    expect(readRate(`1${"0".repeat(12)}%`).ok).toBe(false);
    expect(readRate(`0.${"1".repeat(21)}%`).ok).toBe(false);
    expect(readRate("-0.0")).toEqual({ ok: true, text: "0" });
  });

  it("reads n/1000 per cent as the fraction n/100000", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        expect(readRate(`${scaled(BigInt(n), 3)}%`)).toEqual({ ok: true, text: scaled(BigInt(n), 5) });
      }),
    );
  });
});
