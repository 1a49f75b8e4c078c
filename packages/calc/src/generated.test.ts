/**
 * Generated sales against an independent oracle (test/oracle.ts: the amount rules again in BigInt
 * cents): inclusive and exclusive prices, discounts, every common rate, decimals as JSON strings and as
 * JSON numbers, amounts with more than two decimals. Then the invariants of totals, red-letter negation
 * and splitting on the same sales.
 */
import { type Invoice, parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { centsText, fixed, givenCents, type OracleInput, oracleLine, rescale } from "../test/oracle.js";
import { BUYER, SELLER, SOFTWARE } from "../test/sales.js";
import { buildInvoiceFromJson } from "./build.js";
import { negateInvoice } from "./negate.js";
import { parseAmountInWords } from "./parse-amount-words.js";
import { splitSale } from "./split.js";

const codes = builtinCodeTable();
const options = { codes, today: "2026-05-18" };
const RUNS = { numRuns: 300 };

/** Each rate as a decimal fraction, and the three ways a sale may write it. */
const RATES = [
  ["0", "0%", 0],
  ["0.01", "1%", 0.01],
  ["0.015", "1.5%", 0.015],
  ["0.03", "3%", 0.03],
  ["0.05", "5%", 0.05],
  ["0.06", "6%", 0.06],
  ["0.09", "9%", 0.09],
  ["0.13", "13%", 0.13],
] as const;

/** A positive decimal written with exactly `scale` decimals (trailing zeros kept on purpose). */
const decimalText = (maxUnits: bigint, maxScale: number) =>
  fc
    .record({ units: fc.bigInt({ min: 1n, max: maxUnits }), scale: fc.integer({ min: 0, max: maxScale }) })
    .map(({ units, scale }) => {
      const digits = units.toString().padStart(scale + 1, "0");
      return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    });

const cents = (money: string) => rescale(fixed(money), 2);

interface GeneratedLine {
  /** The line as the JSON document carries it. */
  json: Record<string, unknown>;
  /** The same line as decimal text, for the oracle. */
  oracle: OracleInput;
}

// quantity < 10^5 and unit price < 10^7 keep every product under the 12-digit line limit; ≤ 15 significant
// digits keep every value exact as a JSON number.
const lineArb = fc
  .record({
    // (A price without a quantity is refused: see line-amounts.test.ts.)
    shape: fc.constantFrom("quantity+price", "amount", "quantity+amount", "all three"),
    quantity: decimalText(99_999n, 3),
    unitPrice: decimalText(9_999_999n, 6),
    amount: decimalText(99_999_999_999n, 4),
    nudge: fc.constantFrom(-1n, 0n, 1n),
    rate: fc.constantFrom(...RATES),
    rateForm: fc.constantFrom(0, 1, 2),
    discountPerMille: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
    asNumbers: fc.boolean(),
  })
  .map((g): GeneratedLine => {
    const oracle: OracleInput = { rate: g.rate[0] };
    if (g.shape !== "amount") oracle.quantity = g.quantity;
    if (g.shape === "quantity+price" || g.shape === "all three") {
      oracle.unitPrice = g.unitPrice;
    }
    if (g.shape === "all three") {
      // quantity × price to the cent, moved by at most the 0.01 the rules tolerate
      const product = givenCents({ quantity: g.quantity, unitPrice: g.unitPrice });
      oracle.amount = centsText(product > 0n ? product + g.nudge : product);
    } else if (g.shape !== "quantity+price") {
      oracle.amount = g.amount;
    }
    const given = givenCents(oracle);
    // A price derived as amount ÷ quantity has at most 12 integer digits (else the builder refuses the line,
    // see line-amounts.test.ts): such a line keeps its amount and drops the quantity.
    if (g.shape === "quantity+amount") {
      const q = fixed(g.quantity);
      if (given * 10n ** BigInt(q.scale) >= 10n ** 14n * q.units) delete oracle.quantity;
    }
    if (g.discountPerMille !== undefined && given >= 1n) {
      const share = (given * BigInt(g.discountPerMille)) / 1000n;
      oracle.discount = centsText(share > 0n ? share : 1n);
    }
    const asJson = (text: string | undefined) => (text === undefined || !g.asNumbers ? text : Number(text));
    const fields = {
      name: "测试项目",
      code: SOFTWARE,
      quantity: asJson(oracle.quantity),
      unitPrice: asJson(oracle.unitPrice),
      amount: asJson(oracle.amount),
      taxRate: g.rate[g.rateForm],
      discount: asJson(oracle.discount),
    };
    // Absent fields are left out of the document, as a user would write it.
    const json = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    return { json, oracle };
  });

const saleArb = fc.record({
  kind: fc.constantFrom("special", "general"),
  inclusive: fc.boolean(),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
});
type GeneratedSale = typeof saleArb extends fc.Arbitrary<infer T> ? T : never;

function documentOf(sale: GeneratedSale) {
  return {
    kind: sale.kind,
    seller: SELLER,
    buyer: BUYER,
    pricesIncludeTax: sale.inclusive,
    lines: sale.lines.map((l) => l.json),
  };
}

function build(sale: GeneratedSale): Invoice {
  const result = buildInvoiceFromJson(documentOf(sale), options);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

describe("generated sales", () => {
  it("every line agrees with the BigInt oracle", () => {
    fc.assert(
      fc.property(saleArb, (sale) => {
        const invoice = build(sale);
        const expected = sale.lines.flatMap(({ oracle }) => {
          const line = oracleLine(oracle, sale.inclusive);
          const main = {
            nature: line.discount ? "discounted" : "normal",
            quantity: line.quantity,
            unitPrice: line.unitPrice,
            amount: centsText(line.amount),
            taxRate: oracle.rate,
            tax: centsText(line.tax),
          };
          if (!line.discount) return [main];
          const discount = {
            nature: "discount",
            quantity: undefined,
            unitPrice: undefined,
            amount: centsText(-line.discount.amount),
            taxRate: oracle.rate,
            tax: centsText(-line.discount.tax),
          };
          return [main, discount];
        });
        expect(
          invoice.lines.map(({ nature, quantity, unitPrice, amount, taxRate, tax }) => ({
            nature,
            quantity,
            unitPrice,
            amount,
            taxRate,
            tax,
          })),
        ).toEqual(expected);
        expect(invoice.lines.map((l) => l.index)).toEqual(expected.map((_, i) => i + 1));
      }),
      RUNS,
    );
  });

  it("totals are the sums of the lines, and the words read back as the total", () => {
    fc.assert(
      fc.property(saleArb, fc.constantFrom("圆", "元"), (sale, words) => {
        const result = buildInvoiceFromJson(documentOf(sale), { ...options, words });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { lines, totals } = result.value;
        const amount = sum(lines.map((l) => cents(l.amount)));
        const tax = sum(lines.map((l) => cents(l.tax)));
        expect(totals.amount).toBe(centsText(amount));
        expect(totals.tax).toBe(centsText(tax));
        expect(totals.total).toBe(centsText(amount + tax));
        expect(totals.totalInWords.includes(words)).toBe(
          amount + tax <= -100n || amount + tax >= 100n || amount + tax === 0n,
        );
        expect(parseAmountInWords(totals.totalInWords)).toEqual({
          ok: true,
          value: totals.total,
          diagnostics: [],
        });
      }),
      RUNS,
    );
  });

  it("with prices including tax, amount + tax is the gross amount on every line", () => {
    fc.assert(
      fc.property(saleArb, (sale) => {
        const invoice = build({ ...sale, inclusive: true });
        const gross = sale.lines.flatMap(({ oracle }) => {
          const own = givenCents(oracle);
          return oracle.discount === undefined ? [own] : [own, -cents(oracle.discount)];
        });
        expect(invoice.lines.map((l) => cents(l.amount) + cents(l.tax))).toEqual(gross);
      }),
      RUNS,
    );
  });

  it("red-letter negation negates the totals exactly and leaves normal lines only", () => {
    fc.assert(
      fc.property(saleArb, (sale) => {
        const blue = build(sale);
        const red = negateInvoice(blue);
        expect(red.lines.every((l) => l.nature === "normal")).toBe(true);
        expect(red.lines).toHaveLength(blue.lines.filter((l) => l.nature !== "discount").length);
        expect(cents(red.totals.amount)).toBe(-cents(blue.totals.amount));
        expect(cents(red.totals.tax)).toBe(-cents(blue.totals.tax));
        expect(cents(red.totals.total)).toBe(-cents(blue.totals.total));
        expect(sum(red.lines.map((l) => cents(l.amount)))).toBe(cents(red.totals.amount));
        const total = cents(red.totals.total);
        expect(red.totals.totalInWords.startsWith("（负数）")).toBe(total < 0n);
      }),
      RUNS,
    );
  });

  it("split invoices add up to the original, within the limits, in order", () => {
    fc.assert(
      fc.property(
        saleArb,
        fc.integer({ min: 2, max: 6 }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.constantFrom("total", "amount"),
        (sale, maxLines, headroom, by) => {
          const whole = build(sale);
          // The value of each line group (a line with its discount line), as splitSale judges it.
          const groupValues: bigint[] = [];
          for (const line of whole.lines) {
            const value = cents(line.amount) + (by === "total" ? cents(line.tax) : 0n);
            if (line.nature === "discount") groupValues[groupValues.length - 1]! += value;
            else groupValues.push(value);
          }
          const largest = groupValues.reduce((a, b) => (a > b ? a : b));
          const maxTotal = (largest > 0n ? largest : 1n) + headroom;
          const parsed = parseSale(documentOf(sale));
          if (!parsed.ok) throw new Error("generated sale is invalid");
          const result = splitSale(parsed.value, { maxTotal: centsText(maxTotal), maxLines, by }, options);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const invoices = result.value;
          for (const field of ["amount", "tax", "total"] as const) {
            expect(sum(invoices.map((inv) => cents(inv.totals[field])))).toBe(cents(whole.totals[field]));
          }
          const strip = ({ index: _, ...line }: Invoice["lines"][number]) => line;
          expect(invoices.flatMap((inv) => inv.lines.map(strip))).toEqual(whole.lines.map(strip));
          for (const invoice of invoices) {
            expect(invoice.lines.length).toBeLessThanOrEqual(maxLines);
            expect(invoice.lines.at(-1)!.nature).not.toBe("discounted");
            const value = by === "total" ? invoice.totals.total : invoice.totals.amount;
            expect(cents(value) <= maxTotal).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });
});
