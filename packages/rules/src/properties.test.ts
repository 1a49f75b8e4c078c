/**
 * Property and fuzz tests. Arithmetic is checked against an independent BigInt implementation; the parser,
 * checker and runner must survive any input (random text, token soup, damaged rule files, arbitrary JSON
 * documents) without throwing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileClean } from "../test/helpers.js";
import { diagnose } from "./diagnose.js";
import { KEYWORDS } from "./lexer.js";
import { createValidator } from "./validate.js";

/** A decimal m / 10^s as text ("-12.345"). */
function decimalText(m: bigint, s: number): string {
  const negative = m < 0n;
  const digits = (negative ? -m : m).toString().padStart(s + 1, "0");
  const text = s === 0 ? digits : `${digits.slice(0, -s)}.${digits.slice(-s)}`;
  return negative ? `-${text}` : text;
}

/** Rounds m / 10^s to n places, halves away from zero, in integers: the expected value, as text. */
function roundHalfAwayFromZero(m: bigint, s: number, n: number): string {
  if (s <= n) return decimalText(m, s);
  const d = 10n ** BigInt(s - n);
  const magnitude = m < 0n ? -m : m;
  let q = magnitude / d;
  if (2n * (magnitude % d) >= d) q += 1n;
  return decimalText(m < 0n ? -q : q, n);
}

// At most 12 integer digits: the largest amount the platform (and the model's decimal reader) accepts.
const decimal = fc.record({
  m: fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n }),
  s: fc.integer({ min: 0, max: 8 }),
});

describe("arithmetic against an independent BigInt implementation", () => {
  const roundPack = compileClean(`parameter p.x = 0
parameter p.n = 0
parameter p.expected = 0
rule P-1 error assert round(p.x, p.n) = p.expected message zh "x" message en "x"`);
  const roundCheck = (params: Record<string, string>) =>
    createValidator({ packs: [roundPack], params })({}).diagnostics;

  it("round(x, n) rounds half away from zero", () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 6 }), ({ m, s }, n) => {
        expect(
          roundCheck({
            "p.x": decimalText(m, s),
            "p.n": String(n),
            "p.expected": roundHalfAwayFromZero(m, s, n),
          }),
        ).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  const withinPack = compileClean(`parameter p.a = 0
parameter p.b = 0
parameter p.t = 0
rule P-2 error assert p.a = p.b within p.t message zh "x" message en "x"`);

  it("a = b within t holds exactly when |a − b| ≤ t", () => {
    fc.assert(
      fc.property(decimal, decimal, fc.bigInt({ min: 0n, max: 10n ** 6n }), (a, b, t) => {
        // Bring both to 8 places and compare in integers.
        const scaled = (x: { m: bigint; s: number }) => x.m * 10n ** BigInt(8 - x.s);
        const diff = scaled(a) - scaled(b);
        const expected = (diff < 0n ? -diff : diff) <= t;
        const params = {
          "p.a": decimalText(a.m, a.s),
          "p.b": decimalText(b.m, b.s),
          "p.t": decimalText(t, 8),
        };
        const diagnostics = createValidator({ packs: [withinPack], params })({}).diagnostics;
        expect(diagnostics.length === 0).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  const sumPack = compileClean(
    `rule P-3 error assert sum(lines.amount) = totals.amount message zh "x" message en "x"`,
  );

  it("sum over lines equals the integer sum of cents", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { maxLength: 50 }),
        (cents) => {
          const total = cents.reduce((a, b) => a + b, 0n);
          const doc = {
            lines: cents.map((c) => ({ amount: decimalText(c, 2) })),
            totals: { amount: decimalText(total, 2) },
          };
          const wrong = { ...doc, totals: { amount: decimalText(total + 1n, 2) } };
          expect(createValidator({ packs: [sumPack] })(doc).diagnostics).toEqual([]);
          expect(createValidator({ packs: [sumPack] })(wrong).diagnostics).toHaveLength(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});

const VALID_FILE = `# 示例
base "examples/special-invoice.json"
parameter limit.x = 16
  profile legacy = 20

rule FP-CO-01 error
  applies to special, invoice
  effective from 2019-04-01
  when buyer.taxId is present
  for each line in lines where line.nature != "discount"
  assert line.tax = round(line.amount × line.taxRate, 2) within tolerance.line and (line.previous is missing or line.previous.税率 in [6%, 9%])
  at line.tax
  message zh "第{line.index}行税额{line.tax}（应为{fixed(line.amount × line.taxRate, 2)}）{if line.tax > 0 then "正" else "负"}"
  message en "Line {line.index}: {sum(l.tax for each l in lines where l.amount > 0)} {count(each l in lines)}"
  example "ok"
    set lines[0].tax to "6000.00"
    expect fail at lines[0].tax

disable FP-X-01
change FP-Y-02 to warning
`;

describe("the front end survives any input", () => {
  const survives = (text: string) => {
    const diagnostics = diagnose(text);
    expect(Array.isArray(diagnostics)).toBe(true);
    for (const d of diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(typeof d.message).toBe("string");
      expect(typeof d.messageEn).toBe("string");
    }
  };

  it("random Unicode text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), survives), { numRuns: 300 });
  });

  it("random bytes read as UTF-8 and as Latin-1", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        survives(Buffer.from(bytes).toString("utf8"));
        survives(Buffer.from(bytes).toString("latin1"));
      }),
      { numRuns: 200 },
    );
  });

  const vocabulary = [
    ...KEYWORDS,
    ...[
      "line",
      "lines",
      "明细",
      "金额",
      "buyer",
      "taxId",
      "tolerance",
      "round",
      "sum",
      "count",
      "FP-CO-01",
      "X_1",
    ],
    ...["(", ")", "[", "]", "{", "}", ",", ".", ":", "=", "≠", "<", "≤", ">", "≥", "+", "-", "×", "÷", "%"],
    ...["1", "0.06", "6%", "2026-05-18", '"text"', '"{line.tax}"', '"{"', '"}"', '"', "\n", "#"],
  ];

  it("token soup from the language's own vocabulary", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 120 }), (words) =>
        survives(words.join(" ")),
      ),
      { numRuns: 400 },
    );
  });

  it("a valid file with random damage (characters deleted, inserted, lines swapped)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(VALID_FILE.length), fc.nat(8), fc.string({ maxLength: 4 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (edits) => {
          let text = VALID_FILE;
          for (const [at, remove, insert] of edits)
            text = text.slice(0, at) + insert + text.slice(at + remove);
          survives(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  // A hang would show as the test timing out (vitest's limit); no wall-clock assertion here.
  it("hostile sizes: a 10 MB line, 10,000 brackets of each kind, a 100,000-character message", () => {
    survives(`rule A-1 error assert ${"x".repeat(10 * 1024 * 1024)}`);
    for (const [open, close] of [
      ["(", ")"],
      ["[", "]"],
      ["{", "}"],
    ])
      survives(`rule A-1 error assert ${open!.repeat(10_000)}1${close!.repeat(10_000)}`);
    survives(
      `rule A-1 error assert true message zh "${"长".repeat(100_000)}" message en "${"{1}".repeat(20_000)}"`,
    );
    survives(`rule A-1 error assert true message zh "${"{".repeat(10_000)}" message en "x"`);
  });
});

describe("the runner survives any document", () => {
  const pack = compileClean(
    VALID_FILE.replace(/^base.*$/m, "")
      .replace(/^disable.*$/m, "")
      .replace(/^change.*$/m, "")
      .replace(/ {2}example[\s\S]*?expect fail at lines\[0\]\.tax\n/, "") +
      `rule FP-Z-01 warning
  assert gbkLength(drawer) <= 16 and matches(buyer.taxId, "^[0-9A-Z]{18}$") and isValidUscc(seller.taxId) and matchesAmountInWords(totals.totalInWords, totals.total) and codeExists(lines.code[0])
  message zh "x" message en "x"
`.replace(" and codeExists(lines.code[0])", "") +
      `rule FP-Z-02 info
  for each line in lines
  assert codeShortName(line.code) = line.shortName and line.taxRate in codeRates(line.code) and line.amount ÷ line.quantity = line.unitPrice within 0.01
  message zh "x" message en "x"
`,
  );
  const check = createValidator({ packs: [pack], today: "2026-05-18" });

  it("arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (doc) => {
        const result = check(doc);
        expect(typeof result.valid).toBe("boolean");
        for (const d of result.diagnostics) expect(typeof d.path).toBe("string");
      }),
      { numRuns: 300 },
    );
  });

  it("invoice-shaped documents with arbitrary field values", () => {
    const anyValue = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("6%", "0.06", "-1", "1e5", "NaN"),
    );
    const line = fc.record({
      tax: anyValue,
      amount: anyValue,
      taxRate: anyValue,
      quantity: anyValue,
      unitPrice: anyValue,
      nature: anyValue,
      code: anyValue,
      shortName: anyValue,
      index: anyValue,
    });
    const doc = fc.record({
      kind: fc.constantFrom("special", "general", 3),
      issueDate: anyValue,
      buyer: fc.record({ taxId: anyValue }),
      seller: fc.record({ taxId: anyValue }),
      drawer: anyValue,
      totals: fc.record({ total: anyValue, totalInWords: anyValue }),
      lines: fc.array(line, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(doc, (d) => {
        expect(typeof check(d).valid).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});
