import { type Invoice, InvoiceSchema } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { afterEach, describe, expect, it, vi } from "vitest";
import { asMoney, items, readSample, tag, trimZeros } from "../test/samples.js";
import { BUYER, SELLER, SOFTWARE, saleOf, tableOf } from "../test/sales.js";
import { buildInvoice, buildInvoiceFromJson } from "./build.js";

const codes = builtinCodeTable();

/** The contracts' worked example (contracts.md §1), without its discount. */
const EXAMPLE_LINE = {
  name: "软件开发",
  code: SOFTWARE,
  spec: "V2",
  unit: "项",
  quantity: "1",
  unitPrice: "100000.00",
  taxRate: "6%",
};
const EXAMPLE_EXTRA = { remarks: "合同号 HT-2026-0518", drawer: "张伟" };

function built(result: ReturnType<typeof buildInvoice>) {
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  // Every payload must satisfy the contract's schema (contracts.md §2).
  InvoiceSchema.parse(result.value);
  return result.value;
}

/** The built invoice shows, line and totals, exactly what the platform printed in the sample file. */
function expectSameAsSample(invoice: Invoice, xml: string, item: string): void {
  expect(invoice.lines).toMatchObject([
    {
      itemName: tag(item, "ItemName"),
      quantity: tag(item, "Quantity"),
      unitPrice: tag(item, "UnPrice"),
      amount: asMoney(tag(item, "Amount")),
      taxRate: trimZeros(tag(item, "TaxRate")),
      tax: asMoney(tag(item, "ComTaxAm")),
    },
  ]);
  expect(invoice.totals).toStrictEqual({
    amount: tag(xml, "TotalAmWithoutTax"),
    tax: tag(xml, "TotalTaxAm"),
    total: tag(xml, "TotalTax-includedAmount"),
    totalInWords: tag(xml, "TotalTax-includedAmountInChinese"),
  });
}

describe("buildInvoice: the contracts' example", () => {
  it("without the discount gives the contract's payload", () => {
    const invoice = built(buildInvoice(saleOf([EXAMPLE_LINE], EXAMPLE_EXTRA), { codes }));
    expect(invoice).toStrictEqual({
      kind: "special",
      kindCode: "01",
      issueDate: "2026-05-18",
      seller: SELLER,
      buyer: { ...BUYER, naturalPerson: false },
      lines: [
        {
          index: 1,
          nature: "normal",
          itemName: "*信息技术服务*软件开发",
          name: "软件开发",
          shortName: "信息技术服务",
          code: SOFTWARE,
          spec: "V2",
          unit: "项",
          quantity: "1",
          unitPrice: "100000",
          amount: "100000.00",
          taxRate: "0.06",
          // 100000 × 0.06
          tax: "6000.00",
          policy: null,
        },
      ],
      // 100000 + 6000 = 106000 = 壹拾 万 陆仟 圆 整
      totals: { amount: "100000.00", tax: "6000.00", total: "106000.00", totalInWords: "壹拾万陆仟圆整" },
      remarks: "合同号 HT-2026-0518",
      drawer: "张伟",
    });
  });

  it("writes 元 on request", () => {
    const invoice = built(buildInvoice(saleOf([EXAMPLE_LINE]), { codes, words: "元" }));
    expect(invoice.totals.totalInWords).toBe("壹拾万陆仟元整");
  });

  it("with discount 500.00 adds a discount line and nets the totals", () => {
    const sale = saleOf([{ ...EXAMPLE_LINE, policy: "03", discount: "500.00" }], EXAMPLE_EXTRA);
    const invoice = built(buildInvoice(sale, { codes }));
    const shared = {
      itemName: "*信息技术服务*软件开发",
      name: "软件开发",
      shortName: "信息技术服务",
      code: SOFTWARE,
      taxRate: "0.06",
      policy: "03",
    };
    expect(invoice.lines).toStrictEqual([
      {
        index: 1,
        nature: "discounted",
        ...shared,
        spec: "V2",
        unit: "项",
        quantity: "1",
        unitPrice: "100000",
        amount: "100000.00",
        tax: "6000.00",
      },
      // −500 × 0.06 = −30; no quantity, unit price, spec or unit
      { index: 2, nature: "discount", ...shared, amount: "-500.00", tax: "-30.00" },
    ]);
    // 100000 − 500 = 99500; 6000 − 30 = 5970; 99500 + 5970 = 105470 = 壹拾万 伍仟肆佰柒拾 圆整
    expect(invoice.totals).toStrictEqual({
      amount: "99500.00",
      tax: "5970.00",
      total: "105470.00",
      totalInWords: "壹拾万伍仟肆佰柒拾圆整",
    });
  });
});

describe("buildInvoice: the real samples", () => {
  it("gd-special-1pct-inclusive.xml: 1 × 16000 including 1% tax", () => {
    const xml = readSample("gd-special-1pct-inclusive.xml");
    const [item] = items(xml);
    const code = tag(item!, "TaxClassificationCode");
    // The sample's table has this (masked) code with 简称 信息技术服务.
    const table = tableOf("sample", { code, shortName: "信息技术服务", rates: ["0.01"] });
    const sale = saleOf(
      [
        {
          name: tag(item!, "ItemName"),
          code,
          unit: tag(item!, "MeaUnits"),
          quantity: tag(item!, "Quantity"),
          unitPrice: tag(item!, "TotaltaxIncludedAmount"),
          taxRate: tag(item!, "TaxRate"),
        },
      ],
      { pricesIncludeTax: true, drawer: tag(xml, "Drawer") },
    );
    const invoice = built(buildInvoice(sale, { codes: table }));
    expectSameAsSample(invoice, xml, item!);
  });

  it("mof-official-special.xml: 2 × 1 at 6%, tax-exclusive", () => {
    const xml = readSample("mof-official-special.xml");
    const [item] = items(xml);
    const code = tag(item!, "TaxClassificationCode");
    const table = tableOf("sample", { code, shortName: "人力资源服务" });
    const sale = saleOf([
      {
        name: tag(item!, "ItemName"),
        code,
        quantity: tag(item!, "Quantity"),
        unitPrice: tag(item!, "UnPrice"),
        taxRate: tag(item!, "TaxRate"),
      },
    ]);
    const invoice = built(buildInvoice(sale, { codes: table }));
    expectSameAsSample(invoice, xml, item!);
  });
});

describe("buildInvoice: lines, names and codes", () => {
  it("numbers lines 1, 2, … in output order, discount lines included", () => {
    const invoice = built(
      buildInvoice(
        saleOf([
          { name: "甲", code: SOFTWARE, amount: "100", taxRate: "6%", discount: "10" },
          { name: "乙", code: SOFTWARE, amount: "200", taxRate: "6%" },
          { name: "丙", code: SOFTWARE, amount: "300", taxRate: "6%", discount: "30" },
        ]),
        { codes },
      ),
    );
    expect(invoice.lines.map((l) => [l.index, l.nature, l.name])).toEqual([
      [1, "discounted", "甲"],
      [2, "discount", "甲"],
      [3, "normal", "乙"],
      [4, "discounted", "丙"],
      [5, "discount", "丙"],
    ]);
    // amounts 100 − 10 + 200 + 300 − 30 = 560; taxes 6 − 0.6 + 12 + 18 − 1.8 = 33.60
    expect(invoice.totals).toMatchObject({ amount: "560.00", tax: "33.60", total: "593.60" });
  });

  it("accepts a name already carrying the table's *简称* prefix", () => {
    const invoice = built(
      buildInvoice(saleOf([{ ...EXAMPLE_LINE, name: "*信息技术服务*软件开发" }]), { codes }),
    );
    expect(invoice.lines[0]).toMatchObject({ itemName: "*信息技术服务*软件开发", name: "软件开发" });
  });

  it("rejects a prefix that is not the table's 简称, saying what the table has", () => {
    const result = buildInvoice(saleOf([{ ...EXAMPLE_LINE, name: "*其他软件服务*软件开发" }]), { codes });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([{ rule: "CALC_SHORT_NAME_MISMATCH", path: "lines[0].name" }]);
    expect(result.diagnostics[0]!.message).toContain("信息技术服务");
    expect(result.diagnostics[0]!.messageEn).toContain("信息技术服务");
  });

  it("rejects a name that is only a prefix", () => {
    const result = buildInvoice(saleOf([{ ...EXAMPLE_LINE, name: "*信息技术服务*" }]), { codes });
    expect(result.diagnostics).toMatchObject([{ rule: "CALC_NAME_EMPTY", path: "lines[0].name" }]);
  });

  it("rejects a code the table does not know, naming the table version", () => {
    const table = tableOf("32.0");
    const result = buildInvoice(saleOf([EXAMPLE_LINE]), { codes: table });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([{ rule: "CALC_CODE_UNKNOWN", path: "lines[0].code" }]);
    expect(result.diagnostics[0]!.message).toContain("32.0");
    expect(result.diagnostics[0]!.messageEn).toContain("version 32.0");
  });

  it("rejects a summary row: 汇总项不能开票", () => {
    const table = tableOf("32.0", { code: SOFTWARE, summary: true });
    const result = buildInvoice(saleOf([EXAMPLE_LINE]), { codes: table });
    expect(result.diagnostics).toMatchObject([{ rule: "CALC_CODE_SUMMARY", path: "lines[0].code" }]);
    expect(result.diagnostics[0]!.message).toContain("汇总项不能开票");
  });

  it("reports the problems of every line, each at its path", () => {
    const result = buildInvoice(
      saleOf([
        { ...EXAMPLE_LINE, code: "1234567890123456789" },
        EXAMPLE_LINE,
        { ...EXAMPLE_LINE, amount: "5", discount: "6" },
      ]),
      { codes },
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.path)).toEqual([
      "lines[0].code",
      "lines[2].amount",
      "lines[2].discount",
    ]);
  });

  it("reports a line's name and amount problems together, in that order, at the line's index", () => {
    const result = buildInvoice(
      saleOf([
        EXAMPLE_LINE,
        EXAMPLE_LINE,
        EXAMPLE_LINE,
        { ...EXAMPLE_LINE, name: "*x*软件开发", discount: "200000" },
      ]),
      { codes },
    );
    expect(result.diagnostics).toMatchObject([
      { rule: "CALC_SHORT_NAME_MISMATCH", path: "lines[3].name" },
      { rule: "CALC_DISCOUNT_TOO_LARGE", path: "lines[3].discount" },
    ]);
  });

  it("writes a discount line's amount and tax negated, and a zero tax as 0.00", () => {
    const invoice = built(
      buildInvoice(
        saleOf([
          { ...EXAMPLE_LINE, discount: "500.005" },
          { ...EXAMPLE_LINE, taxRate: "0", discount: "1" },
          { ...EXAMPLE_LINE, taxRate: "0.01", discount: "0.4" },
        ]),
        { codes },
      ),
    );
    const discounts = invoice.lines.filter((l) => l.nature === "discount").map((l) => [l.amount, l.tax]);
    // 500.005 → 500.01, × 0.06 = 30.0006 → 30.00; 0% → no tax; 0.40 × 0.01 = 0.004 → 0.00
    expect(discounts).toEqual([
      ["-500.01", "-30.00"],
      ["-1.00", "0.00"],
      ["-0.40", "0.00"],
    ]);
  });

  it("carries the policy flag, null when absent", () => {
    const invoice = built(
      buildInvoice(saleOf([EXAMPLE_LINE, { ...EXAMPLE_LINE, policy: "03", taxRate: "0" }]), { codes }),
    );
    expect(invoice.lines.map((l) => l.policy)).toEqual([null, "03"]);
  });

  it("codes a general invoice 02", () => {
    const invoice = built(buildInvoice(saleOf([EXAMPLE_LINE], { kind: "general" }), { codes }));
    expect(invoice).toMatchObject({ kind: "general", kindCode: "02" });
  });
});

describe("buildInvoice: the issue date", () => {
  afterEach(() => vi.useRealTimers());

  it("keeps the sale's date over options.today", () => {
    const invoice = built(buildInvoice(saleOf([EXAMPLE_LINE]), { codes, today: "2030-01-01" }));
    expect(invoice.issueDate).toBe("2026-05-18");
  });

  it("uses options.today when the sale has no date", () => {
    const invoice = built(
      buildInvoice(saleOf([EXAMPLE_LINE], { issueDate: undefined }), { codes, today: "2030-01-01" }),
    );
    expect(invoice.issueDate).toBe("2030-01-01");
  });

  it("defaults to today in Shanghai", () => {
    // 2026-05-17 16:30 UTC is 2026-05-18 00:30 in Shanghai (UTC+8)
    vi.useFakeTimers({ now: new Date("2026-05-17T16:30:00Z") });
    const invoice = built(buildInvoice(saleOf([EXAMPLE_LINE], { issueDate: undefined }), { codes }));
    expect(invoice.issueDate).toBe("2026-05-18");
  });

  it("rejects an invalid options.today", () => {
    const result = buildInvoice(saleOf([EXAMPLE_LINE], { issueDate: undefined }), {
      codes,
      today: "2026-02-30",
    });
    expect(result.diagnostics).toMatchObject([{ rule: "CALC_TODAY_INVALID", path: "issueDate" }]);
  });
});

describe("buildInvoiceFromJson", () => {
  const json = (lines: unknown[]) => ({
    kind: "special",
    issueDate: "2026-05-18",
    seller: SELLER,
    buyer: BUYER,
    lines,
  });

  it("reads JSON numbers through their decimal text", () => {
    const fromNumbers = buildInvoiceFromJson(
      json([{ name: "软件开发", code: SOFTWARE, quantity: 3, unitPrice: 0.1, taxRate: 0.06 }]),
      { codes },
    );
    // 3 × 0.1 = 0.30 exactly (not 0.30000000000000004); 0.30 × 0.06 = 0.018 → 0.02
    expect(built(fromNumbers).lines[0]).toMatchObject({
      quantity: "3",
      unitPrice: "0.1",
      amount: "0.30",
      tax: "0.02",
    });
  });

  it("returns parseSale's diagnostics for a bad document", () => {
    const result = buildInvoiceFromJson(
      json([{ name: "软件开发", code: SOFTWARE, amount: "1,000", taxRate: "6%" }]),
      {
        codes,
      },
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.path)).toEqual(["lines[0].amount"]);
  });
});
