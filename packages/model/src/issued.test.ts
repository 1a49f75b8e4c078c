import { describe, expect, it } from "vitest";
import {
  datePart,
  type Invoice,
  InvoiceSchema,
  isDateOrDateTime,
  IssuedInvoiceSchema,
  toInvoice,
  withIssuance,
  XmlBlockSchema,
} from "./index.js";

/** The contracts' worked example (contracts.md §2), as the lead's build produces it. */
const invoice: Invoice = {
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

const issuance = {
  number: "26442000000036916313",
  issuedAt: "2026-05-19 09:30:00",
  taxBureau: { code: "14400000000", name: "国家税务总局广东省税务局" },
  version: "0.31",
};

describe("withIssuance", () => {
  it("adds the issuance details; the issue date becomes the day of issuance", () => {
    const result = withIssuance(invoice, issuance);
    expect(result).toEqual({
      ok: true,
      value: {
        ...invoice,
        issueDate: "2026-05-19",
        ...issuance,
        direction: "blue",
        labels: [],
        requestTime: "2026-05-19 09:30:00",
      },
      diagnostics: [],
    });
  });

  it("makes a red invoice from a red reference", () => {
    const red = { originalNumber: "24112000000135114086", confirmationFormNumber: "11010824091002615708" };
    const result = withIssuance(invoice, { ...issuance, red });
    expect(result.ok && [result.value.direction, result.value.red]).toEqual(["red", red]);
  });

  it("explains bad details with paths instead of throwing", () => {
    const result = withIssuance(invoice, {
      ...issuance,
      number: "2644200000003691631",
      issuedAt: "2026-02-30",
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.path, d.rule])).toEqual([
      ["number", "INVOICE_NUMBER_LENGTH"],
      ["issuedAt", "ISSUED_DATE_TIME"],
    ]);
  });
});

describe("IssuedInvoiceSchema", () => {
  const issued = withIssuance(invoice, issuance);
  const value = issued.ok ? issued.value : (undefined as never);

  it("is strict like InvoiceSchema: unknown fields are rejected", () => {
    const result = IssuedInvoiceSchema.safeParse({ ...value, numbr: "1" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["numbr"] });
  });

  it("requires the issue date to be the day of issuedAt", () => {
    const result = IssuedInvoiceSchema.safeParse({ ...value, issueDate: "2026-05-18" });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["issueDate"]);
  });

  it("refuses a red reference on a blue invoice", () => {
    const red = { originalNumber: "24112000000135114086", confirmationFormNumber: "11010824091002615708" };
    const result = IssuedInvoiceSchema.safeParse({ ...value, red });
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["red"]);
  });

  it("gives back exactly the canonical invoice through toInvoice", () => {
    const canonical = toInvoice(value);
    expect(InvoiceSchema.parse(canonical)).toEqual(canonical);
    expect(canonical).toEqual({ ...invoice, issueDate: "2026-05-19" });
  });
});

describe("dates and blocks", () => {
  it.each([
    ["2024-01-24", true],
    ["2023-02-23 10:08:05", true],
    ["2023-02-23T10:08", true],
    ["2023-02-30", false],
    ["2023-02-23 24:00:00", false],
    ["2023-2-3", false],
    ["20230223", false],
  ])("isDateOrDateTime(%j) is %s", (text, ok) => {
    expect(isDateOrDateTime(text)).toBe(ok);
  });

  it("datePart takes the day", () => {
    expect(datePart("2023-02-23 10:08:05")).toBe("2023-02-23");
  });

  it("XmlBlockSchema checks nested blocks and names", () => {
    const toll = {
      name: "Toll",
      children: [
        { name: "PlateNumber", text: "粤A12345" },
        { name: "efp:x", attributes: { URI: "/a" } },
      ],
    };
    expect(XmlBlockSchema.safeParse(toll).success).toBe(true);
    const bad = XmlBlockSchema.safeParse({ name: "Toll", children: [{ name: "1bad" }] });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["children.0.name"]);
  });
});
