/**
 * 查验 answers carry the platform's record under each provider's own names; the port wants canonical
 * paths (`number`, `totals.amount`, …). A provider's table says which name is which and how to read it.
 */
import { present } from "./canonical.js";
import { toMoney } from "./money.js";

/** One row: the provider's name, the canonical path, and how to read the value. */
export type VerifyFieldRow = readonly [from: string, to: string, type: "money" | "date" | "text"];

/**
 * The canonical fields of a 查验 record: money as two-decimal text (kept as given when it has more
 * decimals, so a comparison shows it), dates cut to YYYY-MM-DD (`20240528` → `2024-05-28`), empty values dropped.
 * @example
 * verifyFields({ invoiceNo: "2411…", exTaxAmount: "4197.1700" }, [["invoiceNo", "number", "text"], ["exTaxAmount", "totals.amount", "money"]])
 * // { number: "2411…", "totals.amount": "4197.17" }
 */
export function verifyFields(
  record: Record<string, unknown>,
  table: readonly VerifyFieldRow[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [from, to, type] of table) {
    const value = present(record[from]);
    if (value === undefined) continue;
    fields[to] = type === "money" ? (toMoney(value) ?? value) : type === "date" ? isoDay(value) : value;
  }
  return fields;
}

function isoDay(text: string): string {
  const compact = /^(\d{4})(\d{2})(\d{2})/.exec(text);
  return compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : text.slice(0, 10);
}
