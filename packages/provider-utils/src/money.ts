/**
 * Exact money text for mappings: sums and differences of two-decimal amounts through integer cents
 * (BigInt), never JavaScript numbers. Providers want totals the canonical invoice keeps per line
 * (含税金额 = 金额 + 税额, header sums); these are those sums, exactly.
 */

import { Decimal } from "@efapiao/calc";
import { jsonNumberText } from "./json-text.js";

const MONEY = /^(-?)(\d+)\.(\d{2})$/;

/**
 * Money text ("-12.30") as cents.
 * @example
 * cents("-12.30") // -1230n
 */
export function cents(money: string): bigint {
  const match = MONEY.exec(money);
  if (!match) throw new RangeError(`Not money text with two decimals: ${JSON.stringify(money)}`);
  const value = BigInt(match[2]! + match[3]!);
  return match[1] === "-" ? -value : value;
}

/**
 * Cents as money text with two decimals.
 * @example
 * moneyText(-1230n) // "-12.30"
 */
export function moneyText(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * The exact sum of money texts.
 * @example
 * addMoney("5.00", "0.65") // "5.65"
 */
export function addMoney(...values: string[]): string {
  if (values.length === 2) {
    const fast = addShortMoney(values[0]!, values[1]!);
    if (fast !== undefined) return fast;
  }
  let total = 0n;
  for (const value of values) total += cents(value);
  return moneyText(total);
}

/**
 * The exact difference a − b of two money texts.
 * @example
 * subtractMoney("5.65", "0.65") // "5.00"
 */
export function subtractMoney(a: string, b: string): string {
  return moneyText(cents(a) - cents(b));
}

/**
 * Any decimal text ("2", "2.0", "-0.650", "1e2" is refused) written as money with two decimals, if it
 * has at most two significant decimals; undefined otherwise (a provider answered "2.005").
 * @example
 * toMoney("2")     // "2.00"
 * toMoney("0.2")   // "0.20"
 * toMoney("2.005") // undefined
 */
export function toMoney(decimal: string): string | undefined {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(decimal.trim());
  if (!match) return undefined;
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > 2) return undefined;
  const integer = match[2]!.replace(/^0+(?=\d)/, "");
  const text = `${integer}.${fraction.padEnd(2, "0")}`;
  return match[1] === "-" && text !== "0.00" ? `-${text}` : text;
}

/**
 * Decimal text without trailing zeros ("0.300000000000000000" → "0.3", "2.000" → "2", "-0" → "0").
 * @example
 * trimDecimal("0.130000") // "0.13"
 */
export function trimDecimal(decimal: string): string {
  let text = decimal.trim();
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  if (/^-0+$/.test(text)) return "0";
  return text;
}

/**
 * A decimal from a parsed JSON answer as plain decimal text: strings as given (trimmed), numbers through
 * their shortest decimal form without exponent (1e-7 → "0.0000001"); anything else undefined.
 * @example
 * decimalText(0.1)   // "0.1"
 * decimalText("2.0") // "2.0"
 */
export function decimalText(value: unknown): string | undefined {
  if (typeof value === "string") {
    const marked = jsonNumberText(value);
    if (marked !== undefined) return marked;
    return value.trim() === "" ? undefined : value.trim();
  }
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  return new Decimal(value).toFixed();
}

/** Money text of at most 15 characters is below 10¹³ yuan: its cents, and their sum, are exact doubles. */
const SHORT_MONEY = /^-?\d{1,12}\.\d{2}$/;

/** The sum of two short money texts in integer cents held as doubles (exact there), else undefined. */
function addShortMoney(a: string, b: string): string | undefined {
  if (!SHORT_MONEY.test(a) || !SHORT_MONEY.test(b)) return undefined;
  const sum = centsOf(a) + centsOf(b);
  const negative = sum < 0;
  const digits = String(negative ? -sum : sum).padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Cents of short money text, as an integer double: "-12.30" → -1230. */
function centsOf(money: string): number {
  const at = money.length - 3;
  return Number(money.slice(0, at) + money.slice(at + 1));
}
