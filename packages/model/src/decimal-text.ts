/**
 * Decimal text: how money, quantities and rates enter efapiao. They arrive as JSON strings (exact) or JSON
 * numbers (read through their shortest decimal form, which is what the writer of the JSON meant), and
 * leave this module as canonical decimal strings. No arithmetic happens here — only text handling — so no
 * binary floating-point error can creep in; the calculators turn the text into Decimal.
 */
import type { Message } from "./diagnostic.js";

/** Money up to 999,999,999,999.99 and prices/quantities up to 12 integer digits (e-tax bureau limit). */
export const MAX_INTEGER_DIGITS = 12;
/** More fraction digits than this is not a price anyone meant; reject rather than carry it around. */
export const MAX_FRACTION_DIGITS = 20;

export type DecimalTextResult = { ok: true; text: string } | { ok: false; message: Message };

/**
 * Turns a JSON number into the decimal text it was written as (`0.1` → "0.1", `1e-7` → "0.0000001").
 * JavaScript's shortest round-trip formatting gives exactly the digits of the JSON source for any number
 * that survives a round trip; exponent forms are expanded by moving the decimal point in the text.
 */
export function numberToDecimalText(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, intPart, fracPart = "", exp] = match;
  return sign + shiftDecimalPoint(intPart! + "." + fracPart, Number(exp));
}

/** Moves the decimal point of an unsigned decimal text by `places` (positive = right), as text. */
export function shiftDecimalPoint(unsigned: string, places: number): string {
  const [intPart = "0", fracPart = ""] = unsigned.split(".");
  let digits = intPart + fracPart;
  let point = intPart.length + places;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  return trimDecimal(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

/** Removes leading zeros of the integer part and trailing zeros of the fraction ("007.500" → "7.5"). */
export function trimDecimal(text: string): string {
  const negative = text.charCodeAt(0) === MINUS;
  const start = negative ? 1 : 0;
  if (decimalShape(text, start) === NOT_DECIMAL) return trimDecimalParts(text);
  // A plain decimal (every rate read comes here): one pass over the characters, no split or replace.
  let dot = text.indexOf(".", start);
  if (dot < 0) dot = text.length;
  let first = start;
  while (first < dot - 1 && text.charCodeAt(first) === ZERO) first++;
  let end = text.length;
  while (end > dot + 1 && text.charCodeAt(end - 1) === ZERO) end--;
  if (end === dot + 1 && text.charCodeAt(dot + 1) === ZERO) end = dot; // only zeros after the point
  const body = first === 0 && end === text.length ? text : text.slice(first, end);
  if (!negative) return body;
  return body === "0" ? "0" : `-${body}`;
}

/** {@link trimDecimal} of any text, plain decimal or not, part by part. */
function trimDecimalParts(text: string): string {
  const negative = text.startsWith("-");
  const unsigned = negative ? text.slice(1) : text;
  let [intPart = "0", fracPart = ""] = unsigned.split(".");
  intPart = intPart.replace(/^0+(?=\d)/, "");
  fracPart = fracPart.replace(/0+$/, "");
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && body !== "0" ? `-${body}` : body;
}

const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** What {@link decimalShape} finds: a decimal within the limits, or what is wrong with the text. */
const OK = 0;
const NOT_DECIMAL = 1;
const TOO_MANY_INTEGER_DIGITS = 2;
const TOO_MANY_FRACTION_DIGITS = 3;

/**
 * Checks `text[start..]` is `\d+(\.\d+)?` within the size limits, in one pass over its characters (a
 * regex test plus split and replace cost several times more, and this runs for every decimal of a sale).
 */
function decimalShape(text: string, start: number): number {
  const end = text.length;
  let i = start;
  while (i < end && text.charCodeAt(i) === ZERO) i++;
  // Leading zeros do not count towards the integer digits, but one digit (even a zero) must be there.
  const significant = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) break;
    i++;
  }
  if (i === start) return NOT_DECIMAL;
  const integerDigits = i === significant ? 1 : i - significant;
  let fractionDigits = 0;
  if (i < end) {
    if (text.charCodeAt(i) !== DOT) return NOT_DECIMAL;
    const point = ++i;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) return NOT_DECIMAL;
      i++;
    }
    fractionDigits = i - point;
    if (fractionDigits === 0) return NOT_DECIMAL;
  }
  if (integerDigits > MAX_INTEGER_DIGITS) return TOO_MANY_INTEGER_DIGITS;
  if (fractionDigits > MAX_FRACTION_DIGITS) return TOO_MANY_FRACTION_DIGITS;
  return OK;
}

/**
 * Reads a decimal given as JSON string or number into decimal text, checking it is a plain decimal of a
 * sensible size. Exponents, thousands separators, spaces and NaN/Infinity are rejected with a message.
 * @example
 * readDecimal("100000.00") // { ok: true, text: "100000.00" }
 * readDecimal(0.1)         // { ok: true, text: "0.1" }
 * readDecimal("1,000")     // { ok: false, message: { zh: "…", en: "…" } }
 */
export function readDecimal(value: unknown): DecimalTextResult {
  let text: string;
  if (typeof value === "string") {
    text = value;
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) return fail(`不是有限的数：${value}`, `Not a finite number: ${value}`);
    text = numberToDecimalText(value);
  } else {
    return fail(`应为数字或数字字符串`, `Expected a number or a numeric string`);
  }
  const shape = decimalShape(text, text.charCodeAt(0) === MINUS ? 1 : 0);
  if (shape === OK) return { ok: true, text };
  if (shape === NOT_DECIMAL) {
    return fail(
      `“${clip(text)}” 不是有效的数字（例如 100.00）`,
      `"${clip(text)}" is not a valid decimal number (e.g. 100.00)`,
    );
  }
  if (shape === TOO_MANY_INTEGER_DIGITS) {
    return fail(
      `数值过大：整数部分最多 ${MAX_INTEGER_DIGITS} 位`,
      `Number too large: at most ${MAX_INTEGER_DIGITS} integer digits`,
    );
  }
  return fail(
    `小数位过多：最多 ${MAX_FRACTION_DIGITS} 位`,
    `Too many decimal places: at most ${MAX_FRACTION_DIGITS}`,
  );
}

/**
 * Reads a tax rate written as "6%", "0.06" or 0.06 into a decimal fraction text with trailing zeros
 * trimmed ("0.06", "0.015", "0"). Rates must lie in [0, 1).
 * @example
 * readRate("6%")    // { ok: true, text: "0.06" }
 * readRate("1.5%")  // { ok: true, text: "0.015" }
 * readRate(0.13)    // { ok: true, text: "0.13" }
 */
export function readRate(value: unknown): DecimalTextResult {
  let text: string | undefined;
  if (typeof value === "string" && value.endsWith("%")) {
    // Unsigned, and the same size limits as a rate written as a fraction, so "0.000…1%" cannot carry
    // unbounded digits.
    const number = value.slice(0, -1);
    if (decimalShape(number, 0) !== OK) return badRate(value);
    text = percentToFraction(number);
  } else {
    const read = readDecimal(value);
    if (!read.ok) return badRate(value);
    text = trimDecimal(read.text);
    if (text.charCodeAt(0) !== ZERO) text = undefined; // negative, or 1 and more
  }
  return text === undefined ? badRate(value) : { ok: true, text };
}

/**
 * An unsigned decimal text of per cent as the trimmed fraction below 1 (`shiftDecimalPoint(number, -2)`
 * when that is below 1: "6" → "0.06", "1.50" → "0.015", "0" → "0"), or undefined for 100% and more.
 */
function percentToFraction(number: string): string | undefined {
  let dot = number.indexOf(".");
  if (dot < 0) dot = number.length;
  let first = 0;
  while (first < dot && number.charCodeAt(first) === ZERO) first++;
  const significant = dot - first; // integer digits of the per cent, leading zeros dropped
  if (significant > 2) return undefined;
  let end = number.length;
  while (end > dot + 1 && number.charCodeAt(end - 1) === ZERO) end--;
  const fraction = end > dot + 1 ? number.slice(dot + 1, end) : "";
  // The per cent's integer digits become the first two places of the fraction.
  const places =
    (significant === 2 ? "" : significant === 1 ? "0" : "00") + number.slice(first, dot) + fraction;
  let last = places.length;
  while (last > 0 && places.charCodeAt(last - 1) === ZERO) last--;
  return last === 0 ? "0" : `0.${places.slice(0, last)}`;
}

function badRate(value: unknown): DecimalTextResult {
  const shown = clip(String(value));
  return fail(
    `税率 “${shown}” 无效：应写作 6%、0.06 或 0.06（0 到 100% 之间）`,
    `Tax rate "${shown}" is invalid: write it as 6%, "0.06" or 0.06 (between 0 and 100%)`,
  );
}

function fail(zh: string, en: string): DecimalTextResult {
  return { ok: false, message: { zh, en } };
}

/** Long inputs are shown shortened in messages, so a 10 MB string does not become a 10 MB message. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
