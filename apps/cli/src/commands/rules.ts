/**
 * `efapiao rules test PATH…` and `efapiao rules check PATH…` (contracts.md §3; LANGUAGE.md §8).
 * `test` runs the examples written next to the rules: exit 0 when all pass, 1 when one fails (printing what
 * was expected, what the rule reported and the value of every sub-expression). `check` lints without an
 * input document: syntax, types, messages, base documents, and a passing and a failing example per rule.
 * PATH is a pack directory or a `.rules` file; a pack other than the standard one is read on top of the
 * standard pack, so it may override its rules and use its parameters. Human output goes to stderr; with
 * `--json` a machine-readable report goes to stdout.
 */
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import {
  type ExamplesReport,
  formatExamplesReport,
  formatSourceDiagnostic,
  loadStandardPack,
  type Pack,
  type SourceDiagnostic,
} from "@efapiao/rules";
import { lintPacks, runExamples, standardPackDir } from "@efapiao/rules/node";
import { builtinCodeTable } from "@efapiao/tables";
import { loadCodeTable } from "../code-table.js";
import type { RunOf } from "../command.js";
import { type CliIO, EXIT, printJson, resolvePath, UsageError } from "../io.js";
import type { rulesTestSpec } from "../specs/rules.js";

const USAGE_ZH =
  "用法：efapiao rules test PATH… | efapiao rules check PATH…（PATH 为规则包目录或 .rules 文件）";
const USAGE_EN =
  "Usage: efapiao rules test PATH… | efapiao rules check PATH… (PATH is a pack directory or a .rules file)";

type RulesRun = RunOf<typeof rulesTestSpec>;

export const rulesTest: RulesRun = (context) => rules("test", context);
export const rulesCheck: RulesRun = (context) => rules("check", context);

async function rules(sub: "test" | "check", { values, positionals, io }: Parameters<RulesRun>[0]) {
  if (positionals.length === 0) throw new UsageError(USAGE_ZH, USAGE_EN);
  const paths = await existingPaths(io, positionals);
  // Examples are written against the built-in code list, so they give the same answer on every machine;
  // --codes runs them against another table on purpose.
  const codes = values.codes === undefined ? builtinCodeTable() : await loadCodeTable(io, values.codes);
  const standard = resolve(standardPackDir());
  const testsStandardOnly = paths.every((p) => resolve(p) === standard);
  const options = { codes, extends: testsStandardOnly ? [] : [await loadStandardPack()] };
  return sub === "test"
    ? test(io, paths, options, values.json === true)
    : check(io, paths, options, values.json === true);
}

async function existingPaths(io: CliIO, given: string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const path of given) {
    const full = resolvePath(io, path);
    try {
      await stat(full);
    } catch {
      throw new UsageError(`找不到规则路径 ${path}`, `No such rule path: ${path}`);
    }
    paths.push(full);
  }
  return paths;
}

type Options = Parameters<typeof runExamples>[1];

async function test(io: CliIO, paths: string[], options: Options, json: boolean): Promise<number> {
  const report = await runExamples(paths, options);
  io.stderr(`${formatExamplesReport(report, sourceOf(report.packs))}\n`);
  if (json) printJson(io, summary(report));
  return report.ok ? EXIT.ok : EXIT.rejected;
}

async function check(io: CliIO, paths: string[], options: Options, json: boolean): Promise<number> {
  const { packs, diagnostics } = await lintPacks(paths, options);
  const text = sourceOf(packs);
  for (const d of diagnostics) io.stderr(`${formatSourceDiagnostic(d, text(d.file))}\n`);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const ruleCount = packs.reduce((n, p) => n + p.rules.length, 0);
  io.stderr(
    errors === 0
      ? `✓ ${ruleCount} 条规则检查通过 / ${ruleCount} rules checked, no problems\n`
      : `✗ ${errors} 个问题 / ${errors} problem(s)\n`,
  );
  if (json) printJson(io, { ok: errors === 0, rules: ruleCount, diagnostics: diagnostics.map(plain) });
  return errors === 0 ? EXIT.ok : EXIT.rejected;
}

/** The source text of a file of the given packs, for carets under errors. */
function sourceOf(packs: Pack[]): (file: string) => string | undefined {
  return (file) => {
    for (const pack of packs) {
      const source = pack.sources.find((s) => s.name === file);
      if (source) return source.text;
    }
    return undefined;
  };
}

function plain(d: SourceDiagnostic) {
  return {
    code: d.code,
    severity: d.severity,
    source: `${d.file}:${d.line}:${d.column}`,
    message: d.message,
    messageEn: d.messageEn,
  };
}

function summary(report: ExamplesReport) {
  return {
    ok: report.ok,
    passed: report.passed,
    failed: report.failed,
    compileDiagnostics: report.compileDiagnostics.map(plain),
    failures: report.outcomes
      .filter((o) => !o.passed)
      .map((o) => ({
        rule: o.rule,
        example: o.example,
        source: o.source,
        expected: o.expected,
        problem: o.problem,
        diagnostics: o.diagnostics,
        traces: o.traces,
      })),
  };
}
