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

  it("reads every decimal field through its reader, naming the field, the rule and the problem", () => {
    const result = parseSale({
      ...seedSale,
      lines: [
        {
          name: "x",
          code: "3040201010000000000",
          quantity: true,
          unitPrice: "1e5",
          amount: Number.POSITIVE_INFINITY,
          taxRate: "6",
          discount: null,
        },
      ],
    });
    expect(result.diagnostics).toEqual([
      {
        rule: "SALE_DECIMAL",
        severity: "error",
        path: "lines[0].quantity",
        message: "应为数字或数字字符串",
        messageEn: "Expected a number or a numeric string",
      },
      {
        rule: "SALE_DECIMAL",
        severity: "error",
        path: "lines[0].unitPrice",
        message: "“1e5” 不是有效的数字（例如 100.00）",
        messageEn: '"1e5" is not a valid decimal number (e.g. 100.00)',
      },
      {
        rule: "SALE_DECIMAL",
        severity: "error",
        path: "lines[0].amount",
        message: "不是有限的数：Infinity",
        messageEn: "Not a finite number: Infinity",
      },
      {
        rule: "SALE_RATE",
        severity: "error",
        path: "lines[0].taxRate",
        message: "税率 “6” 无效：应写作 6%、0.06 或 0.06（0 到 100% 之间）",
        messageEn: 'Tax rate "6" is invalid: write it as 6%, "0.06" or 0.06 (between 0 and 100%)',
      },
      {
        rule: "SALE_DECIMAL",
        severity: "error",
        path: "lines[0].discount",
        message: "应为数字或数字字符串",
        messageEn: "Expected a number or a numeric string",
      },
    ]);
  });

  it("checks a line's amounts only once its fields read, and words both line problems", () => {
    const line = { name: "x", code: "3040201010000000000", taxRate: "6%" };
    // A field that does not read stops the line's own checks (as zod aborts refinements).
    expect(parseSale({ ...seedSale, lines: [{ ...line, quantity: "x" }] }).diagnostics).toMatchObject([
      { path: "lines[0].quantity", rule: "SALE_DECIMAL" },
    ]);
    // A bad code or policy does not: their checks let the line's checks run.
    expect(
      parseSale({ ...seedSale, lines: [{ ...line, code: "1", quantity: 2, discount: "0.00" }] }).diagnostics,
    ).toEqual([
      {
        rule: "SALE_INVALID",
        severity: "error",
        path: "lines[0].code",
        message: "税收分类编码应为 19 位数字",
        messageEn: "The classification code (税收分类编码) has exactly 19 digits",
      },
      {
        rule: "SALE_LINE_AMOUNT_MISSING",
        severity: "error",
        path: "lines[0].amount",
        message: "每行需要金额，或者数量和单价",
        messageEn: "A line needs an amount, or a quantity and a unit price",
      },
      {
        rule: "SALE_DISCOUNT_NOT_POSITIVE",
        severity: "error",
        path: "lines[0].discount",
        message: "折扣金额应为正数（开票时生成负数的折扣行）",
        messageEn: "A discount is a positive amount (it becomes a negative discount line)",
      },
    ]);
  });

  it("writes decimals as text, keeps optional fields given as undefined, and fills in the defaults", () => {
    const result = parseSale({
      ...seedSale,
      buyer: { name: "B" },
      pricesIncludeTax: undefined,
      lines: [
        {
          name: "x",
          code: "3040201010000000000",
          quantity: 2,
          unitPrice: 1.5e-7,
          taxRate: 0.13,
          discount: undefined,
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.pricesIncludeTax).toBe(false);
    expect(result.value.buyer.naturalPerson).toBe(false);
    expect(result.value.lines[0]).toStrictEqual({
      name: "x",
      code: "3040201010000000000",
      quantity: "2",
      unitPrice: "0.00000015",
      taxRate: "0.13",
      discount: undefined,
    });
    expect(Object.keys(result.value.lines[0]!)).toEqual([
      "name",
      "code",
      "quantity",
      "unitPrice",
      "taxRate",
      "discount",
    ]);
  });

  it("turns malformed JSON into a diagnostic", () => {
    const result = parseSaleJson('{"kind": ');
    expect(result).toMatchObject({ ok: false, diagnostics: [{ rule: "JSON_MALFORMED", path: "" }] });
  });
});
