import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRateText } from "./rate-text.js";

/** The twelve rates as a person writes them and as decimal fractions, worked out by hand. */
const WRITTEN: readonly [string, string][] = [
  ["13%", "0.13"],
  ["9%", "0.09"],
  ["6%", "0.06"],
  ["0%", "0"],
  ["17%", "0.17"],
  ["16%", "0.16"],
  ["11%", "0.11"],
  ["10%", "0.1"],
  ["5%", "0.05"],
  ["3%", "0.03"],
  ["1.5%", "0.015"],
  ["1%", "0.01"],
];

describe("parseRateText (ZZSSL)", () => {
  it("reads the forms found in the official table", () => {
    expect(parseRateText("13%")).toEqual({ ok: true, rates: ["0.13"] });
    expect(parseRateText("13%、9%")).toEqual({ ok: true, rates: ["0.13", "0.09"] });
    expect(parseRateText("9%、6%")).toEqual({ ok: true, rates: ["0.09", "0.06"] });
    expect(parseRateText("0%")).toEqual({ ok: true, rates: ["0"] });
    expect(parseRateText("")).toEqual({ ok: true, rates: [] });
  });

  it("reads words that stand for a zero rate, and percent cells stored as fractions", () => {
    expect(parseRateText("免税")).toEqual({ ok: true, rates: ["0"] });
    expect(parseRateText("不征税")).toEqual({ ok: true, rates: ["0"] });
    expect(parseRateText("0.13")).toEqual({ ok: true, rates: ["0.13"] });
    expect(parseRateText("3%, 1.5%")).toEqual({ ok: true, rates: ["0.03", "0.015"] });
  });

  it("rejects typos and rates never in force, with a bilingual message", () => {
    for (const text of ["13x%", "14%", "13", "百分之十三", "-6%", "100%"]) {
      const result = parseRateText(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) {
        expect(result.message.zh).toContain("无法识别的税率");
        expect(result.message.en).toContain("Unrecognised rate");
      }
    }
  });

  it("reads any list of known rates with any separators, in order and without repeats", () => {
    const separator = fc.constantFrom("、", ",", "，", "/", " ", "、 ", ";");
    fc.assert(
      fc.property(
        fc.array(fc.nat(WRITTEN.length - 1), { minLength: 1, maxLength: 6 }),
        separator,
        (picks, sep) => {
          const text = picks.map((pick) => WRITTEN[pick]![0]).join(sep);
          const expected = [...new Set(picks.map((pick) => WRITTEN[pick]![1]))];
          expect(parseRateText(text)).toEqual({ ok: true, rates: expected });
        },
      ),
    );
  });

  it("never throws, whatever the cell holds", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseRateText(text);
        if (result.ok) for (const rate of result.rates) expect(rate).toMatch(/^0(\.\d+)?$/);
      }),
    );
  });
});
