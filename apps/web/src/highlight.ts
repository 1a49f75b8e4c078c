/**
 * Highlighting under a textarea: the text split into spans by syntax class and by marked ranges
 * (diagnostics), escaped, for a <pre> drawn behind a transparent textarea with the same metrics.
 */
import { escapeHtml } from "@efapiao/preview";
import { KEYWORDS } from "@efapiao/rules";

export interface Span {
  start: number;
  end: number;
  cls: string;
}

const WORDS = new Set<string>(KEYWORDS as readonly string[]);
const SEVERITIES = new Set(["error", "warning", "info", "disabled"]);
// Comments, strings, rule ids (FP-CO-01), numbers and percentages, words (ASCII and CJK), operators.
const TOKEN =
  /(#[^\n]*)|("(?:[^"\\\n]|\\.)*"?)|\b([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\b|(\d+(?:\.\d+)?%?)|([A-Za-z_][\w.]*)|([=≠<>≤≥×÷+\-*/]+)/g;

/**
 * Syntax classes of a rule file: comment, string, id, number, keyword, severity, operator.
 * @example
 * ruleTokens('rule A-1 error') // [{ cls: "keyword", … }, { cls: "id", … }, { cls: "severity", … }]
 */
export function ruleTokens(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    let cls: string | undefined;
    if (m[1]) cls = "comment";
    else if (m[2]) cls = "string";
    else if (m[3]) cls = "id";
    else if (m[4]) cls = "number";
    else if (m[5]) cls = SEVERITIES.has(m[5]) ? "severity" : WORDS.has(m[5]) ? "keyword" : undefined;
    else if (m[6]) cls = "operator";
    if (cls) spans.push({ start, end, cls });
  }
  return spans;
}

/**
 * HTML for the backdrop: every character once, in order, inside spans for its syntax class and marks for
 * the ranges given (a mark wins over nothing; both may apply). A trailing newline gets a space so that the
 * backdrop is as tall as the textarea.
 */
export function highlightHtml(text: string, tokens: Span[], marks: Span[]): string {
  const cuts = new Set<number>([0, text.length]);
  for (const s of [...tokens, ...marks]) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const piece = escapeHtml(text.slice(from, to));
    const token = tokens.find((t) => t.start <= from && to <= t.end);
    const mark = marks.find((m) => m.start <= from && to <= m.end);
    let out = token ? `<span class="tok-${token.cls}">${piece}</span>` : piece;
    if (mark) out = `<mark class="${mark.cls}">${out}</mark>`;
    html += out;
  }
  return `${html}${text.endsWith("\n") || text === "" ? " " : ""}`;
}
