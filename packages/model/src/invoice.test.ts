import { describe, expect, it } from "vitest";
import {
  InvoiceLineSchema,
  InvoiceSchema,
  KIND_CODES,
  LineNatureSchema,
  MoneyText,
  RateText,
  TrimmedDecimalText,
} from "./invoice.js";
import { zodIssuesToDiagnostics } from "./zod-diagnostics.js";

/** The canonical payload of contracts.md §2, written out from the contract. */
const contractExample = {
  kind: "special",
  kindCode: "01",
  issueDate: "2026-05-18",
  seller: { name: "上海示例科技有限公司", taxId: "91310115MA1K3XYZ7A" },
  buyer: { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1B", naturalPerson: false },
  lines: [
    {
      index: 1,
      nature: "normal",
      itemName: "*信息技术服务*软件开发",
      name: "软件开发",
      shortName: "信息技术服务",
      code: "3040201010000000000",
      spec: "V2",
      unit: "项",
      quantity: "1",
      unitPrice: "100000",
      amount: "100000.00",
      taxRate: "0.06",
      tax: "6000.00",
      policy: null,
    },
  ],
  totals: { amount: "100000.00", tax: "6000.00", total: "106000.00", totalInWords: "壹拾万陆仟圆整" },
  remarks: "合同号 HT-2026-0518",
  drawer: "张伟",
};
const line = contractExample.lines[0]!;

function diagnose(value: unknown) {
  const parsed = InvoiceSchema.safeParse(value, { reportInput: true });
  return parsed.success ? [] : zodIssuesToDiagnostics(parsed.error.issues, "INVOICE");
}

describe("InvoiceSchema", () => {
  it("accepts the contract's example payload unchanged", () => {
    expect(InvoiceSchema.parse(contractExample)).toEqual(contractExample);
  });

  it("accepts a discounted line followed by its discount line without quantity and unit price", () => {
    const { quantity: _q, unitPrice: _p, ...rest } = line;
    const discount = { ...rest, index: 2, nature: "discount", amount: "-500.00", tax: "-30.00" };
    const invoice = { ...contractExample, lines: [{ ...line, nature: "discounted" }, discount] };
    expect(InvoiceSchema.safeParse(invoice).success).toBe(true);
  });

  it("rejects unknown fields instead of dropping them", () => {
    expect(diagnose({ ...contractExample, number: "24442000000036916313" })).toMatchObject([
      { rule: "INVOICE_UNKNOWN_FIELD", path: "number" },
    ]);
    expect(diagnose({ ...contractExample, lines: [{ ...line, taxrate: "0.06" }] })).toMatchObject([
      { rule: "INVOICE_UNKNOWN_FIELD", path: "lines[0].taxrate" },
    ]);
  });

  it("explains a badly written amount in both languages, at its path", () => {
    const diagnostics = diagnose({ ...contractExample, lines: [{ ...line, amount: "100000" }] });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ path: "lines[0].amount", severity: "error" });
    expect(diagnostics[0]!.message).toContain("两位小数");
    expect(diagnostics[0]!.messageEn).toContain("two decimals");
  });

  it("needs a positive whole line index, a code and at least one line", () => {
    expect(diagnose({ ...contractExample, lines: [{ ...line, index: 0 }] })).toMatchObject([
      { rule: "INVOICE_OUT_OF_RANGE", path: "lines[0].index" },
    ]);
    const fractional = diagnose({ ...contractExample, lines: [{ ...line, index: 1.5 }] });
    expect(fractional).toMatchObject([{ rule: "INVOICE_WRONG_TYPE", path: "lines[0].index" }]);
    expect(fractional[0]!.message).toContain("整数");
    // A masked or short code is read (the standard rule FP-CF-01 flags it); only an empty or absurdly long one is not.
    expect(diagnose({ ...contractExample, lines: [{ ...line, code: "3040xxxxxxxxxxxxxxx" }] })).toEqual([]);
    expect(diagnose({ ...contractExample, lines: [{ ...line, code: "" }] })).toMatchObject([
      { path: "lines[0].code" },
    ]);
    expect(diagnose({ ...contractExample, lines: [{ ...line, code: "9".repeat(41) }] })).toMatchObject([
      { path: "lines[0].code" },
    ]);
    expect(diagnose({ ...contractExample, lines: [] })).toMatchObject([
      { rule: "INVOICE_TOO_FEW", path: "lines" },
    ]);
  });

  it("knows the kinds, their codes and the line natures", () => {
    expect(KIND_CODES).toEqual({ special: "01", general: "02" }); // seed data model and platform XML
    expect(diagnose({ ...contractExample, kindCode: "81" })).toMatchObject([
      { rule: "INVOICE_INVALID_VALUE", path: "kindCode" },
    ]);
    expect(LineNatureSchema.options).toEqual(["normal", "discounted", "discount"]);
  });

  it("allows a null policy flag or one from 01 to 18", () => {
    expect(InvoiceLineSchema.safeParse({ ...line, policy: "03" }).success).toBe(true);
    expect(InvoiceLineSchema.safeParse({ ...line, policy: "18" }).success).toBe(true);
    expect(InvoiceLineSchema.safeParse({ ...line, policy: "19" }).success).toBe(false);
    expect(InvoiceLineSchema.safeParse({ ...line, policy: "00" }).success).toBe(false);
  });

  it("rejects an impossible issue date", () => {
    expect(diagnose({ ...contractExample, issueDate: "2026-02-29" })).toMatchObject([{ path: "issueDate" }]);
    expect(diagnose({ ...contractExample, issueDate: "2028-02-29" })).toEqual([]); // 2028 is a leap year
  });
});

describe("text formats of the payload", () => {
  const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, v: string) =>
    schema.safeParse(v).success;

  it("money has exactly two decimals", () => {
    for (const ok of ["100000.00", "-500.00", "0.00", "15841.58"]) expect(accepts(MoneyText, ok)).toBe(true);
    for (const bad of ["100", "100.0", "100.000", "1,000.00", " 1.00", "+1.00", ".50", "1.5e2"]) {
      expect(accepts(MoneyText, bad)).toBe(false);
    }
  });

  it("quantities and unit prices carry no redundant trailing zeros", () => {
    for (const ok of ["1", "15841.5841584158", "-2", "0.5", "100000"]) {
      expect(accepts(TrimmedDecimalText, ok)).toBe(true);
    }
    for (const bad of ["1.0", "1.50", "1.", ".5", "1e3", "100000.00"])
      expect(accepts(TrimmedDecimalText, bad)).toBe(false);
  });

  it("rates are trimmed decimal fractions below one", () => {
    for (const ok of ["0.06", "0.015", "0", "0.13"]) expect(accepts(RateText, ok)).toBe(true);
    for (const bad of ["0.060", "6%", "1", "0.", "0.0", "06", "-0.06", "0.06 "])
      expect(accepts(RateText, bad)).toBe(false);
  });
});
