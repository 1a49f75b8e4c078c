/**
 * efapiao does not contradict itself: what `buildInvoice` emits passes the standard pack with no error
 * (issue 9, item 1). First the three disagreements that were reported, each worked by hand; then the
 * properties over generated sales — 10^4 built and validated (10^3 also written to the platform XML and read
 * back) by default; EFAPIAO_FUZZ_RUNS of them (and a tenth through XML) when set: `pnpm fuzz` in this
 * package runs 10^5.
 */
import { buildInvoiceFromJson } from "@efapiao/calc";
import { type Diagnostic, withIssuance } from "@efapiao/model";
import { DEFAULT_VERSION, parseStaXml, writeStaXml } from "@efapiao/sta-xml";
import { builtinCodeTable } from "@efapiao/tables";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStandardPack } from "../src/index.js";
import { createValidator, type ValidationResult } from "../src/validate.js";
import { saleArb } from "./sale-arbitrary.js";

const codes = builtinCodeTable();
const TODAY = "2026-05-18";

/**
 * Property runs: EFAPIAO_FUZZ_RUNS when set (a positive integer; `pnpm fuzz` sets it), divided by `share`
 * for a property that costs more per run, but never below the CI count; else the CI count.
 */
function fuzzRuns(ci: number, share = 1): number {
  const text = process.env.EFAPIAO_FUZZ_RUNS;
  if (text === undefined || text === "") return ci;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`EFAPIAO_FUZZ_RUNS must be a positive integer, not "${text}"`);
  return Math.max(ci, Math.floor(n / share));
}

let check: (document: unknown) => ValidationResult;
beforeAll(async () => {
  check = createValidator({ packs: [await loadStandardPack()], codes, today: TODAY });
});

const errorsOf = (result: ValidationResult) =>
  result.diagnostics
    .filter((d) => d.severity === "error")
    .map((d: Diagnostic) => `${d.rule} ${d.path}: ${d.messageEn}`);

function buildJson(document: unknown, words: "圆" | "元" = "圆") {
  const built = buildInvoiceFromJson(document, { codes, today: TODAY, words });
  if (!built.ok) throw new Error(`build refused: ${JSON.stringify(built.diagnostics)}`);
  return built.value;
}

const SELLER = { name: "上海示例科技有限公司", taxId: "914403001922038216" };
const BUYER = { name: "阿里巴巴（中国）网络技术有限公司", taxId: "91330100716105852F" };
const saleWith = (pricesIncludeTax: boolean, line: Record<string, unknown>) => ({
  kind: "special",
  issueDate: TODAY,
  seller: SELLER,
  buyer: BUYER,
  pricesIncludeTax,
  lines: [{ name: "软件开发", code: "3040201010000000000", ...line }],
});

describe("the reported disagreements", () => {
  it("a converted unit price of six integer digits passes FP-DEC-04", () => {
    // 200000 gross at 6%: 200000 ÷ 1.06 = 188679.245283018867… → unit price 188679.2452830189 (17 characters)
    const invoice = buildJson(saleWith(true, { quantity: "1", unitPrice: "200000", taxRate: "0.06" }));
    expect(invoice.lines[0]!.unitPrice).toBe("188679.2452830189");
    expect(errorsOf(check(invoice))).toEqual([]);
  });

  it("a discount that rounds to 0.00 is refused by build rather than printed as a 0.00 discount line", () => {
    const built = buildInvoiceFromJson(
      saleWith(false, { amount: "100", taxRate: "0.06", discount: "0.004" }),
      {
        codes,
        today: TODAY,
      },
    );
    expect(built.ok).toBe(false);
    expect(built.diagnostics).toMatchObject([{ rule: "CALC_DISCOUNT_ZERO", path: "lines[0].discount" }]);
  });

  it("the tax-inclusive line 1.99803 × 1.2925719, 2.57 given, at 1% passes FP-LN-04", () => {
    // amount 2.57 ÷ 1.01 = 2.5445 → 2.54, tax 0.03; unit price 1.2925719 ÷ 1.01 → 1.2797741584;
    // 1.99803 × 1.2797741584 = 2.5570 (0.017 from 2.54); gross 2.57 vs 1.99803 × 1.2797741584 × 1.01 =
    // 2.58259… (0.0126 from 2.57, within 0.01 + half a cent)
    const invoice = buildJson(
      saleWith(true, { quantity: "1.99803", unitPrice: "1.2925719", amount: "2.57", taxRate: "0.01" }),
    );
    expect(invoice.lines[0]).toMatchObject({ unitPrice: "1.2797741584", amount: "2.54", tax: "0.03" });
    expect(errorsOf(check(invoice))).toEqual([]);
  });
});

describe("build ⇄ validate agreement over generated sales", () => {
  it("every generated sale passes the standard pack, and so does the invoice built from it", () => {
    fc.assert(
      fc.property(saleArb, ({ document, words }) => {
        // The generator writes sales the pack accepts; if it does not, the generator or a rule is wrong.
        expect(errorsOf(check(document))).toEqual([]);
        expect(errorsOf(check(buildJson(document, words)))).toEqual([]);
      }),
      { numRuns: fuzzRuns(10_000) },
    );
  }, 600_000);
});

describe("build → platform XML → read back ⇄ validate agreement", () => {
  it("every built invoice written as the platform's XML and read back passes the standard pack", () => {
    fc.assert(
      fc.property(saleArb, fc.nat(99_999_999), ({ document, words }, serial) => {
        const invoice = buildJson(document, words);
        const issued = withIssuance(invoice, {
          number: `2631${String(serial).padStart(16, "0")}`,
          issuedAt: `${invoice.issueDate} 10:21:07`,
          taxBureau: { code: "13100000000", name: "国家税务总局上海市税务局" },
          version: DEFAULT_VERSION,
        });
        if (!issued.ok) throw new Error(`withIssuance refused: ${JSON.stringify(issued.diagnostics)}`);
        const xml = writeStaXml(issued.value);
        if (!xml.ok) throw new Error(`writeStaXml refused: ${JSON.stringify(xml.diagnostics)}`);
        const read = parseStaXml(xml.value);
        if (!read.ok) throw new Error(`parseStaXml refused: ${JSON.stringify(read.diagnostics)}`);
        expect(errorsOf(check(read.value))).toEqual([]);
        expect(read.value.totals).toEqual(invoice.totals);
      }),
      { numRuns: fuzzRuns(1_000, 10) },
    );
  }, 600_000);
});
