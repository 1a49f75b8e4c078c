/**
 * The human report: what a person at a terminal reads instead of JSON (`--format human`, the default when
 * stdout is a terminal). Chinese text is two columns wide on a terminal, so tables pad by display width.
 */
import type { Diagnostic, Invoice } from "@efapiao/model";
import { isWide } from "@efapiao/rules";
import { boundDiagnostics, type CliIO } from "./io.js";
import type { Style } from "./style.js";

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, alignRight = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? fill + text : text + fill;
}

/** Rows as aligned columns; `right` lists the columns aligned right (numbers). */
export function columns(rows: string[][], right: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
  }
  return rows.map((row) =>
    row
      .map((cell, i) => pad(cell, widths[i]!, right.has(i)))
      .join("  ")
      .trimEnd(),
  );
}

const TITLES = { special: "电子发票（增值税专用发票）", general: "电子发票（普通发票）" } as const;

/** A rate as a person writes it: 0.06 → 6%, 0.015 → 1.5%. */
function percent(rate: string): string {
  const [whole = "0", fraction = ""] = rate.split(".");
  const digits = `${whole}${fraction.padEnd(2, "0")}`;
  const integer = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, "");
  const rest = digits.slice(whole.length + 2).replace(/0+$/, "");
  return `${integer}${rest ? `.${rest}` : ""}%`;
}

/** The invoice as it would be read off the fapiao: parties, lines, totals. */
export function printInvoice(io: CliIO, style: Style, invoice: Invoice): void {
  const out: string[] = [];
  out.push(style.bold(`${TITLES[invoice.kind]}  ${invoice.issueDate}`));
  out.push(`购买方 Buyer   ${invoice.buyer.name}  ${invoice.buyer.taxId ?? ""}`.trimEnd());
  out.push(`销售方 Seller  ${invoice.seller.name}  ${invoice.seller.taxId}`);
  out.push("");
  const rows = [["#", "项目名称", "数量", "单价", "金额", "税率", "税额"]];
  for (const line of invoice.lines) {
    rows.push([
      String(line.index),
      line.itemName,
      line.quantity ?? "",
      line.unitPrice ?? "",
      line.amount,
      percent(line.taxRate),
      line.tax,
    ]);
  }
  const table = columns(rows, new Set([0, 2, 3, 4, 6]));
  out.push(style.dim(table[0]!), ...table.slice(1));
  out.push("");
  out.push(`合计 Total      ${invoice.totals.amount}   税额 Tax ${invoice.totals.tax}`);
  out.push(style.bold(`价税合计 Total  ${invoice.totals.total}  ${invoice.totals.totalInWords}`));
  if (invoice.remarks) out.push(`备注 Remarks   ${invoice.remarks}`);
  if (invoice.drawer) out.push(`开票人 Drawer  ${invoice.drawer}`);
  io.stdout(`${out.join("\n")}\n`);
}

const MARKS = { error: "✗", warning: "!", info: "i" } as const;

/** Diagnostics one per entry: severity, path, rule, both messages, and where the rule is written. */
export function printDiagnostics(io: CliIO, style: Style, diagnostics: readonly Diagnostic[]): void {
  const paint = { error: style.red, warning: style.yellow, info: style.cyan } as const;
  const out: string[] = [];
  for (const d of boundDiagnostics(diagnostics)) {
    const head = paint[d.severity](`${MARKS[d.severity]} ${d.severity}`);
    out.push(`${head}  ${style.bold(d.path || "(document)")}  ${style.dim(d.rule)}`);
    out.push(`    ${d.message}`);
    out.push(`    ${d.messageEn}`);
    if (d.source) out.push(style.dim(`    ${d.source}`));
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  out.push(
    errors === 0
      ? style.green(`✓ 无错误 / no errors${warnings ? `（${warnings} 个警告 / warning(s)）` : ""}`)
      : style.red(`✗ ${errors} 个错误，${warnings} 个警告 / ${errors} error(s), ${warnings} warning(s)`),
  );
  io.stdout(`${out.join("\n")}\n`);
}
