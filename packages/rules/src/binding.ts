/**
 * The data binding: how rules see a document. The same rule reads a sale document (contracts §1), an
 * invoice payload (§2) or an issued invoice, through the field map: a field the document does not carry,
 * an empty text, or a number that is not decimal text reads as missing (LANGUAGE.md §4). Values are
 * converted once per document and field (decimal text → Decimal, `6%` → 0.06) and cached, so a rule pack
 * that reads `line.amount` in ten rules converts it once.
 */
import { isCalendarDate, readDecimal, readRate } from "@efapiao/model";
import { ALL_FIELDS, type Field } from "./fields.js";
import {
  ABSENT,
  DECIMAL_TEXT,
  FALLBACK,
  fromDecimal,
  OK,
  parseFixed,
  RATE_TEXT,
  reg,
  type Status,
} from "./fixed.js";
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
  /**
   * The document's fields: at `valueAt[field.slot]` the converted value (`null` = read and missing;
   * `undefined` = not read yet), and for numbers also the exact fast path's entries (see `readFixed`).
   */
  readonly cache: (Value | null)[];
  /** Decimals already made from a short text in this document (rates and quantities repeat from line to line). */
  readonly decimals: Map<string, Decimal>;
  /** Per line, as `cache` for the document. */
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
    lineList: lines ? indexes(lines.length) : undefined,
    form: documentForm(raw),
    cache: DOCUMENT_CACHE.slice(),
    lineCache: lines ? lines.map(() => LINE_CACHE.slice()) : [],
    decimals: new Map(),
  };
}

const NUMERIC_READS: ReadonlySet<string> = new Set(["decimal", "money", "integer", "rate"]);

/** True for the fields the fast path reads: numbers (money, quantities, rates, integers). */
export function isNumericField(field: Field): boolean {
  return NUMERIC_READS.has(field.read);
}

/**
 * Cache layout. The document and each line have one array, made whole when the document is prepared (an
 * array grown by writing at a high index reallocates, and made empty it cost more than the reads it saved):
 * a slot per field of that kind, then two per numeric field for the fast path (state, scaled integer).
 */
const valueAt: number[] = [];
const fixedAt: number[] = [];
function layout(ofLine: boolean): (Value | null)[] {
  const fields = ALL_FIELDS.filter((f) => f.ofLine === ofLine);
  fields.forEach((f, i) => {
    valueAt[f.slot] = i;
  });
  let next = fields.length;
  for (const f of fields) {
    if (isNumericField(f)) {
      fixedAt[f.slot] = next;
      next += 2;
    }
  }
  // Filled with undefined, not left with holes, so every entry holds any value without changing the array's kind.
  return new Array<Value | null>(next).fill(undefined);
}
const DOCUMENT_CACHE = layout(false);
const LINE_CACHE = layout(true);

/** `[0, 1, …, n−1]`. */
function indexes(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i);
  return out;
}

let lastDate: { text: string; valid: boolean } = { text: "", valid: false };
/** `isCalendarDate`, remembering the last text: a document reads its issue date twice, and a batch shares dates. */
function calendarDate(text: string): boolean {
  if (text !== lastDate.text) lastDate = { text, valid: isCalendarDate(text) };
  return lastDate.valid;
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
      return typeof raw === "string" && calendarDate(raw) ? raw : undefined;
    case "boolean":
      return typeof raw === "boolean" ? raw : undefined;
    default:
      return undefined;
  }
}

/** A document field's value (converted, cached). */
export function readField(doc: DocView, field: Field): Value {
  if (field.read === "list") return doc.lineList;
  const at = valueAt[field.slot]!;
  const cached = doc.cache[at];
  if (cached !== undefined) return cached === null ? undefined : cached;
  const value = convert(doc, dig(doc.raw, field.keys), field);
  doc.cache[at] = value === undefined ? null : value;
  return value;
}

/** A field of line `index` (converted, cached). A sale line's `index` is its position (1-based). */
export function readLineField(doc: DocView, index: number, field: Field): Value {
  const cache = doc.lineCache[index];
  if (cache === undefined) return undefined;
  const at = valueAt[field.slot]!;
  const cached = cache[at];
  if (cached !== undefined) return cached === null ? undefined : cached;
  const raw = dig(doc.lines[index], field.keys);
  let value = convert(doc, raw, field);
  if (value === undefined && field.name === "index" && index < doc.lines.length)
    value = new Decimal(index + 1);
  cache[at] = value === undefined ? null : value;
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
  return typeof date === "string" && calendarDate(date) ? date : today();
}

// ---- the exact fast path (fixed.ts) ----

/**
 * A numeric field as a scaled integer, into `reg` (fixed.ts). Plain decimal text is read directly, without
 * making a Decimal; anything else (JSON numbers, "6%", unreadable text) goes through `readField` /
 * `readLineField`, so the value is always the one the Decimal path sees. Cached in the document's or the
 * line's cache array (plain arrays: typed arrays per document cost more than the reads they save): at
 * `fixedAt[slot]` the state — undefined (not read yet), ABSENT, FALLBACK, or 3 + scale — then the integer.
 */
function readFixed(cache: unknown[], doc: DocView, from: unknown, field: Field, line: number): Status {
  const at = fixedAt[field.slot]!;
  const state = cache[at] as number | undefined;
  if (state !== undefined) {
    if (state < 3) return state as Status;
    reg.int = cache[at + 1] as number;
    reg.scale = state - 3;
    return OK;
  }
  const raw = dig(from, field.keys);
  let status: Status;
  if (typeof raw === "string" && parseFixed(raw, field.read === "rate" ? RATE_TEXT : DECIMAL_TEXT)) {
    status = OK;
  } else {
    const value = line < 0 ? readField(doc, field) : readLineField(doc, line, field);
    status = value === undefined ? ABSENT : value instanceof Decimal && fromDecimal(value) ? OK : FALLBACK;
  }
  if (status === OK) {
    cache[at] = 3 + reg.scale;
    cache[at + 1] = reg.int;
  } else {
    cache[at] = status;
  }
  return status;
}

/** A numeric document field into `reg` (see `readFixed`). */
export function readFieldFixed(doc: DocView, field: Field): Status {
  return readFixed(doc.cache, doc, doc.raw, field, -1);
}

/** A numeric field of line `index` into `reg` (see `readFixed`). */
export function readLineFieldFixed(doc: DocView, index: number, field: Field): Status {
  const cache = doc.lineCache[index];
  return cache === undefined ? ABSENT : readFixed(cache, doc, doc.lines[index], field, index);
}
