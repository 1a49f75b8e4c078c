/**
 * The fields a rule can read, derived from the model's field map (`FIELD_NAMES` of @efapiao/model), so a
 * field the model adds is readable by rules without touching the compiler. Each field has its English path,
 * its platform name, its type in the language, and how its JSON value is read (money and quantities as
 * decimals, rates also as "6%", dates as YYYY-MM-DD).
 */
import {
  DIRECTION_VALUES,
  FIELD_NAMES,
  type FieldName,
  INVOICE_KIND_VALUES,
  LINE_NATURE_VALUES,
} from "@efapiao/model";
import { listOf, type Type } from "./types.js";

export type FieldRead = FieldName["type"];

export interface Field {
  /** English path as rules write it: `buyer.taxId` for document fields, `amount` for line fields. */
  name: string;
  /** Platform name: `购买方纳税人识别号`; for line fields the part after `明细.` (`金额`). */
  zh: string;
  /** What the field is, in English (for hints). */
  en: string;
  type: Type;
  read: FieldRead;
  /** JSON keys from the document (or from a line) to the value. */
  keys: string[];
  /** True for fields of a line. */
  ofLine: boolean;
  /** A small integer unique per field: the field's cache slot during one validation. */
  slot: number;
}

const LINE_PREFIX = "lines[].";
const LINE_PREFIX_ZH = "明细.";

function typeOf(read: FieldRead): Type {
  switch (read) {
    case "decimal":
    case "money":
    case "rate":
    case "integer":
      return "number";
    case "list":
      return listOf("line");
    default:
      return read;
  }
}

function build(): { document: Map<string, Field>; line: Map<string, Field>; all: Field[] } {
  const document = new Map<string, Field>();
  const line = new Map<string, Field>();
  const all: Field[] = [];
  for (const f of FIELD_NAMES) {
    const ofLine = f.path.startsWith(LINE_PREFIX);
    const name = ofLine ? f.path.slice(LINE_PREFIX.length) : f.path;
    const zh = ofLine && f.zh.startsWith(LINE_PREFIX_ZH) ? f.zh.slice(LINE_PREFIX_ZH.length) : f.zh;
    const field: Field = {
      name,
      zh,
      en: f.en,
      type: typeOf(f.type),
      read: f.type,
      keys: name.split("."),
      ofLine,
      slot: all.length,
    };
    all.push(field);
    const map = ofLine ? line : document;
    map.set(name, field);
    map.set(zh, field);
  }
  return { document, line, all };
}

const catalogue = build();

/** A document field by English path or platform name (`buyer.taxId`, `购买方纳税人识别号`, `lines`, `明细`). */
export function documentField(name: string): Field | undefined {
  return catalogue.document.get(name);
}

/** A line field by English name or platform name (`amount`, `金额`). */
export function lineField(name: string): Field | undefined {
  return catalogue.line.get(name);
}

/** Every field, indexed by slot. */
export const ALL_FIELDS: readonly Field[] = catalogue.all;

/** Names a writer may use for document fields (English and Chinese), for "did you mean". */
export function documentFieldNames(): string[] {
  return [...catalogue.document.keys()];
}

/** Names a writer may use for line fields, including the neighbours. */
export function lineFieldNames(): string[] {
  return [...catalogue.line.keys(), ...Object.keys(NEIGHBOURS)];
}

/** The neighbour "fields" of a line: the line before and the line after. */
export const NEIGHBOURS: Readonly<Record<string, -1 | 1>> = { previous: -1, next: 1, 上一行: -1, 下一行: 1 };

/** How a field is named in a hint: `buyer.taxId（购买方纳税人识别号）`. */
export function fieldLabel(field: Field): string {
  return field.ofLine ? `${field.name}（明细.${field.zh}）` : `${field.name}（${field.zh}）`;
}

/** The values a text field can take, from the model's enums, so `kind = "specail"` is caught when compiling. */
const ALLOWED: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["kind", INVOICE_KIND_VALUES],
  ["lines[].nature", LINE_NATURE_VALUES],
  ["direction", DIRECTION_VALUES],
]);

/**
 * The values a field can take, when the model fixes them.
 * @example
 * allowedValues(documentField("kind")!) // ["special", "general"]
 */
export function allowedValues(field: Field): readonly string[] | undefined {
  return ALLOWED.get(field.ofLine ? `lines[].${field.name}` : field.name);
}
