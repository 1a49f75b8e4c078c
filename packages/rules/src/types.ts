/**
 * The static types of the rule language (LANGUAGE.md §4). Every expression has one, known at compile time,
 * so "text compared with a number" is a compile error, never a surprise at validation time.
 */
import type { Words } from "./lexer.js";

export type Scalar = "number" | "text" | "date" | "boolean" | "line";
/** `any` is used by function signatures that accept anything (count) and for parts that already failed to check. */
export type Type = Scalar | "any" | { list: Type };

export const listOf = (of: Type): Type => ({ list: of });

export function isList(type: Type): type is { list: Type } {
  return typeof type === "object";
}

/** The element type of a list type (`any` for non-lists). */
export function elementOf(type: Type): Type {
  return isList(type) ? type.list : "any";
}

/** True when a value of type `actual` may stand where `expected` is required. */
export function fits(actual: Type, expected: Type): boolean {
  if (actual === "any" || expected === "any") return true;
  if (isList(actual) && isList(expected)) return fits(actual.list, expected.list);
  return actual === expected;
}

/** The more specific of two compatible types (for `if` branches and list items). */
export function unify(a: Type, b: Type): Type | undefined {
  if (a === "any") return b;
  if (b === "any") return a;
  if (isList(a) && isList(b)) {
    const inner = unify(a.list, b.list);
    return inner === undefined ? undefined : listOf(inner);
  }
  return a === b ? a : undefined;
}

const SCALAR_WORDS: Record<Scalar | "any", Words> = {
  number: { zh: "数字", en: "a number" },
  text: { zh: "文本", en: "a text" },
  date: { zh: "日期", en: "a date" },
  boolean: { zh: "真假值（条件）", en: "a true/false value (a condition)" },
  line: { zh: "明细行", en: "a line" },
  any: { zh: "任意值", en: "any value" },
};

const PLURAL: Record<Scalar | "any", string> = {
  number: "numbers",
  text: "texts",
  date: "dates",
  boolean: "true/false values",
  line: "lines",
  any: "values",
};

/** How a type is named in messages. */
export function typeWords(type: Type): Words {
  if (!isList(type)) return SCALAR_WORDS[type];
  const inner = type.list;
  return {
    zh: `${typeWords(inner).zh}的列表`,
    en: isList(inner) ? `a list of lists` : `a list of ${PLURAL[inner]}`,
  };
}
