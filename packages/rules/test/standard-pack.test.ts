/**
 * The standard pack as a whole: it compiles cleanly, its ids are stable and grouped in families, every rule
 * has both messages and at least one passing and one failing example, and the base documents its examples
 * start from are real documents (they pass the model's schemas and every standard rule).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InvoiceSchema, parseSale } from "@efapiao/model";
import { readCodeTableBytes } from "@efapiao/tables-import";
import { describe, expect, it } from "vitest";
import { formatExamplesReport, loadStandardPack, validate } from "../src/index.js";
import { runExamples, standardPackDir } from "../src/node/index.js";

const FAMILIES: Record<string, string> = {
  KD: "kind.rules",
  ID: "tax-ids.rules",
  LN: "lines.rules",
  CD: "codes.rules",
  RT: "rates.rules",
  CO: "calculations.rules",
  TO: "totals.rules",
  DS: "discounts.rules",
  RD: "red-letter.rules",
  LEN: "lengths.rules",
  DEC: "decimals.rules",
  CF: "code-format.rules",
};

const BASES = {
  sale: ["sale.json", "person-sale.json"],
  invoice: ["special-invoice.json", "discount-invoice.json", "red-invoice.json"],
};

const readExample = (file: string) =>
  JSON.parse(readFileSync(join(standardPackDir(), "examples", file), "utf8"));

describe("the standard pack", () => {
  it("compiles without a problem", async () => {
    const pack = await loadStandardPack();
    expect(pack.diagnostics).toEqual([]);
    expect(pack.sources.map((s) => s.name.replace(/^standard\//, "")).sort()).toEqual(
      Object.values(FAMILIES).sort(),
    );
  });

  it("names every rule FP-<family>-<two digits>, numbered without gaps, in its family's file", async () => {
    const pack = await loadStandardPack();
    const byFamily = new Map<string, number[]>();
    for (const rule of pack.rules) {
      const match = /^FP-([A-Z]+)-(\d{2})$/.exec(rule.id);
      expect(match, rule.id).not.toBeNull();
      const [, family, number] = match!;
      expect(rule.file, rule.id).toBe(`standard/${FAMILIES[family!]}`);
      byFamily.set(family!, [...(byFamily.get(family!) ?? []), Number(number)]);
    }
    for (const [family, numbers] of byFamily) {
      expect(numbers, family).toEqual(numbers.map((_, i) => i + 1));
    }
    expect([...byFamily.keys()].sort()).toEqual(Object.keys(FAMILIES).sort());
  });

  it("gives every rule a passing and a failing example", async () => {
    const pack = await loadStandardPack();
    for (const rule of pack.rules) {
      expect(
        rule.examples.some((e) => e.expect.pass),
        `${rule.id} has no passing example`,
      ).toBe(true);
      expect(
        rule.examples.some((e) => !e.expect.pass),
        `${rule.id} has no failing example`,
      ).toBe(true);
    }
  });

  it("passes its own examples under the official classification table v32.0", async () => {
    // Read in place from the team's reference shelf. (The built-in short list has no summary row, so FP-CD-02's
    // failing example needs the real table: 3040201000000000000 软件服务 is HZX = Y there.)
    const file = join(standardPackDir(), "../../../../shared/data/tax-codes/tax-codes-v32-2019-04-01.csv");
    const table = await readCodeTableBytes(readFileSync(file), file);
    if (!table.ok) throw new Error(`cannot read ${file}`);
    const report = await runExamples([standardPackDir()], { codes: table.table, today: "2026-05-18" });
    expect(report.ok, formatExamplesReport(report)).toBe(true);
    expect(report.passed).toBeGreaterThanOrEqual(2 * report.packs[0]!.rules.length);
  });

  it("writes every message in Chinese and in English", async () => {
    const pack = await loadStandardPack();
    for (const rule of pack.rules) {
      const text = pack.sources.find((s) => s.name === rule.file)!.text.slice(rule.span.start, rule.span.end);
      expect(text, rule.id).toMatch(/message zh "[^"]*[\u4e00-\u9fff]/);
      expect(text, rule.id).toMatch(/message en "[A-Z]/);
    }
  });
});

describe("the examples' base documents", () => {
  for (const file of BASES.sale) {
    it(`${file} is a valid sale document`, () => {
      const read = parseSale(readExample(file));
      expect(read.diagnostics).toEqual([]);
      expect(read.ok).toBe(true);
    });
  }
  for (const file of BASES.invoice) {
    it(`${file} is a valid invoice payload`, () => {
      const read = InvoiceSchema.safeParse(readExample(file));
      expect(read.error?.issues ?? []).toEqual([]);
    });
  }
  for (const file of [...BASES.sale, ...BASES.invoice]) {
    it(`${file} passes every standard rule`, async () => {
      const result = validate(readExample(file), { packs: [await loadStandardPack()], today: "2026-05-18" });
      expect(result.diagnostics).toEqual([]);
    });
  }

  it("computes the discount example by hand: 10 × 50 − 50 + 24 × 3.5 at 13%", () => {
    const invoice = readExample("discount-invoice.json");
    // 500.00 × 13% = 65.00; −50.00 × 13% = −6.50; 84.00 × 13% = 10.92 → 534.00 + 69.42 = 603.42
    expect(invoice.lines.map((l: { amount: string; tax: string }) => [l.amount, l.tax])).toEqual([
      ["500.00", "65.00"],
      ["-50.00", "-6.50"],
      ["84.00", "10.92"],
    ]);
    expect(invoice.totals).toEqual({
      amount: "534.00",
      tax: "69.42",
      total: "603.42",
      totalInWords: "陆佰零叁圆肆角贰分",
    });
  });
});
