/**
 * The intake report as CSV, one row per file, for a spreadsheet. Values come from received files, so a
 * text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written with a leading
 * apostrophe; amounts (including negative ones) stay numbers.
 */
import type { IntakeReport } from "./intake.js";
import { describeVerification } from "./verify.js";

export const CSV_COLUMNS = [
  "file",
  "status",
  "format",
  "number",
  "invoiceCode",
  "issueDate",
  "kind",
  "sellerName",
  "sellerTaxId",
  "buyerName",
  "buyerTaxId",
  "amount",
  "tax",
  "total",
  "lines",
  "errors",
  "warnings",
  "verification",
  "duplicateOf",
  "firstError",
] as const;

/**
 * @example
 * intakeCsv(report).split("\r\n")[0] // "file,status,format,number,invoiceCode,issueDate,…"
 */
export function intakeCsv(report: IntakeReport): string {
  const rows = [CSV_COLUMNS.join(",")];
  for (const e of report.entries) {
    const i = e.invoice;
    const firstError = e.diagnostics.find((d) => d.severity === "error");
    const row: Record<(typeof CSV_COLUMNS)[number], string | number | undefined> = {
      file: e.file,
      status: e.status,
      format: e.format,
      number: i?.number,
      invoiceCode: i?.invoiceCode,
      issueDate: i?.issueDate,
      kind: i?.kind,
      sellerName: i?.seller.name,
      sellerTaxId: i?.seller.taxId,
      buyerName: i?.buyer.name,
      buyerTaxId: i?.buyer.taxId,
      amount: i?.totals.amount,
      tax: i?.totals.tax,
      total: i?.totals.total,
      lines: i?.lines.length,
      errors: e.errors,
      warnings: e.warnings,
      verification: e.verification && describeVerification(e.verification),
      duplicateOf: e.duplicates.join(" "),
      firstError: firstError && `${firstError.rule} ${firstError.path}: ${firstError.messageEn}`,
    };
    rows.push(CSV_COLUMNS.map((c) => cell(row[c])).join(","));
  }
  return `${rows.join("\r\n")}\r\n`;
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
