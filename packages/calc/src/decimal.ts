/**
 * decimal.js where calc still uses it (red-letter negation, splitting; a line's arithmetic is on BigInt
 * cents, cents.ts). A private decimal.js clone with fixed settings, so no other library
 * calling `Decimal.set` can change how an invoice is rounded: 50 significant digits (far beyond any
 * amount × rate product) and ROUND_HALF_UP, which in decimal.js rounds halves away from zero — the
 * rounding the platform applies to every amount, negative ones included.
 */
import DecimalJs from "decimal.js";

/**
 * The decimal type efapiao computes money with (also the rules' numbers).
 * @example
 * new Decimal("0.1").plus("0.2").toFixed(2) // "0.30"
 */
export const Decimal = DecimalJs.clone({
  precision: 50,
  rounding: DecimalJs.ROUND_HALF_UP,
  // Never exponent notation in toString(): text leaves calc as plain decimals.
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
/** Decimal places of a unit price derived by division, as the platform prints it. */
export const PRICE_PLACES = 10;

/** Rounds to cents, halves away from zero. */
function roundCents(value: Decimal): Decimal {
  // Most amounts already are cents; rounding in decimal.js costs an allocation and a pass over the digits.
  return value.decimalPlaces() > 2 ? value.toDecimalPlaces(2) : value;
}

/**
 * Money text with exactly two decimals, rounded to cents. A value that rounds to zero prints "0.00",
 * never "-0.00".
 * @example
 * moneyText(new Decimal("-0.001")) // "0.00"
 * moneyText(new Decimal("2.5"))    // "2.50"
 */
export function moneyText(value: Decimal): string {
  const cents = roundCents(value);
  if (cents.isZero()) return "0.00";
  // toString() of a value with at most two decimals, padded: cheaper than toFixed(2), which copies.
  const text = cents.toString();
  const dot = text.indexOf(".");
  if (dot < 0) return `${text}.00`;
  return text.length - dot === 2 ? `${text}0` : text;
}

/**
 * The money text of the negated value, from the money text of the value: a sign is written or dropped
 * (text handling, exact, and no Decimal to copy). Zero stays "0.00".
 * @example
 * negatedMoneyText("1.50")  // "-1.50"
 * negatedMoneyText("-1.50") // "1.50"
 */
export function negatedMoneyText(text: string): string {
  if (text.charCodeAt(0) === MINUS) return text.slice(1);
  return text === "0.00" ? text : `-${text}`;
}

/** Decimal text with trailing zeros trimmed ("100000.00" → "100000", "1.50" → "1.5"). */
export function trimmedText(value: Decimal): string {
  return value.isZero() ? "0" : value.toString();
}

/** A quotient rounded to the 10 places the platform prints for unit prices, trimmed. */
export function priceText(value: Decimal): string {
  return trimmedText(value.toDecimalPlaces(PRICE_PLACES));
}

const MINUS = 45;
