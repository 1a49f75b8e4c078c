/**
 * The front end: rule text → AST plus every syntax problem, positioned. Refuses oversized files and
 * over-deep nesting before the parser sees them, keeps at most a bounded number of diagnostics, and turns
 * any stack exhaustion that slips past those limits into a diagnostic rather than a crash.
 */
import type { FileAst } from "./ast.js";
import { AstBuilder, NESTING_MESSAGE, nestingProblem, type Reporter, tokenSpan } from "./cst-to-ast.js";
import { tokenize } from "./lexer.js";
import { LIMITS } from "./limits.js";
import { parseTokens, syntaxMessage } from "./parser.js";
import { NO_SPAN, type SourceDiagnostic, type Span, spanOf } from "./source.js";

/** Collects one file's diagnostics, keeping the first {@link LIMITS.maxDiagnosticsPerFile}. */
export class FileReporter implements Reporter {
  readonly diagnostics: SourceDiagnostic[] = [];
  private dropped = 0;

  constructor(readonly file: string) {}

  report(
    code: string,
    span: Span,
    zh: string,
    en: string,
    severity: SourceDiagnostic["severity"] = "error",
  ): void {
    if (this.diagnostics.length >= LIMITS.maxDiagnosticsPerFile) {
      this.dropped++;
      return;
    }
    this.diagnostics.push({ ...span, severity, code, message: zh, messageEn: en, file: this.file });
  }

  /** The diagnostics, with a closing note when some were dropped. */
  finish(): SourceDiagnostic[] {
    if (this.dropped === 0) return this.diagnostics;
    const last = this.diagnostics.at(-1) ?? { ...NO_SPAN };
    return [
      ...this.diagnostics,
      {
        ...pickSpan(last),
        severity: "error",
        code: "RULES_TOO_MANY_ERRORS",
        message: `另有 ${this.dropped} 个问题未列出`,
        messageEn: `${this.dropped} more problems not shown`,
        file: this.file,
      },
    ];
  }
}

function pickSpan(s: Span): Span {
  return {
    start: s.start,
    end: s.end,
    line: s.line,
    column: s.column,
    endLine: s.endLine,
    endColumn: s.endColumn,
  };
}

/**
 * Parses one rule file. Never throws: every problem, however broken the input, is reported to `reporter`.
 * @example
 * const reporter = new FileReporter("acme.rules");
 * const ast = parseSource('rule R-1 error assert kind = "special" message zh "…" message en "…"', reporter);
 * reporter.finish() // [] — or the positioned problems
 */
export function parseSource(text: string, reporter: FileReporter): FileAst {
  const empty: FileAst = { declarations: [] };
  // TextEncoder, not Buffer: this entry runs in browsers too (the web app's rule playground).
  if (new TextEncoder().encode(text).length > LIMITS.maxSourceBytes) {
    reporter.report(
      "RULES_TOO_LARGE",
      spanOf(text, 0, 0),
      `规则文件过大（超过 ${LIMITS.maxSourceBytes / 1024} KiB），请拆分`,
      `Rule file too large (over ${LIMITS.maxSourceBytes / 1024} KiB); split it`,
    );
    return empty;
  }
  const lexed = tokenize(text);
  for (const e of lexed.errors) {
    const ch = text.slice(e.offset, e.offset + Math.min(e.length, 10));
    const span: Span = {
      start: e.offset,
      end: e.offset + e.length,
      line: e.line ?? 1,
      column: e.column ?? 1,
      endLine: e.line ?? 1,
      endColumn: (e.column ?? 1) + e.length,
    };
    reporter.report("RULES_SYNTAX", span, `无法识别的字符 “${ch}”`, `unexpected character "${ch}"`);
  }
  const tooDeep = nestingProblem(lexed.tokens);
  if (tooDeep) {
    reporter.report("RULES_TOO_DEEP", tokenSpan(tooDeep), ...NESTING_MESSAGE);
    return empty;
  }
  let parsed: ReturnType<typeof parseTokens>;
  try {
    parsed = parseTokens(lexed.tokens, "file");
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    reporter.report("RULES_TOO_DEEP", spanOf(text, 0, 0), ...NESTING_MESSAGE);
    return empty;
  }
  for (const error of parsed.errors) {
    const words = syntaxMessage(error);
    const span = Number.isFinite(error.token.startOffset)
      ? tokenSpan(error.token)
      : spanOf(text, text.length, text.length);
    reporter.report("RULES_SYNTAX", span, words.zh, words.en);
  }
  return new AstBuilder(reporter).file(parsed.cst);
}
