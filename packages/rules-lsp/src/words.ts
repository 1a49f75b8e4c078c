/**
 * What is under the cursor: the word (a name with its dots, a rule id with its hyphens), the text it sits
 * in, and what comes before it on the line — enough for completion, hover and go-to-definition without a
 * second parser.
 */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column (as LSP counts). */
  character: number;
}

export interface WordAt {
  word: string;
  /** 0-based columns of the word on its line: [start, end). */
  start: number;
  end: number;
  /** The line's text before the word. */
  before: string;
  /** The line's text after the word. */
  after: string;
  /** The word is inside a `"…"` text. */
  inText: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}_.\-%]/u;

export function lineOf(text: string, line: number): string {
  return text.split("\n")[line]?.replace(/\r$/, "") ?? "";
}

/** True when column `at` of the line is inside a text (outside comments). */
function insideText(line: string, at: number): boolean {
  let open = false;
  for (let i = 0; i < at && i < line.length; i++) {
    const ch = line[i];
    if (open && ch === "\\") i++;
    else if (ch === '"') open = !open;
    else if (!open && ch === "#") return false;
  }
  return open;
}

/** The word around a position (empty when the cursor touches none). Trailing dots are not part of it. */
export function wordAt(text: string, position: Position): WordAt {
  const line = lineOf(text, position.line);
  let start = Math.min(position.character, line.length);
  let end = start;
  while (start > 0 && WORD_CHAR.test(line[start - 1]!)) start--;
  while (end < line.length && WORD_CHAR.test(line[end]!)) end++;
  let word = line.slice(start, end);
  while (word.endsWith(".") || word.endsWith("-")) {
    word = word.slice(0, -1);
    end--;
  }
  return {
    word,
    start,
    end,
    before: line.slice(0, start),
    after: line.slice(end),
    inText: insideText(line, start),
  };
}

/** The text typed so far at the cursor: `line.am` → `line.am`, used by completion. */
export function prefixAt(text: string, position: Position): string {
  const line = lineOf(text, position.line).slice(0, position.character);
  return /[\p{L}\p{N}_.-]*$/u.exec(line)?.[0] ?? "";
}

/** A rule id as the language writes them: capitals, digits, `_`, parts joined by `-`. */
export function isRuleId(word: string): boolean {
  return /^[A-Z][A-Z0-9_]*(?:-[A-Z0-9_]+)+$/.test(word) || /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(word);
}
