/**
 * Examples next to rules (LANGUAGE.md §8): each is a base document plus mutations and the expected outcome
 * of its rule. `runPackExamples` runs them on compiled packs; `lintPackExamples` checks packs without
 * running anything on an input: base documents present and parseable, and at least one passing and one
 * failing example per rule. Where base documents come from is an `ExampleFiles` — the standard pack's own
 * embedded ones here, the file system in `@efapiao/rules/node` (`runExamples`, `lintPacks`, which the CLI's
 * `rules test` / `rules check` use).
 */
import { type Diagnostic, formatPath } from "@efapiao/model";
import type { CodeTable } from "@efapiao/tables";
import type { ExampleDecl } from "./ast.js";
import type { Words } from "./lexer.js";
import { applyMutation } from "./mutate.js";
import type { Pack } from "./pack.js";
import { DEFAULT_PROFILE } from "./parameters.js";
import type { FunctionRegistry } from "./registry.js";
import type { CompiledRule } from "./rule.js";
import {
  formatSourceDiagnostics,
  location,
  MAX_REPORTED_PER_FILE,
  type SourceDiagnostic,
  type Span,
} from "./source.js";
import { formatTrace, type RuleTrace, traceRule } from "./trace.js";
import { STANDARD_EXAMPLES } from "./standard-pack.generated.js";
import { prepareRun, ruleApplies, runContext } from "./validate.js";

export interface ExampleOutcome {
  rule: string;
  example: string;
  /** `file:line:column` of the example. */
  source: string;
  passed: boolean;
  /** What was expected, in words: `pass`, `fail`, `fail at lines[0].tax`. */
  expected: string;
  /** Why it failed, when it did. */
  problem?: Words;
  /** The rule's diagnostics on the example document. */
  diagnostics: Diagnostic[];
  /** Sub-expression values of the rule on the example document, when it failed. */
  traces: RuleTrace[];
}

export interface ExamplesReport {
  packs: Pack[];
  /** Problems compiling the packs (any error fails the run). */
  compileDiagnostics: SourceDiagnostic[];
  outcomes: ExampleOutcome[];
  passed: number;
  failed: number;
  /** True when everything compiled and every example passed. */
  ok: boolean;
}

export interface ExampleOptions {
  /** Packs the tested packs build on (e.g. the standard pack under a company pack). */
  extends?: Pack[];
  codes?: CodeTable;
  functions?: FunctionRegistry;
  /** The date for documents without an issue date (default today). */
  today?: string;
  /** Where base documents are read from (default: the standard pack's embedded examples). */
  files?: ExampleFiles;
}

/** Where the base documents of examples come from: the file system, or documents held in memory. */
export interface ExampleFiles {
  /** The file a `base` / `given` path names, seen from the directory of the rule file (if it has one). */
  resolve(dir: string | undefined, path: string): string;
  /** The text of a resolved file; a rejection's `code` (e.g. `ENOENT`) is shown in the message. */
  read(file: string): Promise<string>;
}

/**
 * The standard pack's base documents (`examples/*.json`), embedded in the package: examples of the
 * embedded standard pack run without a file system.
 */
export const standardExampleFiles: ExampleFiles = {
  resolve: (_dir, path) => path.replace(/^\.\//, ""),
  read: (file) => {
    const text = STANDARD_EXAMPLES[file];
    return text === undefined ? Promise.reject({ code: "ENOENT" }) : Promise.resolve(text);
  },
};

/** Reads base documents once per run. */
class BaseDocuments {
  private readonly cache = new Map<string, Promise<{ value?: unknown; problem?: Words }>>();

  constructor(readonly files: ExampleFiles) {}

  get(file: string): Promise<{ value?: unknown; problem?: Words }> {
    let entry = this.cache.get(file);
    if (!entry) {
      entry = this.files.read(file).then(
        (text) => {
          try {
            return { value: JSON.parse(text) as unknown };
          } catch (error) {
            const reason = (error as Error).message;
            return {
              problem: {
                zh: `示例文档 ${file} 不是有效的 JSON：${reason}`,
                en: `The example document ${file} is not valid JSON: ${reason}`,
              },
            };
          }
        },
        (error: { code?: string }) => ({
          problem: {
            zh: `无法读取示例文档 ${file}（${error.code ?? "错误"}）`,
            en: `Cannot read the example document ${file} (${error.code ?? "error"})`,
          },
        }),
      );
      this.cache.set(file, entry);
    }
    return entry;
  }
}

function basePath(rule: CompiledRule, example: ExampleDecl, files: ExampleFiles): string | undefined {
  const given = example.given?.path ?? rule.base;
  return given === undefined ? undefined : files.resolve(rule.dir, given);
}

function expectedWords(example: ExampleDecl): string {
  if (example.expect.pass) return "pass";
  const at = example.expect.at;
  return at ? `fail at ${at.map((p) => formatPath(p.path)).join(", ")}` : "fail";
}

/** Runs one example of one rule. */
async function runExample(
  pack: Pack,
  rule: CompiledRule,
  example: ExampleDecl,
  bases: BaseDocuments,
  options: ExampleOptions,
): Promise<ExampleOutcome> {
  const outcome: ExampleOutcome = {
    rule: rule.id,
    example: example.name,
    source: location(rule.file, example.span),
    passed: false,
    expected: expectedWords(example),
    diagnostics: [],
    traces: [],
  };
  const file = basePath(rule, example, bases.files);
  if (!file) {
    outcome.problem = {
      zh: "示例没有基础文档：请在文件开头写 base，或在示例中写 given",
      en: 'The example has no base document: write "base" at the top of the file or "given" in the example',
    };
    return outcome;
  }
  const base = await bases.get(file);
  if (base.problem) {
    outcome.problem = base.problem;
    return outcome;
  }
  const document = structuredClone(base.value);
  let profile = DEFAULT_PROFILE;
  for (const m of example.mutations) {
    if (m.op === "profile") profile = m.profile;
    const problem = applyMutation(document, m);
    if (problem) {
      outcome.problem = problem;
      return outcome;
    }
  }
  const run = { packs: [pack], profile, codes: options.codes, today: options.today };
  // The rule runs with the rules it presumes, so that an example shows a consequence suppressed; only the
  // rule's own diagnostics are its outcome.
  const result = prepareRun(run, (r) => r === rule || rule.presumes.includes(r.id))(document);
  outcome.diagnostics = result.diagnostics.filter((d) => d.rule === rule.id);
  // A profile the packs do not know is the example's mistake, not the rule's.
  const setupErrors = result.diagnostics.filter(
    (d) => d.rule === "RULES_PROFILE" || d.rule === "RULES_PARAMETER",
  );
  if (setupErrors.length > 0) {
    outcome.problem = {
      zh: setupErrors.map((d) => d.message).join("；"),
      en: setupErrors.map((d) => d.messageEn).join("; "),
    };
    return outcome;
  }
  const paths = outcome.diagnostics.map((d) => d.path);
  outcome.problem = judge(example, paths);
  outcome.passed = outcome.problem === undefined;
  if (!outcome.passed) outcome.traces = traces(rule, run, document, example, paths);
  return outcome;
}

/** Compares what the rule reported with what the example expects. */
function judge(example: ExampleDecl, paths: string[]): Words | undefined {
  const got = paths.length === 0 ? "nothing" : paths.map((p) => p || "(document)").join(", ");
  if (example.expect.pass) {
    return paths.length === 0
      ? undefined
      : { zh: `应通过，实际在 ${got} 报错`, en: `expected pass, got a failure at ${got}` };
  }
  if (paths.length === 0) return { zh: "应报错，实际通过", en: "expected a failure, but the rule passed" };
  const want = example.expect.at?.map((p) => formatPath(p.path));
  if (!want) return undefined;
  const same = new Set(want).size === new Set(paths).size && want.every((p) => paths.includes(p));
  return same
    ? undefined
    : {
        zh: `应在 ${want.join(", ")} 报错，实际在 ${got}`,
        en: `expected a failure at ${want.join(", ")}, got one at ${got}`,
      };
}

/** Traces for a failed example: each failing line, or the lines the example names, or the document. */
function traces(
  rule: CompiledRule,
  run: Parameters<typeof runContext>[0],
  document: unknown,
  example: ExampleDecl,
  paths: string[],
): RuleTrace[] {
  const env = runContext(run, document);
  if (!ruleApplies(rule, env.doc, env.ctx.issueDate)) {
    return [
      { steps: [{ text: "applies to / effective", value: "the rule does not apply to this document" }] },
    ];
  }
  if (!rule.checked.forEach) return [traceRule(rule, env)];
  const named = [...paths, ...(example.expect.at ?? []).map((p) => formatPath(p.path))]
    .map((p) => /^lines\[(\d+)\]/.exec(p)?.[1])
    .filter((i): i is string => i !== undefined)
    .map(Number);
  const lines = named.length > 0 ? [...new Set(named)] : env.doc.lines.map((_, i) => i);
  return lines.slice(0, 5).map((i) => traceRule(rule, env, i));
}

/**
 * Runs the examples of compiled packs (their own rules only, not those of the packs they extend).
 * @example
 * const report = await runPackExamples([await loadStandardPack()]);
 * console.log(formatExamplesReport(report)); // ✓ 96 examples passed
 */
export async function runPackExamples(packs: Pack[], options: ExampleOptions = {}): Promise<ExamplesReport> {
  const compileDiagnostics = packs.flatMap((p) => p.diagnostics);
  const bases = new BaseDocuments(options.files ?? standardExampleFiles);
  const outcomes: ExampleOutcome[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      for (const example of rule.examples)
        outcomes.push(await runExample(pack, rule, example, bases, options));
    }
  }
  const failed = outcomes.filter((o) => !o.passed).length;
  return {
    packs,
    compileDiagnostics,
    outcomes,
    passed: outcomes.length - failed,
    failed,
    ok: failed === 0 && !compileDiagnostics.some((d) => d.severity === "error"),
  };
}

/**
 * Lints compiled packs without an input document: everything the compiler found, plus base documents that
 * exist and parse, and at least one `expect pass` and one `expect fail` example per rule.
 * @example
 * const { diagnostics } = await lintPackExamples([await loadStandardPack()]); // []
 */
export async function lintPackExamples(
  packs: Pack[],
  options: Pick<ExampleOptions, "files"> = {},
): Promise<{ packs: Pack[]; diagnostics: SourceDiagnostic[] }> {
  const diagnostics = packs.flatMap((p) => p.diagnostics);
  const bases = new BaseDocuments(options.files ?? standardExampleFiles);
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const report = (span: Span, words: Words) =>
        diagnostics.push({
          ...span,
          severity: "error",
          code: "RULES_EXAMPLES",
          message: words.zh,
          messageEn: words.en,
          file: rule.file,
        });
      // Point at the `rule` keyword.
      const head: Span = {
        ...rule.span,
        end: rule.span.start + 4,
        endLine: rule.span.line,
        endColumn: rule.span.column + 4,
      };
      if (!rule.examples.some((e) => e.expect.pass)) {
        report(head, {
          zh: `规则 ${rule.id} 没有应通过（expect pass）的示例`,
          en: `Rule ${rule.id} has no passing example (expect pass)`,
        });
      }
      if (!rule.examples.some((e) => !e.expect.pass)) {
        report(head, {
          zh: `规则 ${rule.id} 没有应报错（expect fail）的示例`,
          en: `Rule ${rule.id} has no failing example (expect fail)`,
        });
      }
      for (const example of rule.examples) {
        const file = basePath(rule, example, bases.files);
        const problem = file
          ? (await bases.get(file)).problem
          : {
              zh: "示例没有基础文档（base 或 given）",
              en: "The example has no base document (base or given)",
            };
        if (problem) report(example.span, problem);
      }
    }
  }
  return { packs, diagnostics };
}

/**
 * The report as a specialist reads it: each failed example with what was expected, what happened, the
 * diagnostics and the values of the rule's sub-expressions; then a summary line.
 */
export function formatExamplesReport(
  report: ExamplesReport,
  sourceText?: (file: string) => string | undefined,
): string {
  const out = formatSourceDiagnostics(report.compileDiagnostics, sourceText);
  // Failed examples are reported per rule file, at most MAX_REPORTED_PER_FILE each, like compile problems.
  const failedPerFile = new Map<string, number>();
  for (const o of report.outcomes) {
    if (o.passed) continue;
    const file = o.source.replace(/:\d+:\d+$/, "");
    const n = (failedPerFile.get(file) ?? 0) + 1;
    failedPerFile.set(file, n);
    if (n > MAX_REPORTED_PER_FILE) continue;
    out.push(`✗ ${o.rule} “${o.example}” (${o.source})`);
    if (o.problem) out.push(`  ${o.problem.zh} / ${o.problem.en}`);
    for (const d of o.diagnostics) out.push(`  → ${d.path || "(document)"}: ${d.message} / ${d.messageEn}`);
    for (const t of o.traces) out.push(formatTrace(t));
    out.push("");
  }
  for (const [file, n] of failedPerFile) {
    if (n > MAX_REPORTED_PER_FILE) {
      const more = n - MAX_REPORTED_PER_FILE;
      out.push(`${file}: 还有 ${more} 个失败的示例未列出 / and ${more} more failed example(s) not shown`, "");
    }
  }
  const errors = report.compileDiagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) out.push(`✗ 规则文件有 ${errors} 个错误 / the rule files have ${errors} error(s)`);
  out.push(
    report.failed === 0
      ? `${errors > 0 ? "✗" : "✓"} ${report.passed} 个示例全部通过 / all ${report.passed} examples passed`
      : `✗ ${report.failed} 个示例失败，${report.passed} 个通过 / ${report.failed} failed, ${report.passed} passed`,
  );
  return out.join("\n");
}
