/**
 * buildInvoice: a sale document (contracts.md §1) in, the invoice payload (§2) out, or the diagnostics
 * that say why not.
 */
import { error, type Invoice, isCalendarDate, parseSale, type Result, type Sale } from "@efapiao/model";
import type { Yuan } from "./amount-words.js";
import { assembleInvoice, saleInvoiceLines } from "./invoice-lines.js";
import type { CodeLookup } from "./item-name.js";
import { todayInShanghai } from "./today.js";
import { totalsFromSums } from "./totals.js";

export interface BuildOptions {
  /** The classification-code table in use (a `CodeTable` from @efapiao/tables). */
  codes: CodeLookup;
  /** 圆 (default, as the e-tax bureau prints) or 元 in the capital amount. */
  words?: Yuan;
  /** The issue date when the sale has none (YYYY-MM-DD); default today in Asia/Shanghai. */
  today?: string;
}

/**
 * Builds the invoice payload for a parsed sale.
 * @example
 * const sale = parseSale(json);
 * if (sale.ok) {
 *   const built = buildInvoice(sale.value, { codes: builtinCodeTable() });
 *   if (built.ok) built.value.totals.totalInWords; // "壹拾万陆仟圆整"
 * }
 */
export function buildInvoice(sale: Sale, options: BuildOptions): Result<Invoice> {
  const issueDate = issueDateOf(sale, options);
  if (!issueDate.ok) return issueDate;
  const computed = saleInvoiceLines(sale, options.codes);
  if (!computed.ok) return computed;
  const { lines, amount, tax } = computed.value;
  const totals = totalsFromSums(amount, tax, options.words ?? "圆");
  return { ok: true, value: assembleInvoice(sale, lines, totals, issueDate.value), diagnostics: [] };
}

/**
 * Reads a sale document (already JSON-parsed, decimals as strings or numbers) and builds its invoice.
 * @example
 * buildInvoiceFromJson(JSON.parse(text), { codes: builtinCodeTable(), words: "元" })
 */
export function buildInvoiceFromJson(json: unknown, options: BuildOptions): Result<Invoice> {
  const sale = parseSale(json);
  return sale.ok ? buildInvoice(sale.value, options) : sale;
}

/** The sale's own date, else `options.today`, else today in Shanghai. */
export function issueDateOf(sale: Sale, options: Pick<BuildOptions, "today">): Result<string> {
  if (sale.issueDate !== undefined) return { ok: true, value: sale.issueDate, diagnostics: [] };
  if (options.today === undefined) return { ok: true, value: todayInShanghai(), diagnostics: [] };
  if (isCalendarDate(options.today)) return { ok: true, value: options.today, diagnostics: [] };
  return {
    ok: false,
    diagnostics: [
      error("CALC_TODAY_INVALID", "issueDate", {
        zh: `默认开票日期 “${options.today}” 无效：应写作 YYYY-MM-DD 且为真实日期`,
        en: `The default issue date "${options.today}" is invalid: write YYYY-MM-DD and a real day`,
      }),
    ],
  };
}
