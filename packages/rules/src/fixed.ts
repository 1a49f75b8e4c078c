/**
 * Exact decimals as scaled integers, the fast path of validation. A value is `int / 10^scale` where `int` is a
 * safe integer (|int| ≤ 2⁵³ − 1, so every JavaScript operation on it below is exact) and `scale` the number of
 * decimal places: "6000.02" is 600002 at scale 2, "0.06" is 6 at scale 2. Money, quantities and rates have at
 * most 15 significant digits in practice, and the sums, differences, products and roundings that rules make
 * of them stay far below 2⁵³ — there the results are the same as decimal.js's, without allocating a Decimal.
 *
 * Every operation checks that its exact result is a safe integer; when it is not (or a text is not a plain
 * decimal of at most 15 significant digits), it answers FALLBACK and the caller computes with Decimal, as
 * if this module did not exist. Nothing here is ever rounded by binary floating point: a product or sum of
 * two safe integers whose exact value is a safe integer is computed exactly by IEEE 754, and one whose exact
 * value is not rounds to a number beyond the safe range, which the check catches.
 *
 * Fast closures return a status and leave the value in the registers `reg.int` and `reg.scale` (no object
 * per value); a caller copies them to locals before evaluating anything else.
 */
import { Decimal } from "./values.js";

/** The value is in `reg`. */
export const OK = 0;
/** The value is missing (LANGUAGE.md §4). */
export const ABSENT = 1;
/** Not representable here: compute with Decimal instead. */
export const FALLBACK = 2;
export type Status = typeof OK | typeof ABSENT | typeof FALLBACK;

/** The result registers of fast closures. */
export const reg = { int: 0, scale: 0 };

const MAX = Number.MAX_SAFE_INTEGER;

/** Exact powers of ten, 10⁰ … 10²² (the largest exactly representable as a double); made from text, not Math.pow. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** The forms `parseFixed` accepts: any plain decimal; the binding's PLAIN_DECIMAL texts; its PLAIN_RATE texts. */
export const ANY = 0;
export const DECIMAL_TEXT = 1;
export const RATE_TEXT = 2;
type Form = typeof ANY | typeof DECIMAL_TEXT | typeof RATE_TEXT;

/** More significant digits than this and a value may not be a safe integer. */
const MAX_DIGITS = 15;
const MAX_SCALE = 20;

/**
 * Reads decimal text into `reg`. Accepts `-?\d+(\.\d+)?` with at most 15 significant digits and 20 decimals,
 * and with `DECIMAL_TEXT` / `RATE_TEXT` only texts the binding's regular expressions PLAIN_DECIMAL /
 * PLAIN_RATE accept (so a text read here has exactly the value the binding's Decimal would have). False otherwise.
 * @example
 * parseFixed("-6000.020", DECIMAL_TEXT) // true; reg = { int: -6000020, scale: 3 }
 */
export function parseFixed(text: string, form: Form): boolean {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (n > 0 && text.charCodeAt(0) === 45 /* - */) {
    if (form === RATE_TEXT) return false;
    negative = true;
    i = 1;
  }
  const intStart = i;
  let value = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    if (value !== 0 || c !== 0) {
      value = value * 10 + c;
      digits++;
    }
  }
  const intLength = i - intStart;
  if (intLength === 0) return false;
  if (form === DECIMAL_TEXT && (intLength > 12 || (intLength > 1 && text.charCodeAt(intStart) === 48)))
    return false;
  if (form === RATE_TEXT && (intLength !== 1 || text.charCodeAt(intStart) !== 48)) return false;
  let scale = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 /* . */) return false;
    const fracStart = ++i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return false;
      if (value !== 0 || c !== 0) {
        value = value * 10 + c;
        digits++;
      }
    }
    scale = i - fracStart;
    if (scale === 0 || scale > MAX_SCALE) return false;
  }
  if (digits > MAX_DIGITS) return false;
  reg.int = negative ? -value : value;
  reg.scale = scale;
  return true;
}

/** A Decimal into `reg`; false when it has too many digits (or is not finite). */
export function fromDecimal(value: Decimal): boolean {
  return value.isFinite() && parseFixed(value.toFixed(), ANY);
}

/** `x × 10^k`, or NaN when that is not a safe integer. */
function scaleUp(x: number, k: number): number {
  if (k >= POW10.length) return Number.NaN;
  const y = x * POW10[k]!;
  return y > MAX || y < -MAX ? Number.NaN : y;
}

/**
 * Compares `a / 10^as` with `b / 10^bs`: −1, 0 or 1, or NaN when they cannot be brought to one scale exactly.
 * @example
 * compareFixed(6, 2, 60, 3) // 0 (0.06 = 0.060)
 */
export function compareFixed(a: number, as: number, b: number, bs: number): number {
  if (as < bs) a = scaleUp(a, bs - as);
  else if (bs < as) b = scaleUp(b, as - bs);
  // NaN compares false both ways: the caller sees NaN, not an answer.
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : Number.NaN;
}

/** `a / 10^as + b / 10^bs` into `reg`. */
export function addFixed(a: number, as: number, b: number, bs: number): Status {
  if (as < bs) a = scaleUp(a, bs - as);
  else if (bs < as) b = scaleUp(b, as - bs);
  const sum = a + b;
  // NaN (from scaling) fails both comparisons below; so does a sum beyond the safe range.
  if (!(sum <= MAX && sum >= -MAX)) return FALLBACK;
  reg.int = sum;
  reg.scale = as < bs ? bs : as;
  return OK;
}

/** `a / 10^as × b / 10^bs` into `reg`. */
export function multiplyFixed(a: number, as: number, b: number, bs: number): Status {
  const product = a * b;
  if (!(product <= MAX && product >= -MAX)) return FALLBACK;
  reg.int = product === 0 ? 0 : product;
  reg.scale = as + bs;
  return OK;
}

/**
 * Rounds `x / 10^scale` to `places` decimals, halves away from zero (decimal.js ROUND_HALF_UP), into `reg`.
 * @example
 * roundFixed(-12345, 3, 2) // OK; reg = { int: -1235, scale: 2 } (−12.345 → −12.35)
 */
export function roundFixed(x: number, scale: number, places: number): Status {
  if (scale <= places) {
    reg.int = x;
    reg.scale = scale;
    return OK;
  }
  const k = scale - places;
  if (k >= POW10.length) return FALLBACK;
  const p = POW10[k]!;
  const magnitude = x < 0 ? -x : x;
  // Remainder and quotient of safe integers are exact; 2 × remainder only doubles (exact in binary).
  const remainder = magnitude % p;
  let quotient = (magnitude - remainder) / p;
  if (2 * remainder >= p) quotient++;
  reg.int = x < 0 && quotient !== 0 ? -quotient : quotient;
  reg.scale = places;
  return OK;
}

/** Decimal places without trailing zeros (decimal.js `decimalPlaces()`). */
export function decimalPlacesFixed(x: number, scale: number): number {
  if (x === 0) return 0;
  while (scale > 0 && x % 10 === 0) {
    x /= 10;
    scale--;
  }
  return scale;
}

/** Digits before the point, at least 1 (`integerDigits` of functions/math.ts). */
export function integerDigitsFixed(x: number, scale: number): number {
  const magnitude = x < 0 ? -x : x;
  // A safe integer is below 10¹⁶: count the powers of ten it reaches.
  let digits = 0;
  while (digits < 16 && magnitude >= POW10[digits]!) digits++;
  return digits - scale > 1 ? digits - scale : 1;
}

/** The value in `reg` as a Decimal (for tests and tracing; the fast path never needs one). */
export function toDecimal(int: number, scale: number): Decimal {
  return new Decimal(int).div(POW10[scale] ?? new Decimal(10).pow(scale));
}
