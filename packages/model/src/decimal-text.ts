/**
 * Decimal text: how money, quantities and rates enter efapiao. They arrive as JSON strings (exact) or JSON
 * numbers (read through their shortest decimal form, which is what the writer of the JSON meant), and
 * leave this module as canonical decimal strings. No arithmetic happens here — only text handling — so no
 * binary floating-point error can creep in; the calculators turn the text into Decimal.
 */
import type { Message } from "./diagnostic.js";

const DECIMAL = /^-?\d+(\.\d+)?$/;
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
  const negative = text.startsWith("-");
  const unsigned = negative ? text.slice(1) : text;
  let [intPart = "0", fracPart = ""] = unsigned.split(".");
  intPart = intPart.replace(/^0+(?=\d)/, "");
  fracPart = fracPart.replace(/0+$/, "");
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && body !== "0" ? `-${body}` : body;
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
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return fail(`不是有限的数：${value}`, `Not a finite number: ${value}`);
    text = numberToDecimalText(value);
  } else if (typeof value === "string") {
    text = value;
  } else {
    return fail(`应为数字或数字字符串`, `Expected a number or a numeric string`);
  }
  if (!DECIMAL.test(text)) {
    return fail(
      `“${clip(text)}” 不是有效的数字（例如 100.00）`,
      `"${clip(text)}" is not a valid decimal number (e.g. 100.00)`,
    );
  }
  const [intPart = "", fracPart = ""] = text.replace(/^-/, "").split(".");
  if (intPart.replace(/^0+(?=\d)/, "").length > MAX_INTEGER_DIGITS) {
    return fail(
      `数值过大：整数部分最多 ${MAX_INTEGER_DIGITS} 位`,
      `Number too large: at most ${MAX_INTEGER_DIGITS} integer digits`,
    );
  }
  if (fracPart.length > MAX_FRACTION_DIGITS) {
    return fail(
      `小数位过多：最多 ${MAX_FRACTION_DIGITS} 位`,
      `Too many decimal places: at most ${MAX_FRACTION_DIGITS}`,
    );
  }
  return { ok: true, text };
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
  let text: string;
  if (typeof value === "string" && value.endsWith("%")) {
    const number = value.slice(0, -1);
    // Same size limits as a rate written as a fraction, so "0.000…1%" cannot carry unbounded digits.
    if (!/^\d+(\.\d+)?$/.test(number) || !readDecimal(number).ok) return badRate(value);
    text = shiftDecimalPoint(number, -2);
  } else {
    const read = readDecimal(value);
    if (!read.ok) return badRate(value);
    text = trimDecimal(read.text);
  }
  if (text.startsWith("-") || !text.startsWith("0")) return badRate(value);
  return { ok: true, text };
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
