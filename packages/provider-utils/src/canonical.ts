/**
 * Back from a provider's request or answer to the canonical invoice: item names from 简称 and name, and
 * totals recomputed from the lines (providers that send totals are checked against them by the caller).
 */
import { totalsOf } from "@efapiao/calc";
import { error, type Diagnostic, type Invoice, type InvoiceLine, KIND_CODES } from "@efapiao/model";

/** Finds the 简称 of a classification code (e.g. from a code table); undefined when unknown. */
export type ShortNameOf = (code: string) => string | undefined;

const PREFIXED = /^\*([^*]+)\*(.+)$/s;

/**
 * The canonical name fields of a line whose provider name is `name` (with or without the `*简称*` prefix).
 * A name without prefix takes its 简称 from `shortNameOf`; when that does not know the code either, the
 * result carries an error diagnostic at `path`.
 * @example
 * lineNames("*谷物*燕麦", "1010101070000000000")  // { itemName: "*谷物*燕麦", name: "燕麦", shortName: "谷物" }
 * lineNames("燕麦", "1010101070000000000", () => "谷物") // the same
 */
export function lineNames(
  name: string,
  code: string,
  shortNameOf: ShortNameOf | undefined,
  path = "",
  diagnostics: Diagnostic[] = [],
): { itemName: string; name: string; shortName: string } {
  const match = PREFIXED.exec(name);
  if (match) return { itemName: name, name: match[2]!, shortName: match[1]! };
  const shortName = shortNameOf?.(code);
  if (shortName === undefined) {
    diagnostics.push(
      error("PROVIDER_SHORT_NAME_UNKNOWN", path, {
        zh: `无法确定税收分类编码 ${code} 的商品简称：请提供编码表`,
        en: `The short name (简称) of classification code ${code} is unknown: pass a code table`,
      }),
    );
    return { itemName: name, name, shortName: name };
  }
  return { itemName: `*${shortName}*${name}`, name, shortName };
}

/** The canonical invoice from its parts, with totals computed from the lines. */
export function assembleInvoice(parts: {
  kind: "special" | "general";
  issueDate: string;
  seller: Invoice["seller"];
  buyer: Invoice["buyer"];
  lines: InvoiceLine[];
  remarks?: string | undefined;
  drawer?: string | undefined;
}): Invoice {
  const invoice: Invoice = {
    kind: parts.kind,
    kindCode: KIND_CODES[parts.kind],
    issueDate: parts.issueDate,
    seller: parts.seller,
    buyer: parts.buyer,
    lines: parts.lines,
    totals: totalsOf(parts.lines),
  };
  if (parts.remarks !== undefined) invoice.remarks = parts.remarks;
  if (parts.drawer !== undefined) invoice.drawer = parts.drawer;
  return invoice;
}

/**
 * Text fields dropped when empty: providers send "" for what is absent.
 * @example
 * present("") // undefined
 */
export function present(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A copy of `record` without the undefined properties (so deep equality and JSON stay clean). */
export function compact<T extends Record<string, unknown>>(record: T): T {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}
