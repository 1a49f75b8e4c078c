import { describe, expect, it } from "vitest";
import { parseSale, parseSaleJson } from "./sale.js";

const seedSale = {
  kind: "special",
  issueDate: "2026-05-18",
  seller: { name: "上海示例科技有限公司", taxId: "91310115MA1K3XYZ7A" },
  buyer: { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1B", naturalPerson: false },
  pricesIncludeTax: false,
  lines: [
    {
      name: "软件开发",
      code: "3040201010000000000",
      spec: "V2",
      unit: "项",
      quantity: "1",
      unitPrice: "100000.00",
      amount: "100000.00",
      taxRate: "6%",
      policy: "03",
      discount: "500.00",
    },
  ],
  remarks: "合同号 HT-2026-0518",
  drawer: "张伟",
};

describe("parseSale", () => {
  it("reads the seed's worked example, normalising the rate", () => {
    const result = parseSale(seedSale);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.lines[0]!.taxRate).toBe("0.06");
    expect(result.value.lines[0]!.unitPrice).toBe("100000.00");
  });

  it("reads JSON numbers through their shortest decimal form", () => {
    const result = parseSale({
      ...seedSale,
      lines: [{ name: "x", code: "3040201010000000000", amount: 0.1, taxRate: 0.06 }],
    });
    expect(result.ok && result.value.lines[0]).toMatchObject({ amount: "0.1", taxRate: "0.06" });
  });

  it("names the path of every problem, in Chinese and English", () => {
    const result = parseSale({
      ...seedSale,
      kind: "vip",
      buyer: { name: "B", taxid: "x" },
      lines: [{ name: "x", code: "123", amount: "1,000", taxRate: "6" }],
    });
    expect(result.ok).toBe(false);
    const paths = result.diagnostics.map((d) => d.path).sort();
    expect(paths).toEqual(["buyer.taxid", "kind", "lines[0].amount", "lines[0].code", "lines[0].taxRate"]);
    for (const d of result.diagnostics) {
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.messageEn).toMatch(/[a-z]/);
    }
  });

  it("requires an amount or a quantity with a unit price", () => {
    const result = parseSale({
      ...seedSale,
      lines: [{ name: "x", code: "3040201010000000000", quantity: "2", taxRate: "6%" }],
    });
    expect(result.diagnostics).toMatchObject([{ path: "lines[0].amount", rule: "SALE_LINE_AMOUNT_MISSING" }]);
  });

  it("rejects impossible dates, empty line lists and non-positive discounts", () => {
    const result = parseSale({
      ...seedSale,
      issueDate: "2026-02-30",
      lines: [],
    });
    expect(result.diagnostics.map((d) => d.path).sort()).toEqual(["issueDate", "lines"]);
    const discount = parseSale({ ...seedSale, lines: [{ ...seedSale.lines[0], discount: "-5" }] });
    expect(discount.diagnostics).toMatchObject([{ path: "lines[0].discount" }]);
  });

  it("reports a missing tax rate as missing, not as an invalid rate", () => {
    const result = parseSale({
      ...seedSale,
      lines: [{ name: "x", code: "3040201010000000000", amount: "1" }],
    });
    expect(result.diagnostics).toMatchObject([{ path: "lines[0].taxRate", rule: "SALE_REQUIRED" }]);
  });

  it("reports a missing required field as missing", () => {
    const { seller: _seller, ...noSeller } = seedSale;
    const result = parseSale(noSeller);
    expect(result.diagnostics).toMatchObject([{ path: "seller", rule: "SALE_REQUIRED" }]);
  });

  it("turns malformed JSON into a diagnostic", () => {
    const result = parseSaleJson('{"kind": ');
    expect(result).toMatchObject({ ok: false, diagnostics: [{ rule: "JSON_MALFORMED", path: "" }] });
  });
});
