/**
 * Exact decimal arithmetic on scaled integers: a decimal is a BigInt of units of 10^-scale ("12.345" is
 * 12345n at scale 3), money is a BigInt of cents. Building a line needs only products, quotients rounded
 * half away from zero, and sums — exact in BigInt at any size, and several times cheaper than decimal.js,
 * which allocates and normalises a digit array at every step (the line arithmetic of a 20-line sale went
 * from most of `buildInvoice`'s time to a small part of it).
 */

/** A decimal as scaled integer: `units` × 10^-`scale`. */
export interface Scaled {
  units: bigint;
  scale: number;
}

const POWERS: bigint[] = [];
/** 10^n as a BigInt (cached: scales are small). */
export function pow10(n: number): bigint {
  let p = POWERS[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    if (n < 64) POWERS[n] = p;
  }
  return p;
}

/**
 * A plain decimal text ("-12.50", "007", "0.015") as a scaled integer; the text is one the model's readers
 * produced (optional minus, digits, optional point and digits).
 * @example
 * scaledOf("-12.50") // { units: -1250n, scale: 2 }
 */
export function scaledOf(text: string): Scaled {
  const dot = text.indexOf(".");
  if (dot < 0) return { units: BigInt(text), scale: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/**
 * n ÷ d rounded to an integer, halves away from zero (the platform's rounding, negative amounts included).
 * @example
 * roundDiv(5n, 2n)  // 3n
 * roundDiv(-5n, 2n) // -3n
 */
export function roundDiv(n: bigint, d: bigint): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncates toward zero
  const r = n % d; // the sign of n
  if (r === 0n) return q;
  const twice = r < 0n ? -2n * r : 2n * r;
  if (twice < d) return q;
  return n < 0n ? q - 1n : q + 1n;
}

/** `value` rounded to `scale` places, as units of 10^-scale. */
export function rescale(value: Scaled, scale: number): bigint {
  if (value.scale <= scale) return value.units * pow10(scale - value.scale);
  return roundDiv(value.units, pow10(value.scale - scale));
}

/** A decimal rounded to cents (halves away from zero). */
export const centsOf = (value: Scaled): bigint => rescale(value, 2);

/**
 * Money text with exactly two decimals; zero is "0.00", never "-0.00".
 * @example
 * centsText(-150n) // "-1.50"
 */
export function centsText(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString();
  const body =
    digits.length > 2 ? `${digits.slice(0, -2)}.${digits.slice(-2)}` : `0.${digits.padStart(2, "0")}`;
  return negative ? `-${body}` : body;
}

/**
 * Units of 10^-scale as decimal text with trailing zeros trimmed ("15841.5841584158", "3", "0").
 * @example
 * unitsText(1500n, 3) // "1.5"
 */
export function unitsText(units: bigint, scale: number): string {
  const negative = units < 0n;
  let digits = (negative ? -units : units).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, "0");
    let end = digits.length;
    const point = end - scale;
    while (end > point && digits.charCodeAt(end - 1) === 48) end--;
    digits = end === point ? digits.slice(0, point) : `${digits.slice(0, point)}.${digits.slice(point, end)}`;
  }
  return negative && digits !== "0" ? `-${digits}` : digits;
}
