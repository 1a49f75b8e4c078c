/**
 * The data binding: how rules see a document. The same rule reads a sale document (contracts §1), an
 * invoice payload (§2) or an issued invoice, through the field map: a field the document does not carry,
 * an empty text, or a number that is not decimal text reads as missing (LANGUAGE.md §4). Values are
 * converted once per document and field (decimal text → Decimal, `6%` → 0.06) and cached, so a rule pack
 * that reads `line.amount` in ten rules converts it once.
 */
import { isCalendarDate, readDecimal, readRate } from "@efapiao/model";
import type { Field } from "./fields.js";
import { Decimal, type Value } from "./values.js";

type Json = Record<string, unknown>;

/** One document prepared for a validation run. */
export interface DocView {
  readonly raw: Json;
  /** The lines as given (empty when the document has none). */
  readonly lines: readonly unknown[];
  /** `[0, 1, …, n−1]`: the value of the `lines` field (a line is its index), or undefined without lines. */
  readonly lineList: number[] | undefined;
  readonly form: "sale" | "invoice";
  /** Per field slot: the converted value; `null` = read and missing; `undefined` = not read yet. */
  readonly cache: (Value | null)[];
  /** Decimals already made from a short text in this document (rates and quantities repeat from line to line). */
  readonly decimals: Map<string, Decimal>;
  readonly lineCache: (Value | null)[][];
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * An invoice has totals, a kind code or lines with a nature; anything else is read as a sale document.
 * @example
 * documentForm({ kind: "special", lines: [{ amount: "1" }] }) // "sale"
 */
export function documentForm(raw: Json): "sale" | "invoice" {
  if ("totals" in raw || "kindCode" in raw) return "invoice";
  const lines = raw.lines;
  return Array.isArray(lines) && lines.some((l) => isObject(l) && "nature" in l) ? "invoice" : "sale";
}

/** Prepares a document (any JSON value; a non-object reads as a document without fields). */
export function viewOf(document: unknown): DocView {
  const raw = isObject(document) ? document : {};
  const lines = Array.isArray(raw.lines) ? raw.lines : undefined;
  return {
    raw,
    lines: lines ?? [],
    lineList: lines ? Array.from(lines, (_, i) => i) : undefined,
    form: documentForm(raw),
    cache: [],
    lineCache: lines ? lines.map(() => []) : [],
    decimals: new Map(),
  };
}

/** The JSON value at `keys` under `from`, or undefined. */
function dig(from: unknown, keys: readonly string[]): unknown {
  let value = from;
  for (const key of keys) {
    if (!isObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** Decimal text that `readDecimal` accepts unchanged: at most 12 integer digits, no leading zeros. */
const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d{0,11})(?:\.\d{1,20})?$/;
/** A rate as the payload writes it: a fraction below 1. */
const PLAIN_RATE = /^0(?:\.\d{1,20})?$/;

/**
 * A Decimal for plain decimal text. Short texts — rates ("0.06") and small quantities ("1") — repeat from line
 * to line and are made once per document; longer ones (amounts, taxes) rarely repeat, and remembering them
 * would only grow the map on a 2,000-line invoice.
 */
function decimalOf(doc: DocView, text: string): Decimal {
  if (text.length > 6) return new Decimal(text);
  let d = doc.decimals.get(text);
  if (d === undefined) {
    d = new Decimal(text);
    doc.decimals.set(text, d);
  }
  return d;
}

/** Converts a JSON value to the field's type; anything unreadable is missing. */
function convert(doc: DocView, raw: unknown, field: Field): Value {
  if (raw === undefined || raw === null) return undefined;
  switch (field.read) {
    case "text":
      if (typeof raw === "string") return raw === "" ? undefined : raw;
      return typeof raw === "number" ? String(raw) : undefined;
    case "decimal":
    case "money":
    case "integer": {
      // Plain decimal text (the canonical form) goes straight to Decimal; anything else through the model's reader.
      if (typeof raw === "string" && PLAIN_DECIMAL.test(raw)) return decimalOf(doc, raw);
      const read = readDecimal(raw);
      return read.ok ? new Decimal(read.text) : undefined;
    }
    case "rate": {
      if (typeof raw === "string" && PLAIN_RATE.test(raw)) return decimalOf(doc, raw);
      const read = readRate(raw);
      return read.ok ? new Decimal(read.text) : undefined;
    }
    case "date":
      return typeof raw === "string" && isCalendarDate(raw) ? raw : undefined;
    case "boolean":
      return typeof raw === "boolean" ? raw : undefined;
    default:
      return undefined;
  }
}

/** A document field's value (converted, cached). */
export function readField(doc: DocView, field: Field): Value {
  if (field.read === "list") return doc.lineList;
  const cached = doc.cache[field.slot];
  if (cached !== undefined) return cached === null ? undefined : cached;
  const value = convert(doc, dig(doc.raw, field.keys), field);
  doc.cache[field.slot] = value === undefined ? null : value;
  return value;
}

/** A field of line `index` (converted, cached). A sale line's `index` is its position (1-based). */
export function readLineField(doc: DocView, index: number, field: Field): Value {
  const cache = doc.lineCache[index];
  if (cache === undefined) return undefined;
  const cached = cache[field.slot];
  if (cached !== undefined) return cached === null ? undefined : cached;
  const raw = dig(doc.lines[index], field.keys);
  let value = convert(doc, raw, field);
  if (value === undefined && field.name === "index" && index < doc.lines.length)
    value = new Decimal(index + 1);
  cache[field.slot] = value === undefined ? null : value;
  return value;
}

/** The JSON value of a document field as written (for messages, which print fields exactly as given). */
export function rawField(doc: DocView, field: Field): unknown {
  return dig(doc.raw, field.keys);
}

/** The JSON value of a line field as written. */
export function rawLineField(doc: DocView, index: number, field: Field): unknown {
  const raw = dig(doc.lines[index], field.keys);
  return raw === undefined && field.name === "index" && index < doc.lines.length ? index + 1 : raw;
}

/** The issue date used for `effective from/to`: the document's, else `today()`. */
export function issueDateOf(doc: DocView, today: () => string): string {
  const date = doc.raw.issueDate;
  return typeof date === "string" && isCalendarDate(date) ? date : today();
}
