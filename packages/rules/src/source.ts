/**
 * Positions in rule files and how problems in them are shown: `file:line:column`, the source line and a
 * caret under the spot, in Chinese and English (the way OPA and compilers print errors).
 */
import type { Severity } from "@efapiao/model";

/** A stretch of source text. Lines and columns are 1-based; `end`/`endColumn` point just past the stretch. */
export interface Span {
  /** 0-based offset of the first character. */
  start: number;
  /** 0-based offset just past the last character. */
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * A problem found in a rule file (a syntax error, an unknown field, a type error, a missing message…),
 * positioned for editors and the web playground.
 */
export interface SourceDiagnostic extends Span {
  severity: Severity;
  /** A stable code, e.g. `RULES_SYNTAX`, `RULES_UNKNOWN_NAME`, `RULES_TYPE`. */
  code: string;
  /** Chinese message. */
  message: string;
  messageEn: string;
  /** The file name as given to the compiler. */
  file: string;
}

export const NO_SPAN: Span = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

/** The span from the start of `a` to the end of `b`. */
export function joinSpans(a: Span, b: Span): Span {
  return {
    start: a.start,
    line: a.line,
    column: a.column,
    end: b.end,
    endLine: b.endLine,
    endColumn: b.endColumn,
  };
}

/** `file:line:column` — the `source` of a rule diagnostic and the head of every compile message. */
export function location(file: string, span: Pick<Span, "line" | "column">): string {
  return `${file}:${span.line}:${span.column}`;
}

/** The span of text[start, end) computed from offsets (for spans the lexer did not give us). */
export function spanOf(text: string, start: number, end: number): Span {
  const a = positionOf(text, start);
  const b = positionOf(text, end);
  return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const MAX_SHOWN_LINE = 160;

/**
 * The source line of a diagnostic with a caret under its span, ready to print:
 * ```
 *   assert line.tax = round(line.amout × line.taxRate, 2)
 *                           ^^^^^^^^^^
 * ```
 * Wide (CJK) characters before the caret are matched with wide spaces so the caret lines up in a terminal;
 * very long lines (a 10 MB line) are cut around the spot.
 */
export function caretLines(
  text: string,
  span: Pick<Span, "line" | "column" | "endLine" | "endColumn">,
): string {
  const lines = text.split("\n", span.line);
  const full = (lines[span.line - 1] ?? "").replace(/\r$/, "");
  let from = 0;
  if (span.column - 1 > MAX_SHOWN_LINE - 20) from = span.column - 1 - 40;
  const shown = full.slice(from, from + MAX_SHOWN_LINE);
  const before = shown.slice(0, Math.max(0, span.column - 1 - from));
  const width =
    span.endLine === span.line
      ? Math.max(1, span.endColumn - span.column)
      : Math.max(1, shown.length - before.length);
  const pad = Array.from(before, (ch) => (ch === "\t" ? "\t" : isWide(ch) ? "\u3000" : " ")).join("");
  const prefix = from > 0 ? "…" : "";
  const suffix = from + MAX_SHOWN_LINE < full.length ? "…" : "";
  return `  ${prefix}${shown}${suffix}\n  ${prefix ? " " : ""}${pad}${"^".repeat(Math.min(width, 80))}`;
}

/**
 * True for a character a terminal or an editor draws two columns wide (CJK, full-width forms), so that a
 * caret under Chinese text lines up.
 * @example
 * isWide("税") // true
 * isWide("a")  // false
 */
export function isWide(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/**
 * A diagnostic as a specialist reads it in a terminal: location, Chinese and English message, the source line
 * and a caret.
 * @example
 * formatSourceDiagnostic(d, text)
 * // standard/calc.rules:3:27: 错误：未知字段 “line.amout”，是否要写 “line.amount”（明细.金额）？ / error: unknown field …
 * //   assert line.tax = round(line.amout × line.taxRate, 2)
 * //                           ^^^^^^^^^^
 */
export function formatSourceDiagnostic(d: SourceDiagnostic, text?: string): string {
  const head = `${location(d.file, d)}: ${SEVERITY_ZH[d.severity]}：${d.message} / ${d.severity}: ${d.messageEn}`;
  return text === undefined ? head : `${head}\n${caretLines(text, d)}`;
}

/** How many diagnostics of one file a report prints before it only counts the rest. */
export const MAX_REPORTED_PER_FILE = 100;

/**
 * Formats diagnostics as {@link formatSourceDiagnostic} does, at most `limit` per file, each file's excess
 * counted in one line — a file with thousands of problems (a binary file, a runaway paste) does not flood
 * the terminal, and the count says how bad it is.
 * @example
 * formatSourceDiagnostics(pack.diagnostics, (file) => sources.get(file))
 * // …the first 100 of broken.rules…
 * // broken.rules: 还有 19900 个问题未列出 / and 19900 more problem(s) not shown
 */
export function formatSourceDiagnostics(
  diagnostics: readonly SourceDiagnostic[],
  text?: (file: string) => string | undefined,
  limit = MAX_REPORTED_PER_FILE,
): string[] {
  const shown = new Map<string, number>();
  const out: string[] = [];
  for (const d of diagnostics) {
    const n = (shown.get(d.file) ?? 0) + 1;
    shown.set(d.file, n);
    if (n <= limit) out.push(formatSourceDiagnostic(d, text?.(d.file)));
  }
  for (const [file, n] of shown) {
    if (n > limit)
      out.push(`${file}: 还有 ${n - limit} 个问题未列出 / and ${n - limit} more problem(s) not shown`);
  }
  return out;
}
