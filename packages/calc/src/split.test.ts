import { InvoiceSchema, type SaleInput } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { describe, expect, it } from "vitest";
import { SOFTWARE, saleOf } from "../test/sales.js";
import { buildInvoice } from "./build.js";
import { type SplitLimits, splitSale } from "./split.js";

const codes = builtinCodeTable();
const line = (name: string, amount: string, discount?: string): SaleInput["lines"][number] => ({
  name,
  code: SOFTWARE,
  amount,
  taxRate: "6%",
  ...(discount !== undefined && { discount }),
});

function split(lines: SaleInput["lines"], limits: SplitLimits) {
  const result = splitSale(saleOf(lines), limits, { codes });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  for (const invoice of result.value) InvoiceSchema.parse(invoice);
  return result.value;
}

const names = (invoices: ReturnType<typeof split>) =>
  invoices.map((inv) => inv.lines.map((l) => `${l.index}${l.name}`));

describe("splitSale", () => {
  it("splits by 价税合计 by default, keeping line order", () => {
    // each line 10000 + 600 tax = 10600; two fit in 25000 (21200), three do not (31800)
    const invoices = split(
      [line("甲", "10000"), line("乙", "10000"), line("丙", "10000"), line("丁", "10000")],
      {
        maxTotal: "25000",
      },
    );
    expect(names(invoices)).toEqual([
      ["1甲", "2乙"],
      ["1丙", "2丁"],
    ]);
    for (const invoice of invoices) {
      // 20000 + 1200 = 21200 = 贰万壹仟贰佰
      expect(invoice.totals).toEqual({
        amount: "20000.00",
        tax: "1200.00",
        total: "21200.00",
        totalInWords: "贰万壹仟贰佰圆整",
      });
    }
  });

  it("splits by amount on request (a limit is inclusive)", () => {
    // amounts 10000 each: 20000 ≤ 20000 fits, so two per invoice; by 价税合计 (10600 each) only one would fit
    const lines = [line("甲", "10000"), line("乙", "10000"), line("丙", "10000")];
    expect(names(split(lines, { maxTotal: "20000", by: "amount" }))).toEqual([["1甲", "2乙"], ["1丙"]]);
    expect(names(split(lines, { maxTotal: "20000" }))).toEqual([["1甲"], ["1乙"], ["1丙"]]);
  });

  it("counts discount lines against maxLines and never separates them from their line", () => {
    // 甲 takes 2 lines, 乙 1, 丙 2: 甲+乙 = 3 fit; 丙 would make 5
    const invoices = split([line("甲", "100", "10"), line("乙", "100"), line("丙", "100", "5")], {
      maxLines: 3,
    });
    expect(invoices.map((inv) => inv.lines.map((l) => `${l.index}${l.name}${l.nature[0]}`))).toEqual([
      ["1甲d", "2甲d", "3乙n"],
      ["1丙d", "2丙d"],
    ]);
  });

  it("judges a discounted line by its net value", () => {
    // 甲: 20000 − 10000 = 10000 net, + 600 tax = 10600; 乙 10600: together 21200 ≤ 21200
    const invoices = split([line("甲", "20000", "10000"), line("乙", "10000")], { maxTotal: "21200" });
    expect(invoices).toHaveLength(1);
  });

  it("gives one invoice, the same as buildInvoice, when the sale fits", () => {
    const lines = [line("甲", "100", "10"), line("乙", "200")];
    const built = buildInvoice(saleOf(lines), { codes });
    expect(split(lines, { maxTotal: "1000000", maxLines: 100 })).toEqual([built.ok && built.value]);
    expect(split(lines, {})).toEqual([built.ok && built.value]);
  });

  it("reports a line that alone exceeds the limit, without splitting its quantity", () => {
    const result = splitSale(
      saleOf([line("甲", "100"), line("乙", "30000")]),
      { maxTotal: "25000" },
      { codes },
    );
    expect(result.ok).toBe(false);
    // 30000 + 1800 = 31800 > 25000
    expect(result.diagnostics).toMatchObject([{ rule: "CALC_LINE_OVER_LIMIT", path: "lines[1].amount" }]);
    expect(result.diagnostics[0]!.message).toContain("31800.00");
    expect(result.diagnostics[0]!.message).toContain("25000.00");
  });

  it("reports a discount pair when an invoice allows a single line", () => {
    const result = splitSale(saleOf([line("甲", "100"), line("乙", "100", "1")]), { maxLines: 1 }, { codes });
    expect(result.diagnostics).toMatchObject([
      { rule: "CALC_SPLIT_PAIR_TOO_LONG", path: "lines[1].discount" },
    ]);
  });

  it("rejects limits that are not positive", () => {
    const result = splitSale(saleOf([line("甲", "100")]), { maxTotal: "-5", maxLines: 0 }, { codes });
    expect(result.diagnostics.map((d) => [d.rule, d.path])).toEqual([
      ["CALC_SPLIT_LIMIT_INVALID", "maxTotal"],
      ["CALC_SPLIT_LIMIT_INVALID", "maxLines"],
    ]);
    expect(splitSale(saleOf([line("甲", "100")]), { maxTotal: "abc" }, { codes }).ok).toBe(false);
    expect(splitSale(saleOf([line("甲", "100")]), { maxLines: 2.5 }, { codes }).ok).toBe(false);
  });

  it("passes on the line diagnostics of buildInvoice", () => {
    const result = splitSale(saleOf([line("甲", "100", "200")]), { maxLines: 5 }, { codes });
    expect(result.diagnostics).toMatchObject([
      { rule: "CALC_DISCOUNT_TOO_LARGE", path: "lines[0].discount" },
    ]);
  });
});
