import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { invoice } from "../test/helpers.js";
import { formatExamplesReport } from "./examples.js";
import { lintPacks, runExamples } from "./node/examples.js";
import type { Mutation } from "./ast.js";
import { applyMutation } from "./mutate.js";
import { formatSourceDiagnostics, NO_SPAN } from "./source.js";

/** A pack directory with one rule file and the helpers' invoice as its base document. */
function packDir(rules: string): string {
  const dir = mkdtempSync(join(tmpdir(), "efapiao-rules-"));
  writeFileSync(join(dir, "base.json"), JSON.stringify(invoice()));
  writeFileSync(join(dir, "calc.rules"), rules);
  return dir;
}

const TAX_RULE = `base "base.json"

rule FP-CO-01 error
  applies to invoice
  for each line in lines
  assert line.tax = round(line.amount × line.taxRate, 2) within tolerance.line
  message zh "第{line.index}行税额不符"
  message en "Line {line.index}: tax does not match"
`;

describe("runExamples", () => {
  it("passes examples whose expectations hold", async () => {
    const dir = packDir(`${TAX_RULE}
  example "对 / right"
    expect pass
  example "差 0.02 / 2 cents off"
    set lines[0].tax to "6000.02"
    expect fail at lines[0].tax
  example "legacy 允许 0.05"
    profile legacy
    set lines[0].tax to "6000.05"
    expect pass
  example "第二行 / second line"
    insert lines[1] copy of lines[0]
    set lines[1].tax to "1.00"
    expect fail at lines[1].tax
`);
    const report = await runExamples([dir]);
    expect(report.outcomes.map((o) => [o.example, o.passed])).toEqual([
      ["对 / right", true],
      ["差 0.02 / 2 cents off", true],
      ["legacy 允许 0.05", true],
      ["第二行 / second line", true],
    ]);
    expect(report).toMatchObject({ ok: true, passed: 4, failed: 0 });
    expect(formatExamplesReport(report)).toBe("✓ 4 个示例全部通过 / all 4 examples passed");
  });

  it("explains a failing example with the values of every sub-expression", async () => {
    const dir = packDir(`${TAX_RULE}
  example "写错的期望 / wrong expectation"
    set lines[0].tax to "6000.02"
    expect pass
`);
    const report = await runExamples([dir]);
    expect(report.ok).toBe(false);
    const [outcome] = report.outcomes;
    expect(outcome).toMatchObject({
      passed: false,
      expected: "pass",
      source: `${dir.split("/").at(-1)}/calc.rules:10:3`,
    });
    expect(outcome!.problem!.en).toBe("expected pass, got a failure at lines[0].tax");
    expect(outcome!.traces[0]).toEqual({
      binding: "line = lines[0]",
      steps: [
        { text: "line.tax = round(line.amount × line.taxRate, 2) within tolerance.line", value: "false" },
        { text: "line.tax", value: "6000.02" },
        { text: "round(line.amount × line.taxRate, 2)", value: "6000" },
        { text: "line.amount × line.taxRate", value: "6000" },
        { text: "line.amount", value: "100000.00" },
        { text: "line.taxRate", value: "0.06" },
        { text: "tolerance.line", value: "0.01" },
      ],
    });
    const text = formatExamplesReport(report);
    expect(text).toContain("✗ FP-CO-01 “写错的期望 / wrong expectation”");
    expect(text).toContain("应通过，实际在 lines[0].tax 报错 / expected pass, got a failure at lines[0].tax");
    expect(text).toContain(
      "  line = lines[0]\n    line.tax = round(line.amount × line.taxRate, 2) within tolerance.line  false\n",
    );
    expect(text).toContain("✗ 1 个示例失败，0 个通过 / 1 failed, 0 passed");
  });

  it("fails an example whose rule reports at other paths than expected, or not at all", async () => {
    const dir = packDir(`${TAX_RULE}
  example "路径不对 / wrong path"
    set lines[0].tax to "1.00"
    expect fail at lines[0].amount
  example "并未报错 / no failure"
    expect fail
`);
    const report = await runExamples([dir]);
    expect(report.outcomes.map((o) => o.problem?.en)).toEqual([
      "expected a failure at lines[0].amount, got one at lines[0].tax",
      "expected a failure, but the rule passed",
    ]);
  });

  it("reports a missing base document, bad paths and an unknown profile as failed examples", async () => {
    const dir = packDir(`${TAX_RULE}
  example "no such file"
    given "nope.json"
    expect pass
  example "bad path"
    remove lines[5]
    expect pass
  example "bad profile"
    profile lax
    expect pass
`);
    const report = await runExamples([dir]);
    expect(report.outcomes.map((o) => o.problem?.en)).toEqual([
      `Cannot read the example document ${join(dir, "nope.json")} (ENOENT)`,
      "lines[5] is beyond the list's length (1)",
      'Unknown profile "lax" (known: strict, legacy)',
    ]);
  });

  it("reports compile errors of the pack and fails the run", async () => {
    const dir = packDir('rule R-1 error assert buyer.taxid is present message zh "x" message en "x"');
    const report = await runExamples([dir]);
    expect(report.ok).toBe(false);
    expect(report.compileDiagnostics[0]!.code).toBe("RULES_UNKNOWN_NAME");
  });
});

describe("lintPacks", () => {
  it("requires a passing and a failing example per rule, and base documents that exist", async () => {
    const dir = packDir(`${TAX_RULE}
  example "only a pass"
    given "missing.json"
    expect pass
`);
    const { diagnostics } = await lintPacks([dir]);
    expect(diagnostics.map((d) => d.messageEn)).toEqual([
      "Rule FP-CO-01 has no failing example (expect fail)",
      `Cannot read the example document ${join(dir, "missing.json")} (ENOENT)`,
    ]);
    expect(diagnostics[0]).toMatchObject({ line: 3, column: 1 });
  });

  it("is quiet on a complete pack", async () => {
    const dir = packDir(`${TAX_RULE}
  example "ok"
    expect pass
  example "off"
    set lines[0].tax to "1.00"
    expect fail
`);
    expect((await lintPacks([dir])).diagnostics).toEqual([]);
  });
});

describe("mutations", () => {
  const m = (op: Record<string, unknown>) => ({ span: NO_SPAN, ...op }) as Mutation;

  it("sets, creating objects on the way; removes; inserts values and copies", () => {
    const doc: { lines: { a: number }[]; buyer?: unknown } = { lines: [{ a: 1 }] };
    expect(applyMutation(doc, m({ op: "set", path: ["buyer", "taxId"], value: "x" }))).toBeUndefined();
    expect(applyMutation(doc, m({ op: "insert", path: ["lines", 0], copyOf: ["lines", 0] }))).toBeUndefined();
    expect(applyMutation(doc, m({ op: "set", path: ["lines", 2], value: { a: 3 } }))).toBeUndefined();
    expect(applyMutation(doc, m({ op: "remove", path: ["lines", 0] }))).toBeUndefined();
    expect(doc).toEqual({ lines: [{ a: 1 }, { a: 3 }], buyer: { taxId: "x" } });
    doc.lines[0]!.a = 9;
    expect(doc.lines[1]!.a).toBe(3);
  });

  it("explains paths that do not fit", () => {
    const doc = { lines: [{}], kind: "special" };
    expect(applyMutation(doc, m({ op: "remove", path: ["buyer"] }))?.en).toBe(
      "The example document has no buyer",
    );
    expect(applyMutation(doc, m({ op: "set", path: ["lines", "x"], value: 1 }))?.en).toBe(
      "lines is a list; write [index]",
    );
    expect(applyMutation(doc, m({ op: "set", path: ["kind", 0], value: 1 }))?.en).toBe(
      "The example document has no kind",
    );
    expect(applyMutation(doc, m({ op: "insert", path: ["kind"], value: 1 }))?.en).toBe(
      "insert works on lists only: kind",
    );
  });
});

describe("bounded reports (issue 9: `rules check` printed 20,000 diagnostics)", () => {
  /** `n` rules without examples: two RULES_EXAMPLES problems each. */
  const bare = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `rule X-${i + 1} error\n  assert true\n  message zh "不通过"\n  message en "failed"\n`,
    ).join("\n");

  it("prints at most 100 problems of a file, then how many more there are", async () => {
    const dir = packDir(bare(150));
    const { diagnostics } = await lintPacks([dir]);
    expect(diagnostics).toHaveLength(300);
    const lines = formatSourceDiagnostics(diagnostics);
    expect(lines).toHaveLength(101);
    expect(lines[99]).toContain("X-50"); // the 100th problem: the second of rule X-50
    expect(lines[100]).toMatch(/calc\.rules: 还有 200 个问题未列出 \/ and 200 more problem\(s\) not shown$/);
  });

  it("counts per file, and prints a file within the limit whole", () => {
    const at = (file: string) => ({
      ...NO_SPAN,
      file,
      severity: "error" as const,
      code: "C",
      message: "m",
      messageEn: "m",
    });
    const lines = formatSourceDiagnostics(
      [...Array(3)].map(() => at("a.rules")).concat(at("b.rules")),
      undefined,
      2,
    );
    expect(lines.filter((l) => l.startsWith("a.rules:1:1"))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith("b.rules:1:1"))).toHaveLength(1);
    expect(lines.at(-1)).toBe("a.rules: 还有 1 个问题未列出 / and 1 more problem(s) not shown");
  });

  it("formatExamplesReport prints at most 100 failed examples of a file", async () => {
    const failing = Array.from(
      { length: 120 },
      (_, i) =>
        `rule Y-${i + 1} error\n  assert false\n  message zh "不通过"\n  message en "failed"\n  example "应通过 / should pass"\n    expect pass\n`,
    ).join("\n");
    const report = await runExamples([packDir(`base "base.json"\n\n${failing}`)]);
    expect(report.failed).toBe(120);
    const text = formatExamplesReport(report);
    expect(text.match(/^✗ Y-/gm)).toHaveLength(100);
    expect(text).toContain(
      "calc.rules: 还有 20 个失败的示例未列出 / and 20 more failed example(s) not shown",
    );
  });
});
