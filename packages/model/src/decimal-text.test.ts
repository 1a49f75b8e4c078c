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

  it("reads n/1000 per cent as the fraction n/100000", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        expect(readRate(`${scaled(BigInt(n), 3)}%`)).toEqual({ ok: true, text: scaled(BigInt(n), 5) });
      }),
    );
  });
});
