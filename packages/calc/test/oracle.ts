/**
 * An independent oracle for the property tests: the amount rules of domain-facts.md written again with
 * BigInt integers (cents, or units of 10^-scale), sharing no code with src/. Rounding is half away from
 * zero, done by hand with integer division.
 */

/** A decimal text as an integer and the power of ten it is scaled by: "12.345" → 12345n, 3. */
export interface Fixed {
  units: bigint;
  scale: number;
}

export function fixed(text: string): Fixed {
  const negative = text.startsWith("-");
  const [int = "0", frac = ""] = (negative ? text.slice(1) : text).split(".");
  const units = BigInt(int + frac);
  return { units: negative ? -units : units, scale: frac.length };
}

export const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** n ÷ d rounded to an integer, halves away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d < 0n) return divRound(-n, -d);
  const q = n / d; // truncates toward zero
  const r = n % d;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/** A Fixed value re-expressed with `scale` decimals, rounding halves away from zero. */
export function rescale(value: Fixed, scale: number): bigint {
  if (value.scale <= scale) return value.units * pow10(scale - value.scale);
  return divRound(value.units, pow10(value.scale - scale));
}

/** Integer cents → money text ("-500.00"). */
export function centsText(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** Integer units of 10^-scale → decimal text with trailing zeros trimmed ("15841.5841584158", "3"). */
export function trimmedUnits(units: bigint, scale: number): string {
  const sign = units < 0n ? "-" : "";
  const abs = units < 0n ? -units : units;
  const int = abs / pow10(scale);
  const frac = String(abs % pow10(scale))
    .padStart(scale, "0")
    .replace(/0+$/, "");
  const body = frac ? `${int}.${frac}` : `${int}`;
  return body === "0" ? "0" : sign + body;
}

export interface OracleInput {
  quantity?: string;
  unitPrice?: string;
  amount?: string;
  /** Decimal fraction, e.g. "0.015". */
  rate: string;
  discount?: string;
}

export interface OracleLine {
  quantity?: string;
  unitPrice?: string;
  amount: bigint;
  tax: bigint;
  discount?: { amount: bigint; tax: bigint };
}

/** The line's amount on the basis the user wrote it (gross when prices include tax), in cents. */
export function givenCents(line: Pick<OracleInput, "quantity" | "unitPrice" | "amount">): bigint {
  if (line.amount !== undefined) return rescale(fixed(line.amount), 2);
  const q = fixed(line.quantity!);
  const p = fixed(line.unitPrice!);
  return rescale({ units: q.units * p.units, scale: q.scale + p.scale }, 2);
}

/** The amount rules for one line, from the texts the sale carries. */
export function oracleLine(line: OracleInput, inclusive: boolean): OracleLine {
  const rate = fixed(line.rate);
  const rateDen = pow10(rate.scale);
  // gross ÷ (1 + rate) = gross × 10^s ÷ (10^s + r)
  const net = (gross: bigint) => divRound(gross * rateDen, rateDen + rate.units);
  const taxOn = (amount: bigint) => divRound(amount * rate.units, rateDen);

  const given = givenCents(line);
  const amount = inclusive ? net(given) : given;
  const tax = inclusive ? given - amount : taxOn(amount);

  const out: OracleLine = { amount, tax };
  if (line.quantity !== undefined)
    out.quantity = trimmedUnits(fixed(line.quantity).units, fixed(line.quantity).scale);
  if (line.unitPrice !== undefined) {
    const p = fixed(line.unitPrice);
    out.unitPrice = inclusive
      ? // p ÷ (1 + rate) to 10 places: p.units × 10^rs × 10^10 ÷ ((10^rs + r) × 10^ps)
        trimmedUnits(divRound(p.units * rateDen * pow10(10), (rateDen + rate.units) * pow10(p.scale)), 10)
      : trimmedUnits(p.units, p.scale);
  } else if (line.quantity !== undefined) {
    const q = fixed(line.quantity);
    // (amount/100) ÷ (q.units/10^qs) to 10 places = amount × 10^qs × 10^8 ÷ q.units
    out.unitPrice = trimmedUnits(divRound(amount * pow10(q.scale) * pow10(8), q.units), 10);
  }
  if (line.discount !== undefined) {
    const d = rescale(fixed(line.discount), 2);
    const dAmount = inclusive ? net(d) : d;
    out.discount = { amount: dAmount, tax: inclusive ? d - dAmount : taxOn(dAmount) };
  }
  return out;
}
