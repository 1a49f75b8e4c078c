// The bureau's 用途确认 codes read into the port's values (乐企增值税抵扣勾选能力 V3.018: hxyt, cljg).
import { describe, expect, it } from "vitest";
import { receivedInvoices, useRefusal, useResult } from "./use-results.js";

describe("use results", () => {
  it("01 is done; any other code is a refusal with the provider's words", () => {
    expect(useResult("1", "01")).toEqual({ number: "1", ok: true });
    expect(useResult("1", "06", "已勾选无法重复勾选")).toEqual({
      number: "1",
      ok: false,
      providerCode: "06",
      providerMessage: "已勾选无法重复勾选",
    });
    // A batch refused as a whole may answer 01 (乐企 returncode 01 失败): a refusal all the same.
    expect(useRefusal("1", "01", "当期已锁定")).toEqual({
      number: "1",
      ok: false,
      providerCode: "01",
      providerMessage: "当期已锁定",
    });
  });

  it("reads received rows: money with two decimals, the day, the use status from hxyt", () => {
    const names = {
      number: "no",
      issueDate: "day",
      sellerTaxId: "seller",
      sellerName: "name",
      amount: "amt",
      tax: "tax",
      useStatus: "use",
    };
    const rows = [
      { no: "A", day: "2024-05-28 10:00:00", seller: "S", name: "N", amt: 4197.17, tax: "251.8", use: "6" },
      { no: "B", day: "2024-05-29", amt: "", use: "9" },
    ];
    expect(receivedInvoices(rows, names)).toEqual([
      {
        number: "A",
        issueDate: "2024-05-28",
        sellerTaxId: "S",
        sellerName: "N",
        amount: "4197.17",
        tax: "251.80",
        useStatus: "no-deduct",
      },
      {
        number: "B",
        issueDate: "2024-05-29",
        sellerTaxId: "",
        sellerName: "",
        amount: "",
        tax: "",
        useStatus: "unconfirmed",
      },
    ]);
  });
});
