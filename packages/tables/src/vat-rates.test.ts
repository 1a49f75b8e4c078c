import { describe, expect, it } from "vitest";
import { isKnownRate, isRateInForce, ratesInForce, TAX_RATES } from "./vat-rates.js";

const vatOn = (date: string) =>
  ratesInForce(date, "vat")
    .map((rate) => rate.rate)
    .sort();
const levyOn = (date: string) =>
  ratesInForce(date, "levy")
    .map((rate) => rate.rate)
    .sort();

describe("VAT rates over time (财税〔2018〕32号, 公告2019年第39号, 财税〔2017〕37号)", () => {
  it("has 13/9/6/0 since the 2019-04-01 cut", () => {
    expect(vatOn("2019-04-01")).toEqual(["0", "0.06", "0.09", "0.13"]);
    expect(vatOn("2026-05-18")).toEqual(["0", "0.06", "0.09", "0.13"]);
  });

  it("has 16/10 from 2018-05-01 to 2019-03-31", () => {
    expect(vatOn("2018-05-01")).toEqual(["0", "0.06", "0.1", "0.16"]);
    expect(vatOn("2019-03-31")).toEqual(["0", "0.06", "0.1", "0.16"]);
  });

  it("has 17/11 before 2018-05-01, and 13 only until 2017-06-30", () => {
    expect(vatOn("2018-04-30")).toEqual(["0", "0.06", "0.11", "0.17"]);
    expect(vatOn("2017-06-30")).toEqual(["0", "0.06", "0.11", "0.13", "0.17"]);
  });

  it("has the small-scale levy rates, with 1% only in the reduction periods", () => {
    expect(levyOn("2019-01-01")).toEqual(["0.015", "0.03", "0.05"]);
    expect(levyOn("2021-06-01")).toEqual(["0.01", "0.015", "0.03", "0.05"]);
    expect(levyOn("2022-06-01")).toEqual(["0.015", "0.03", "0.05"]); // exempt instead (公告2022年第15号)
    expect(levyOn("2027-12-31")).toEqual(["0.01", "0.015", "0.03", "0.05"]);
    expect(levyOn("2028-01-01")).toEqual(["0.015", "0.03", "0.05"]);
  });

  it("matches nothing for a malformed date", () => {
    expect(ratesInForce("2019-4-1")).toEqual([]);
    expect(isRateInForce(TAX_RATES[0]!, "")).toBe(false);
  });

  it("knows exactly the twelve rates the WeChat Pay 数电 API accepts", () => {
    const rates = [
      "0",
      "0.01",
      "0.015",
      "0.03",
      "0.05",
      "0.06",
      "0.09",
      "0.1",
      "0.11",
      "0.13",
      "0.16",
      "0.17",
    ];
    expect(TAX_RATES.map((rate) => rate.rate).sort()).toEqual(rates);
    for (const rate of rates) expect(isKnownRate(rate)).toBe(true);
    expect(isKnownRate("0.14")).toBe(false);
    expect(isKnownRate("0.10")).toBe(false); // payload rates are trimmed: "0.1"
  });

  it("labels and sources every rate", () => {
    for (const rate of TAX_RATES) {
      expect(rate.zh).not.toBe("");
      expect(rate.en).not.toBe("");
      expect(rate.source).not.toBe("");
    }
  });
});
