/**
 * From a provider's request fields to the canonical invoice the platform validates. Each protocol module
 * reads its own field names into {@link RawInvoice}; this module normalises the numbers (exactly, as text)
 * and fills in what the provider leaves to the platform: the `*简称*` of each item name and the totals.
 */
import { totalsOf } from "@efapiao/calc";
import type { Invoice, InvoiceLine } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import Decimal from "decimal.js";

export interface RawLine {
  nature: InvoiceLine["nature"];
  /** 项目名称, with or without the `*简称*` prefix. */
  name: string;
  code: string;
  spec?: string;
  unit?: string;
  quantity?: string;
  /** Tax-exclusive, or tax-inclusive when `priceIncludesTax`. */
  unitPrice?: string;
  priceIncludesTax?: boolean;
  amount: string;
  taxRate: string;
  tax: string;
  policy?: string | null;
}

export interface RawInvoice {
  kind: "special" | "general";
  seller: Invoice["seller"];
  buyer: Invoice["buyer"];
  lines: RawLine[];
  remarks?: string;
  drawer?: string;
}

/** Thrown for a field that is not what the protocol says it must be; the protocol answers with its error. */
export class BadField extends Error {
  constructor(
    readonly path: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

const PREFIX = /^\*([^*]+)\*(.+)$/;

function decimal(value: unknown, path: string): Decimal {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !/^-?\d+(\.\d+)?$/.test(text.trim())) {
    throw new BadField(path, `${path} 应为数字`, `${path} must be a number`);
  }
  return new Decimal(text.trim());
}

/** Money as two-decimal text (half away from zero, as the platform rounds). */
export function money(value: unknown, path: string): string {
  return decimal(value, path).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** A decimal without trailing zeros ("5.650" → "5.65", "1.0" → "1"). */
export function trimmed(value: unknown, path: string): string {
  return decimal(value, path).toFixed();
}

/** A rate as a decimal fraction: "0.13", "13%" and 0.13 all give "0.13". */
export function rate(value: unknown, path: string): string {
  if (typeof value === "string" && value.trim().endsWith("%")) {
    return decimal(value.trim().slice(0, -1), path).dividedBy(100).toFixed();
  }
  return decimal(value, path).toFixed();
}

/** Reads a value as text, or undefined for absent / empty. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const out = typeof value === "string" ? value : String(value);
  return out === "" ? undefined : out;
}

/**
 * The canonical invoice of a provider request.
 * @example
 * assembleInvoice({ kind: "general", seller, buyer, lines: [{ nature: "normal", name: "软件开发",
 *   code: "3040201010000000000", amount: "100.00", taxRate: "0.06", tax: "6.00" }] })
 */
export function assembleInvoice(raw: RawInvoice, issueDate: string): Invoice {
  const codes = builtinCodeTable();
  const lines: InvoiceLine[] = raw.lines.map((line, i) => {
    const path = `lines[${i}]`;
    const prefixed = PREFIX.exec(line.name);
    const name = prefixed ? prefixed[2]! : line.name;
    const shortName = prefixed?.[1] ?? codes.get(line.code)?.shortName ?? name;
    const out: InvoiceLine = {
      index: i + 1,
      nature: line.nature,
      itemName: `*${shortName}*${name}`,
      name,
      shortName,
      code: line.code,
      amount: money(line.amount, `${path}.amount`),
      taxRate: rate(line.taxRate, `${path}.taxRate`),
      tax: money(line.tax, `${path}.tax`),
      policy: line.policy ?? null,
    };
    if (line.spec) out.spec = line.spec;
    if (line.unit) out.unit = line.unit;
    if (line.quantity !== undefined && line.nature !== "discount")
      out.quantity = trimmed(line.quantity, `${path}.quantity`);
    if (line.unitPrice !== undefined && line.nature !== "discount") {
      const price = decimal(line.unitPrice, `${path}.unitPrice`);
      out.unitPrice = line.priceIncludesTax
        ? price
            .dividedBy(new Decimal(1).plus(out.taxRate))
            .toDecimalPlaces(10, Decimal.ROUND_HALF_UP)
            .toFixed()
        : price.toFixed();
    }
    return out;
  });
  const invoice: Invoice = {
    kind: raw.kind,
    kindCode: raw.kind === "special" ? "01" : "02",
    issueDate,
    seller: raw.seller,
    buyer: raw.buyer,
    lines,
    totals: totalsOf(lines),
  };
  if (raw.remarks) invoice.remarks = raw.remarks;
  if (raw.drawer) invoice.drawer = raw.drawer;
  return invoice;
}
