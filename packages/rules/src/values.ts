/**
 * Runtime values and exact decimals. Numbers are Decimal (a private decimal.js clone: 50 significant digits,
 * halves rounded away from zero, never exponent notation); texts and dates are strings (ISO dates compare
 * correctly as strings); a line is its 0-based index in the document's lines; a missing value is
 * `undefined` (LANGUAGE.md §4).
 */
import { Decimal } from "@efapiao/calc";

// One decimal type for calc and the rules, so a rule computes exactly as the builder rounds.
export { Decimal };

/** A value during evaluation; `undefined` is "missing". */
export type Value = Decimal | string | boolean | number | Value[] | undefined;

export function isDecimal(value: unknown): value is Decimal {
  return value instanceof Decimal;
}

/**
 * Reads a number literal of the language: `0.06`, `100`, and `6%` (= 0.06, shifted exactly, never through
 * a binary float).
 * @example
 * literalNumber("1.5%").toString() // "0.015"
 */
export function literalNumber(text: string): Decimal {
  if (text.endsWith("%")) return new Decimal(text.slice(0, -1)).div(100);
  return /^\d{1,4}$/.test(text) ? wholeNumber(Number(text)) : new Decimal(text);
}

/** Numbers as messages print them: plain decimal, no exponent, no trailing zeros. */
export function numberText(value: Decimal): string {
  return value.isZero() ? "0" : value.toString();
}

/** Decimals for the small whole numbers that lengths, counts and digit counts produce, made once. */
const SMALL = Array.from({ length: 1025 }, (_, i) => new Decimal(i));

/**
 * The count behind a Decimal made by {@link wholeNumber} (0–1024), else undefined. Recognised by identity,
 * so an amount that happens to equal 12 is never taken for a count. decimal.js keeps a value in `d`
 * (digits in base 10⁷), `e` and `s`; a count below 10⁷ is the single digit group `d[0]`.
 */
export function countOf(value: Decimal): number | undefined {
  const digits = value.d;
  if (digits === null || digits.length !== 1) return undefined;
  const n = digits[0]!;
  return SMALL[n] === value ? n : undefined;
}

/**
 * A whole number as a Decimal, shared for 0–1024 (lengths and counts are computed on every line; making a
 * new Decimal each time was a measurable part of validating an invoice).
 * @example
 * wholeNumber(3).eq(3) // true
 */
export function wholeNumber(n: number): Decimal {
  return SMALL[n] ?? new Decimal(n);
}
