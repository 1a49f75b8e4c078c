import { describe, expect, it } from "vitest";
import { compileClean, holds, invoice, invoiceWithLines, rule, run } from "../test/helpers.js";
import { compilePack } from "./pack.js";
import { createValidator } from "./validate.js";

describe("exact decimals", () => {
  it("adds decimals exactly (0.1 + 0.2 = 0.3) and reads 6% as 0.06", () => {
    expect(holds("0.1 + 0.2 = 0.3")).toBe(true);
    expect(holds("6% = 0.06 and 1.5% = 0.015 and 0% = 0")).toBe(true);
    expect(holds("100000.00 × 6% = 6000")).toBe(true);
    expect(holds("1 ÷ 3 × 3 = 1 within 0.0000000001")).toBe(true);
  });

  it("rounds half away from zero", () => {
    expect(holds("round(2.345, 2) = 2.35 and round(-2.345, 2) = -2.35")).toBe(true);
    expect(holds("round(2.5, 0) = 3 and round(-2.5, 0) = -3 and round(2.4999, 0) = 2")).toBe(true);
    expect(holds("round(0.005, 2) = 0.01")).toBe(true);
  });

  it("compares within a tolerance inclusively", () => {
    expect(holds("6000.01 = 6000 within 0.01")).toBe(true);
    expect(holds("5999.99 = 6000 within 0.01")).toBe(true);
    expect(holds("6000.011 = 6000 within 0.01")).toBe(false);
  });

  it("treats division by zero as missing, not infinity", () => {
    expect(holds("1 ÷ 0 > 0")).toBe("n/a");
  });

  it("counts digits: decimal places ignore trailing zeros, integer digits of a fraction are 1", () => {
    expect(
      holds("decimalPlaces(100.10) = 1 and decimalPlaces(15841.5841584158) = 10 and decimalPlaces(7) = 0"),
    ).toBe(true);
    expect(
      holds(
        "integerDigits(0.5) = 1 and integerDigits(123456.7) = 6 and integerDigits(-99.9) = 2 and integerDigits(0) = 1",
      ),
    ).toBe(true);
    expect(holds('fixed(6000, 2) = "6000.00" and fixed(2.345, 2) = "2.35"')).toBe(true);
  });
});

describe("fields and missing values", () => {
  it("reads the same field by English path and by Chinese name", () => {
    const doc = invoice();
    expect(holds('购买方纳税人识别号 = "91330100716105852F" and buyer.taxId = 购买方纳税人识别号', doc)).toBe(
      true,
    );
    expect(holds("合计金额 = totals.amount and 价税合计 = 106000", doc)).toBe(true);
  });

  it("reads rates written as 6%, 0.06 or a JSON number", () => {
    for (const taxRate of ["6%", "0.06", 0.06, "0.060000"]) {
      const doc = { lines: [{ taxRate }] };
      expect(holds("line.taxRate = 0.06", doc, "  for each line in lines")).toBe(true);
    }
  });

  it("treats an absent field, an empty text and a non-decimal number field as missing", () => {
    expect(holds("buyer.taxId is missing", { buyer: {} })).toBe(true);
    expect(holds("buyer.taxId is missing", { buyer: { taxId: "" } })).toBe(true);
    expect(holds("totals.total > 0", { totals: { total: "abc" } })).toBe("n/a");
    expect(holds("buyer.taxId is present", { buyer: { taxId: "x" } })).toBe(true);
  });

  it("makes a rule silent where a field it reads is missing: the same rule serves sale lines without tax", () => {
    const text = rule("line.tax = round(line.amount × line.taxRate, 2)", "  for each line in lines");
    const sale = { kind: "special", lines: [{ amount: "100", taxRate: "6%" }] };
    expect(run(text, sale)).toEqual([]);
    expect(run(text, invoiceWithLines([{ amount: "100.00", tax: "6.01" }]))).toHaveLength(1);
  });

  it("uses Kleene logic: a decided side decides even when the other is missing", () => {
    expect(holds('false and buyer.taxId = "x"', {})).toBe(false);
    expect(holds('true or buyer.taxId = "x"', {})).toBe(true);
    expect(holds('true and buyer.taxId = "x"', {})).toBe("n/a");
    expect(holds('not (buyer.taxId = "x")', {})).toBe("n/a");
  });

  it("gives a sale line its position as index", () => {
    expect(
      holds("line.index = 2", { lines: [{}, {}] }, "  for each line in lines where line.next is missing"),
    ).toBe(true);
  });

  it("reads a non-object document as one without fields, without throwing", () => {
    for (const doc of [null, 42, "text", [1, 2], undefined]) {
      expect(run(rule("buyer.taxId is present"), doc)).toHaveLength(1);
    }
  });
});

describe("quantifiers, aggregates, neighbours", () => {
  const doc = invoiceWithLines([
    { amount: "100.00", tax: "6.00" },
    { amount: "-10.00", tax: "-0.60", nature: "discount" },
    { amount: "50.00", tax: "3.00" },
  ]);

  it("sums and counts, over projections and selections", () => {
    expect(holds("sum(lines.amount) = 140 and sum(明细.税额) = 8.4", doc)).toBe(true);
    expect(holds('sum(l.amount for each l in lines where l.nature = "normal") = 150', doc)).toBe(true);
    expect(holds("count(lines) = 3 and count(each l in lines where l.amount < 0) = 1", doc)).toBe(true);
    expect(holds("max(lines.amount) = 100 and min(lines.amount) = -10 and max(1, 7, 3) = 7", doc)).toBe(true);
    expect(holds("sum(l.amount × l.taxRate for each l in lines) = 8.4", doc)).toBe(true);
  });

  it("makes a sum over a list with a missing element missing", () => {
    expect(holds("sum(lines.tax) = 0", { lines: [{ tax: "1" }, {}] })).toBe("n/a");
    expect(holds("count(lines) = 2", { lines: [{ tax: "1" }, {}] })).toBe(true);
  });

  it("answers every and some, with where, and on empty lists", () => {
    expect(holds("every l in lines satisfies l.amount > -20", doc)).toBe(true);
    expect(holds("every l in lines satisfies l.amount > 0", doc)).toBe(false);
    expect(holds('every l in lines where l.nature = "normal" satisfies l.amount > 0', doc)).toBe(true);
    expect(holds("some l in lines satisfies l.amount < 0", doc)).toBe(true);
    expect(holds("some l in lines satisfies l.amount > 1000", doc)).toBe(false);
    expect(holds("every l in lines satisfies false", { lines: [] })).toBe(true);
    expect(holds("some l in lines satisfies true", { lines: [] })).toBe(false);
  });

  it("reads the line before and after; they are missing at the edges", () => {
    const text = rule(
      'line.previous is present and line.previous.nature != "discount" and line.taxRate = line.上一行.税率',
      '  for each line in lines where line.nature = "discount"',
    );
    expect(run(text, doc)).toEqual([]);
    const first = structuredClone(doc);
    first.lines = [first.lines[1]!, first.lines[0]!];
    expect(run(text, first).map((d) => d.path)).toEqual(["lines[0]"]);
    expect(holds("line.next is missing", doc, "  for each line in lines where line.index = 3")).toBe(true);
  });
});

describe("reporting", () => {
  const doc = invoiceWithLines([
    { amount: "100.00", tax: "6.00" },
    { amount: "200.00", tax: "12.00" },
    { amount: "300.00", tax: "18.00" },
    { amount: "400.00", tax: "24.03" },
  ]);
  const tax = `rule FP-CO-01 error
  for each line in lines
  assert line.tax = round(line.amount × line.taxRate, 2) within tolerance.line
  message zh "第{line.index}行税额{line.tax}与金额×税率不符（应为{fixed(line.amount × line.taxRate, 2)}）"
  message en "Line {line.index}: tax {line.tax} does not match amount × rate (expected {round(line.amount × line.taxRate, 2)})"
`;

  it("reports the exact 0-based path inside a quantifier, with the values in both messages", () => {
    expect(run(tax, doc)).toEqual([
      {
        rule: "FP-CO-01",
        severity: "error",
        path: "lines[3].tax",
        message: "第4行税额24.03与金额×税率不符（应为24.00）",
        messageEn: "Line 4: tax 24.03 does not match amount × rate (expected 24)",
        source: "test.rules:1:1",
      },
    ]);
  });

  it("reports at the `at` field, and at the first scalar field otherwise", () => {
    const at = `rule R-1 error\n  assert sum(lines.tax) = totals.tax\n  message zh "x" message en "x"\nrule R-2 error\n  assert sum(lines.tax) = totals.tax\n  at totals.tax\n  message zh "x" message en "x"\nrule R-3 error\n  assert count(lines) > 5\n  message zh "x" message en "x"\nrule R-4 error\n  assert 1 = 2\n  message zh "x" message en "x"\n`;
    expect(run(at, doc).map((d) => `${d.rule} ${d.path}`)).toEqual([
      "R-1 totals.tax",
      "R-2 totals.tax",
      "R-3 lines",
      "R-4 ",
    ]);
  });

  it("reports at a neighbour's path", () => {
    const text = rule(
      "line.next.amount > line.amount",
      "  for each line in lines where line.next is present",
    ).replace("  message zh", "  at line.next.amount\n  message zh");
    const down = invoiceWithLines([
      { amount: "100.00", tax: "6.00" },
      { amount: "50.00", tax: "3.00" },
    ]);
    expect(run(text, down).map((d) => d.path)).toEqual(["lines[1].amount"]);
  });

  it("prints missing values and lists in messages", () => {
    const text = `rule R-1 warning assert false message zh "{buyer.phone}|{codeRates("3040201010000000000")}" message en "{buyer.phone}|{[1, 2]}"`;
    expect(run(text, invoice())[0]).toMatchObject({
      severity: "warning",
      message: "（缺失）|0.06",
      messageEn: "(missing)|1, 2",
    });
  });
});

describe("applies to, effective dates, profiles, parameters", () => {
  it("runs only on the kinds and forms named", () => {
    const text = rule("false", "  applies to special, invoice");
    expect(run(text, invoice())).toHaveLength(1);
    expect(run(text, { ...invoice(), kind: "general" })).toHaveLength(0);
    expect(run(text, { kind: "special", lines: [{ amount: "1" }] })).toHaveLength(0);
    expect(
      run(rule("false", "  applies to sale"), { kind: "general", lines: [{ amount: "1" }] }),
    ).toHaveLength(1);
  });

  it("compares effective dates with the issue date, inclusively, and with today when there is none", () => {
    const text = rule("false", "  effective from 2019-04-01 to 2026-05-18");
    expect(run(text, { issueDate: "2019-04-01" })).toHaveLength(1);
    expect(run(text, { issueDate: "2026-05-18" })).toHaveLength(1);
    expect(run(text, { issueDate: "2019-03-31" })).toHaveLength(0);
    expect(run(text, { issueDate: "2026-05-19" })).toHaveLength(0);
    expect(run(text, {}, { today: "2020-01-01" })).toHaveLength(1);
    expect(run(text, {}, { today: "2030-01-01" })).toHaveLength(0);
  });

  it("takes tolerances from the profile: strict 0.01, legacy 0.06 per line", () => {
    const text = rule(
      "line.tax = round(line.amount × line.taxRate, 2) within tolerance.line",
      "  for each line in lines",
    );
    const doc = invoiceWithLines([{ amount: "100.00", tax: "6.05" }]);
    expect(run(text, doc)).toHaveLength(1);
    expect(run(text, doc, { profile: "legacy" })).toHaveLength(0);
    expect(
      run(text, invoiceWithLines([{ amount: "100.00", tax: "6.07" }]), { profile: "legacy" }),
    ).toHaveLength(1);
    expect(holds("tolerance.invoice = 0.01")).toBe(true);
    expect(run(rule("tolerance.invoice = 1.27"), {}, { profile: "legacy" })).toEqual([]);
  });

  it("lets a pack declare parameters with per-profile values, and callers override them", () => {
    const text = `parameter limit.drawer = 16\n  profile lenient = 20\nparameter taxId.exceptions = ["91350211M00013FA1N"]\n${rule(
      'gbkLength(drawer) <= limit.drawer and "91350211M00013FA1N" in taxId.exceptions',
    )}`;
    const doc = { drawer: "张伟张伟张伟张伟张伟" }; // 10 characters = 20 GBK bytes
    expect(run(text, doc)).toHaveLength(1);
    expect(run(text, doc, { profile: "lenient" })).toHaveLength(0);
    expect(run(text, doc, { params: { "limit.drawer": "20" } })).toHaveLength(0);
  });

  it("reports an unknown profile or a bad parameter value as a diagnostic", () => {
    expect(run(rule("true"), {}, { profile: "lax" })[0]).toMatchObject({
      rule: "RULES_PROFILE",
      severity: "error",
    });
    expect(run(rule("true"), {}, { params: { "tolerance.line": "abc" } })[0]).toMatchObject({
      rule: "RULES_PARAMETER",
    });
    expect(run(rule("true"), {}, { params: { nope: 1 } })[0]!.messageEn).toBe(
      "There is no parameter named nope",
    );
  });
});

describe("packs and overrides", () => {
  const standard = compileClean(
    `${rule("false", "", "STD-1")}${rule("false", "", "STD-2")}${rule("false", "", "STD-3")}`,
    { name: "standard" },
  );

  it("lets a company pack disable a rule, change a severity and add its own, without copying", () => {
    const company = compileClean(`disable STD-1\nchange STD-2 to warning\n${rule("false", "", "ACME-1")}`, {
      extends: [standard],
    });
    const result = createValidator({ packs: [standard, company] })({});
    expect(result.diagnostics.map((d) => `${d.rule} ${d.severity}`)).toEqual([
      "STD-2 warning",
      "STD-3 error",
      "ACME-1 error",
    ]);
    expect(result.valid).toBe(false);
    expect(createValidator({ packs: [company] })({}).diagnostics).toHaveLength(3);
  });

  it("refuses an override of an unknown rule, with a suggestion, and a duplicate id", () => {
    const wrong = compilePack([{ name: "c.rules", text: `disable STD-11\n${rule("true", "", "STD-2")}` }], {
      extends: [standard],
    });
    expect(wrong.diagnostics.map((d) => d.messageEn)).toEqual([
      "The rule id STD-2 is already defined at test.rules:6:1",
      "No rule has the id STD-11; did you mean STD-1?",
    ]);
  });

  it("is valid when only warnings remain", () => {
    const warn = compileClean(rule("false", "", "W-1").replace("error", "warning"));
    expect(createValidator({ packs: [warn] })({})).toMatchObject({
      valid: true,
      diagnostics: [{ rule: "W-1", severity: "warning" }],
    });
  });

  it("reports a pack's compile errors as diagnostics of every run, so a broken pack cannot pass silently", () => {
    const broken = compilePack([{ name: "b.rules", text: rule("buyer.nmae is present", "", "B-1") }]);
    const result = createValidator({ packs: [broken] })(invoice());
    expect(result.valid).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({
      rule: "RULES_UNKNOWN_NAME",
      source: "b.rules:3:10",
      path: "",
    });
  });
});
