/**
 * The exact fast path (fixed.ts, compile-fixed.ts) must give the answers decimal.js gives: its operations are
 * checked against Decimal on random operands, and the standard pack run with it is checked against the
 * benchmark's tree-walking interpreter (which only ever computes with Decimal) on randomly damaged invoices.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpretRule } from "../bench/interpreter.js";
import { invoice, run } from "../test/helpers.js";
import {
  ABSENT,
  ANY,
  addFixed,
  compareFixed,
  DECIMAL_TEXT,
  decimalPlacesFixed,
  FALLBACK,
  integerDigitsFixed,
  multiplyFixed,
  OK,
  parseFixed,
  RATE_TEXT,
  reg,
  roundFixed,
  toDecimal,
} from "./fixed.js";
import { ITERATION } from "./compile.js";
import { readRuleSources } from "./node/load.js";
import { compilePack, type Pack } from "./pack.js";
import { standardPackDir } from "./node/standard-dir.js";
import { createValidator } from "./validate.js";
import { Decimal } from "./values.js";

/** The binding's regular expressions (binding.ts), which a text read by `parseFixed` must satisfy. */
const PLAIN_DECIMAL = /^-?(?:0|[1-9]\d{0,11})(?:\.\d{1,20})?$/;
const PLAIN_RATE = /^0(?:\.\d{1,20})?$/;

function parsed(
  text: string,
  form: typeof ANY | typeof DECIMAL_TEXT | typeof RATE_TEXT,
): Decimal | undefined {
  return parseFixed(text, form) ? toDecimal(reg.int, reg.scale) : undefined;
}

/** Decimal text of up to 17 significant digits and up to 21 decimals, with the odd leading zero. */
const decimalText = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^(0|0\d{1,2}|[1-9]\d{0,13})$/),
    fc.option(fc.stringMatching(/^\d{0,21}$/)),
  )
  .map(
    ([negative, int, fraction]) => `${negative ? "-" : ""}${int}${fraction === null ? "" : `.${fraction}`}`,
  );

/** An exact operand: an integer of up to 16 digits at a scale of up to 24 (some beyond the fast path). */
const operand = fc.tuple(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), fc.integer({ min: 0, max: 24 }));
const asDecimal = ([m, s]: [bigint, number]) => new Decimal(m.toString()).div(new Decimal(10).pow(s));
const safe = ([m]: [bigint, number]) =>
  m <= BigInt(Number.MAX_SAFE_INTEGER) && -m <= BigInt(Number.MAX_SAFE_INTEGER);

describe("scaled integers", () => {
  it("read exactly the texts the binding reads as plain decimals, with their values", () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const d = parsed(text, DECIMAL_TEXT);
        if (d !== undefined) {
          expect(PLAIN_DECIMAL.test(text)).toBe(true);
          expect(d.eq(new Decimal(text))).toBe(true);
        }
        const r = parsed(text, RATE_TEXT);
        if (r !== undefined) {
          expect(PLAIN_RATE.test(text)).toBe(true);
          expect(r.eq(new Decimal(text))).toBe(true);
        }
        const any = parsed(text, ANY);
        if (any !== undefined) expect(any.eq(new Decimal(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("read plain decimals of up to 15 significant digits, and refuse what they cannot hold", () => {
    expect(parsed("6000.02", DECIMAL_TEXT)?.toString()).toBe("6000.02");
    expect(parseFixed("100.00", DECIMAL_TEXT) && reg.int === 10000 && reg.scale === 2).toBe(true);
    expect(parsed("-0.5", DECIMAL_TEXT)?.toString()).toBe("-0.5");
    expect(parsed("0.06", RATE_TEXT)?.toString()).toBe("0.06");
    expect(parsed("999999999999.999", DECIMAL_TEXT)?.toString()).toBe("999999999999.999");
    // 16 significant digits, leading zeros, exponents, "6%", a rate of 1, empty text: not read here.
    for (const text of ["1234567890.123456", "007", "1e5", "6%", "1", "", "-", ".5", "5.", "1,000"]) {
      expect(parseFixed(text, text === "1" ? RATE_TEXT : DECIMAL_TEXT), text).toBe(false);
    }
    expect(parseFixed("-0.06", RATE_TEXT)).toBe(false);
  });

  it("add, multiply and compare as Decimal does, or give up (never a wrong answer)", () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        fc.pre(safe(a) && safe(b));
        const [x, xs] = [Number(a[0]), a[1]];
        const [y, ys] = [Number(b[0]), b[1]];
        const c = compareFixed(x, xs, y, ys);
        if (!Number.isNaN(c)) expect(c).toBe(asDecimal(a).cmp(asDecimal(b)));
        if (addFixed(x, xs, y, ys) === OK) {
          expect(toDecimal(reg.int, reg.scale).eq(asDecimal(a).plus(asDecimal(b)))).toBe(true);
        }
        if (multiplyFixed(x, xs, y, ys) === OK && reg.scale <= 40) {
          expect(
            new Decimal(reg.int).div(new Decimal(10).pow(reg.scale)).eq(asDecimal(a).times(asDecimal(b))),
          ).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    // Beyond 2^53 the operations give up rather than round.
    expect(addFixed(Number.MAX_SAFE_INTEGER, 0, 1, 0)).toBe(FALLBACK);
    expect(multiplyFixed(2 ** 30, 0, 2 ** 30, 0)).toBe(FALLBACK);
    expect(compareFixed(1, 0, 1, 23)).toBeNaN();
    expect(compareFixed(10 ** 15, 0, 1, 2)).toBeNaN();
  });

  it("round half away from zero, and count digits, as functions/math.ts does", () => {
    fc.assert(
      fc.property(operand, fc.integer({ min: 0, max: 20 }), (a, places) => {
        fc.pre(safe(a) && a[1] <= 22);
        const [x, xs] = [Number(a[0]), a[1]];
        const d = asDecimal(a);
        expect(roundFixed(x, xs, places)).toBe(OK);
        expect(toDecimal(reg.int, reg.scale).eq(d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP))).toBe(true);
        expect(decimalPlacesFixed(x, xs)).toBe(d.decimalPlaces());
        expect(integerDigitsFixed(x, xs)).toBe(d.e < 0 || d.isZero() ? 1 : d.e + 1);
      }),
      { numRuns: 3000 },
    );
    expect(roundFixed(-12345, 3, 2) === OK && reg.int).toBe(-1235);
    expect(roundFixed(-4, 3, 2) === OK && Object.is(reg.int, 0)).toBe(true);
    expect(ABSENT).not.toBe(OK);
  });
});

describe("rules on the fast path", () => {
  it("answer as the Decimal path does on values it cannot hold", () => {
    const doc = { totals: { amount: "1234567890.123456789", tax: "0.000000000000000001" } };
    expect(
      run(
        `rule T-1 error\n  assert totals.amount > 1234567890.12345678\n  message zh "x"\n  message en "x"\n`,
        doc,
      ),
    ).toEqual([]);
    expect(
      run(
        `rule T-1 error\n  assert totals.tax × 10 = 0.00000000000000001\n  message zh "x"\n  message en "x"\n`,
        doc,
      ),
    ).toEqual([]);
    expect(
      run(`rule T-1 error\n  assert totals.amount = totals.tax\n  message zh "x"\n  message en "x"\n`, doc),
    ).toHaveLength(1);
    // Rates written as percentages and JSON numbers are read by the model's readers, then compared exactly.
    const rates = { lines: [{ taxRate: "6%", amount: 100, tax: "6.00" }] };
    const co = `rule T-1 error\n  for each line in lines\n  assert line.tax = line.amount × line.taxRate within 0\n  message zh "x"\n  message en "x"\n`;
    expect(run(co, rates)).toEqual([]);
    expect(run(co, { lines: [{ taxRate: "6%", amount: 100, tax: "6.01" }] })).toHaveLength(1);
  });

  it("compute a sub-expression written twice once per line, and still per line", () => {
    const text = `rule T-1 error\n  for each line in lines\n  assert decimalPlaces(line.amount) ≤ 2 and decimalPlaces(line.amount) + integerDigits(line.amount) ≤ 5\n  message zh "x"\n  message en "x"\n`;
    const lines = ["1.5", "123.45", "1.234", "12345.6", "12.3"].map((amount) => ({ amount }));
    expect(run(text, { lines }).map((d) => d.path)).toEqual(["lines[2].amount", "lines[3].amount"]);
    // Across the wrap of the iteration count, too.
    ITERATION.n = 0x3fffffff - 2;
    expect(run(text, { lines }).map((d) => d.path)).toEqual(["lines[2].amount", "lines[3].amount"]);
    expect(ITERATION.n).toBeLessThan(10);
  });

  it("select the lines of a `for each … where` once for the rules that select them alike", () => {
    const rule = (id: string, assert: string) =>
      `rule ${id} error\n  for each line in lines where line.nature = "discount"\n  assert ${assert}\n  message zh "x"\n  message en "x"\n`;
    const text = [
      rule("T-1", "line.amount < 0"),
      rule("T-2", `line.name = "b"`),
      rule("T-3", "line.amount > -10"),
    ].join("\n");
    const lines = [
      { nature: "discounted", amount: "100", name: "a" },
      { nature: "discount", amount: "-20", name: "a" },
      { nature: "discount", amount: "5", name: "b" },
    ];
    expect(run(text, { lines }).map((d) => `${d.rule} ${d.path}`)).toEqual([
      "T-1 lines[2].amount",
      "T-2 lines[1].name",
      "T-3 lines[1].amount",
    ]);
  });

  it("give the standard pack's diagnostics exactly as the Decimal interpreter does, on damaged invoices", async () => {
    const dir = standardPackDir();
    const { sources } = await readRuleSources(dir);
    const pack = compilePack(sources, { name: "standard" });
    expect(pack.diagnostics).toEqual([]);
    const interpreted: Pack = {
      ...pack,
      rules: pack.rules.map((rule) => ({ ...rule, evaluate: (env, fail) => interpretRule(rule, env, fail) })),
    };
    const bases = ["special-invoice.json", "discount-invoice.json", "red-invoice.json", "sale.json"].map(
      (f) => JSON.parse(readFileSync(`${dir}examples/${f}`, "utf8")) as Record<string, unknown>,
    );
    bases.push(invoice() as unknown as Record<string, unknown>);
    const value = fc.oneof(
      decimalText,
      fc.constantFrom("-0", "0", "0.000", "6%", "1.5%", "0.130", "", "abc", "1e5", "9999999999999.99"),
      fc.constantFrom(0, 0.06, 1e21, 123456789012345680, -1.5, 100),
      fc.constant(null),
      fc.constant(undefined),
    );
    const lineField = fc.constantFrom(
      "amount",
      "tax",
      "taxRate",
      "quantity",
      "unitPrice",
      "index",
      "discount",
    );
    const documentField = fc.constantFrom("amount", "tax", "total");
    // Values on the edges: tolerances reached exactly, halves to round, sums one cent off.
    const delta = fc.constantFrom(
      "0",
      "0.01",
      "-0.01",
      "0.005",
      "-0.005",
      "0.006",
      "0.06",
      "-0.06",
      "1.27",
      "0.0000001",
    );
    const mutation = fc.oneof(
      fc.record({ line: fc.nat(), field: lineField, value }),
      fc.record({ totals: documentField, value }),
      fc.record({ line: fc.nat(), field: lineField, delta }),
      fc.record({ totals: documentField, delta }),
    );
    const options = fc.constantFrom<Record<string, unknown>>(
      {},
      { profile: "legacy" },
      { params: { "tolerance.line": "0.000000000000000000001" } },
      { params: { "tolerance.invoice": "123456789012.123456789" } },
    );
    fc.assert(
      fc.property(
        fc.nat(bases.length - 1),
        fc.array(mutation, { maxLength: 6 }),
        options,
        (b, mutations, o) => {
          const doc = structuredClone(bases[b]!) as {
            lines?: Record<string, unknown>[];
            totals?: Record<string, unknown>;
          };
          const nudged = (old: unknown, d: string) =>
            typeof old === "string" && PLAIN_DECIMAL.test(old) ? new Decimal(old).plus(d).toFixed() : old;
          for (const m of mutations) {
            const at =
              "line" in m ? doc.lines?.[m.line % Math.max(1, doc.lines.length)] : (doc.totals ?? undefined);
            const key = "line" in m ? m.field : m.totals;
            if (at) at[key] = "delta" in m ? nudged(at[key], m.delta) : m.value;
          }
          const settings = { today: "2026-05-18", ...o };
          const fast = createValidator({ ...settings, packs: [pack] })(doc);
          const reference = createValidator({ ...settings, packs: [interpreted] })(doc);
          expect(fast).toEqual(reference);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
