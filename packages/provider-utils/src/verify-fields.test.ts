// A provider's 查验 record in canonical names: values worked out by hand.
import { describe, expect, it } from "vitest";
import { verifyFields } from "./verify-fields.js";

describe("verifyFields", () => {
  it("maps names, writes money with two decimals, cuts dates to the day, drops empty values", () => {
    const record = {
      fphm: "24112000000048542163",
      kprq: "2024-05-28 14:03:12",
      hjje: 4197.17,
      jshj: "4449",
      bz: "",
      xsfmc: "北京某某",
    };
    const table = [
      ["fphm", "number", "text"],
      ["kprq", "issueDate", "date"],
      ["hjje", "totals.amount", "money"],
      ["jshj", "totals.total", "money"],
      ["bz", "remarks", "text"],
      ["xsfmc", "seller.name", "text"],
    ] as const;
    expect(verifyFields(record, table)).toEqual({
      number: "24112000000048542163",
      issueDate: "2024-05-28",
      "totals.amount": "4197.17",
      "totals.total": "4449.00",
      "seller.name": "北京某某",
    });
  });

  it("reads YYYYMMDD dates; keeps money with more than two decimals as given, so a comparison shows it", () => {
    const table = [
      ["kprq", "issueDate", "date"],
      ["je", "totals.amount", "money"],
    ] as const;
    expect(verifyFields({ kprq: "20240528", je: "4197.175" }, table)).toEqual({
      issueDate: "2024-05-28",
      "totals.amount": "4197.175",
    });
  });
});
