/**
 * Splitting one sale into several invoices when it exceeds a per-invoice limit (a company's 单张开票限额,
 * or a provider's line limit). Lines keep their order and are never cut: each line is computed exactly
 * as buildInvoice would, so the invoices add up to the unsplit invoice to the cent, and a discount line
 * always travels with the line it discounts. A line that alone exceeds the limit is reported, not split
 * by quantity behind the user's back.
 *
 * Lines are packed greedily in order (a new invoice starts when the next line would not fit); this keeps
 * the sale's order, at the price of sometimes using one invoice more than an optimal packing would.
 */
import {
  type Diagnostic,
  error,
  type Invoice,
  type InvoiceLine,
  readDecimal,
  type Result,
  type Sale,
} from "@efapiao/model";
import { type BuildOptions, issueDateOf } from "./build.js";
import { Decimal, moneyText, ZERO } from "./decimal.js";
import { assembleInvoice, saleInvoiceLines } from "./invoice-lines.js";
import { totalsOf } from "./totals.js";

export interface SplitLimits {
  /** The most one invoice may carry: 价税合计, or 金额 with `by: "amount"` (decimal text or number). */
  maxTotal?: string | number;
  /** The most lines one invoice may carry, discount lines included. */
  maxLines?: number;
  /** What `maxTotal` limits: "total" 价税合计 (default) or "amount" 金额 without tax. */
  by?: "total" | "amount";
}

/**
 * Splits a sale into as many invoices as the limits require (one when it fits).
 * @example
 * splitSale(sale, { maxTotal: "100000", maxLines: 8 }, { codes: builtinCodeTable() })
 * // { ok: true, value: [invoice1, invoice2, …] } — each within the limits
 */
export function splitSale(sale: Sale, limits: SplitLimits, options: BuildOptions): Result<Invoice[]> {
  const checked = checkLimits(limits);
  if (!checked.ok) return checked;
  const { maxTotal, maxLines } = checked.value;
  const byAmount = limits.by === "amount";
  const issueDate = issueDateOf(sale, options);
  if (!issueDate.ok) return issueDate;
  const computed = saleInvoiceLines(sale, options.codes);
  if (!computed.ok) return computed;

  const invoices: InvoiceLine[][] = [];
  const diagnostics: Diagnostic[] = [];
  let current: InvoiceLine[] = [];
  let value = ZERO;
  // Group k holds the invoice lines of sale line k.
  groupsOf(computed.value.lines).forEach((group, saleIndex) => {
    let groupValue = ZERO;
    for (const line of group) {
      groupValue = groupValue.plus(line.amount);
      if (!byAmount) groupValue = groupValue.plus(line.tax);
    }
    if (maxTotal !== undefined && groupValue.gt(maxTotal)) {
      diagnostics.push(lineOverLimit(saleIndex, groupValue, maxTotal, byAmount));
      return;
    }
    if (maxLines !== undefined && group.length > maxLines) {
      diagnostics.push(pairOverLineLimit(saleIndex, maxLines));
      return;
    }
    const full =
      (maxLines !== undefined && current.length + group.length > maxLines) ||
      (maxTotal !== undefined && value.plus(groupValue).gt(maxTotal));
    if (full && current.length > 0) {
      invoices.push(current);
      current = [];
      value = ZERO;
    }
    current.push(...group);
    value = value.plus(groupValue);
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  invoices.push(current);
  const yuan = options.words ?? "圆";
  return {
    ok: true,
    value: invoices.map((lines) => assembleInvoice(sale, lines, totalsOf(lines, yuan), issueDate.value)),
    diagnostics: [],
  };
}

/** The lines that must stay together: each line, with its discount line when it has one. */
function groupsOf(lines: readonly InvoiceLine[]): InvoiceLine[][] {
  const groups: InvoiceLine[][] = [];
  for (const line of lines) {
    if (line.nature === "discount") groups[groups.length - 1]!.push(line);
    else groups.push([line]);
  }
  return groups;
}

function checkLimits(limits: SplitLimits): Result<{ maxTotal?: Decimal; maxLines?: number }> {
  const diagnostics: Diagnostic[] = [];
  let maxTotal: Decimal | undefined;
  if (limits.maxTotal !== undefined) {
    const read = readDecimal(limits.maxTotal);
    if (read.ok && new Decimal(read.text).gt(ZERO)) maxTotal = new Decimal(read.text);
    else {
      diagnostics.push(
        error("CALC_SPLIT_LIMIT_INVALID", "maxTotal", {
          zh: `每张发票的限额 “${String(limits.maxTotal)}” 无效：应为正数`,
          en: `The per-invoice limit "${String(limits.maxTotal)}" is invalid: it must be a positive number`,
        }),
      );
    }
  }
  const { maxLines } = limits;
  if (maxLines !== undefined && !(Number.isInteger(maxLines) && maxLines >= 1)) {
    diagnostics.push(
      error("CALC_SPLIT_LIMIT_INVALID", "maxLines", {
        zh: `每张发票的行数上限 “${String(maxLines)}” 无效：应为正整数`,
        en: `The per-invoice line limit "${String(maxLines)}" is invalid: it must be a positive whole number`,
      }),
    );
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, value: { maxTotal, maxLines }, diagnostics };
}

function lineOverLimit(saleIndex: number, value: Decimal, max: Decimal, byAmount: boolean): Diagnostic {
  const [zh, en] = byAmount ? ["金额", "amount"] : ["价税合计", "total with tax"];
  return error("CALC_LINE_OVER_LIMIT", `lines[${saleIndex}].amount`, {
    zh: `该行${zh} ${moneyText(value)} 超过每张发票的限额 ${moneyText(max)}，无法拆分到多张发票（请在销售数据中把该行拆成几行）`,
    en: `This line's ${en} ${moneyText(value)} exceeds the per-invoice limit ${moneyText(max)}; split the line into several lines in the sale`,
  });
}

function pairOverLineLimit(saleIndex: number, maxLines: number): Diagnostic {
  return error("CALC_SPLIT_PAIR_TOO_LONG", `lines[${saleIndex}].discount`, {
    zh: `带折扣的行开成两行（被折扣行和折扣行，不能分开），但每张发票最多 ${maxLines} 行`,
    en: `A discounted line takes two invoice lines that cannot be separated, but an invoice allows only ${maxLines}`,
  });
}
