/**
 * The canonical layout of a rule file (`efapiao rules fmt`), so that a pack reads the same whoever edited
 * it and diffs show only real changes:
 * - top-level declarations (`rule`, `parameter`, `base`, `disable`, `change`) start in column 1, a rule's
 *   clauses are indented 2, an example's clauses 4 (`profile` under a parameter 2); a line that continues
 *   an expression is indented 2 more than the clause it continues;
 * - inside a line, runs of spaces outside texts collapse to one; a trailing comment follows the code after
 *   two spaces; trailing spaces go;
 * - a comment line takes the indent of the code it precedes; blank lines collapse to one, each `rule` is
 *   preceded by one (before its comment block), and the file ends with one newline.
 *
 * The language ignores whitespace and newlines (LANGUAGE.md §1) and the formatter never joins, splits or
 * reorders lines, nor touches the inside of a text or a comment, so formatting cannot change what a file
 * means; it is idempotent by construction (every choice depends only on the line's own words).
 */

const TOP_LEVEL = new Set(["rule", "parameter", "base", "disable", "change"]);
const RULE_CLAUSES = new Set([
  "applies",
  "effective",
  "when",
  "for",
  "assert",
  "at",
  "message",
  "example",
  "presumes",
  "requires",
]);
const EXAMPLE_CLAUSES = new Set(["given", "set", "remove", "insert", "expect", "profile"]);

/** One source line split into its code and its trailing comment (outside texts). */
interface SplitLine {
  code: string;
  comment: string | undefined;
}

/** Splits at the first `#` that is not inside a text, collapsing whitespace runs of the code part. */
function splitLine(line: string): SplitLine {
  let code = "";
  let inText = false;
  let pendingSpace = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (inText) {
      code += ch;
      if (ch === "\\" && i + 1 < line.length) code += line[++i];
      else if (ch === '"') inText = false;
      continue;
    }
    if (ch === "#") return { code: code.trim(), comment: line.slice(i).trimEnd() };
    if (ch === " " || ch === "\t" || ch === "\r") {
      pendingSpace = code.length > 0;
      continue;
    }
    if (pendingSpace) code += " ";
    pendingSpace = false;
    code += ch;
    if (ch === '"') inText = true;
  }
  return { code: code.trim(), comment: undefined };
}

function leadingWord(code: string): string {
  return /^[A-Za-z]+/.exec(code)?.[0] ?? "";
}

type Context = "top" | "rule" | "example" | "parameter";

/**
 * Formats one rule file's text canonically.
 * @example
 * formatRules('rule  R-1 error\nassert  kind = "special"\n') // 'rule R-1 error\n  assert kind = "special"\n'
 */
export function formatRules(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .map(splitLine);
  // Pass 1: the indent of every code line, from the clause structure.
  const indents: (number | undefined)[] = [];
  let context: Context = "top";
  let clauseIndent = 0;
  for (const { code } of lines) {
    if (code === "") {
      indents.push(undefined);
      continue;
    }
    const word = leadingWord(code);
    let indent: number;
    if (TOP_LEVEL.has(word)) {
      indent = 0;
      context = word === "rule" ? "rule" : word === "parameter" ? "parameter" : "top";
    } else if (context === "parameter" && word === "profile") {
      indent = 2;
    } else if ((context === "rule" || context === "example") && word === "example") {
      indent = 2;
      context = "example";
    } else if (context === "example" && EXAMPLE_CLAUSES.has(word)) {
      indent = 4;
    } else if ((context === "rule" || context === "example") && RULE_CLAUSES.has(word)) {
      indent = 2;
      context = "rule";
    } else {
      indents.push(clauseIndent + 2);
      continue;
    }
    clauseIndent = indent;
    indents.push(indent);
  }
  // Pass 2: comment-only lines take the indent of the next code line; blank lines are normalised.
  const out: string[] = [];
  let nextCodeIndent = 0;
  const commentIndents: number[] = new Array(lines.length).fill(0);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.code !== "") nextCodeIndent = indents[i]!;
    commentIndents[i] = nextCodeIndent;
  }
  let blankPending = false;
  for (let i = 0; i < lines.length; i++) {
    const { code, comment } = lines[i]!;
    if (code === "" && comment === undefined) {
      blankPending = out.length > 0;
      continue;
    }
    const afterComment = i > 0 && lines[i - 1]!.code === "" && lines[i - 1]!.comment !== undefined;
    const startsDeclaration = code !== "" ? startsBlock(code) && !afterComment : startsCommentBlock(lines, i);
    if (out.length > 0 && (blankPending || startsDeclaration) && out.at(-1) !== "") out.push("");
    blankPending = false;
    const indent = " ".repeat(code === "" ? commentIndents[i]! : indents[i]!);
    if (code === "") out.push(`${indent}${comment}`);
    else out.push(`${indent}${code}${comment === undefined ? "" : `  ${comment}`}`);
  }
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

/** A `rule` is set off by a blank line (parameters may stand in a group). */
function startsBlock(code: string): boolean {
  return leadingWord(code) === "rule";
}

/** A comment block directly above a `rule` belongs to it: the blank line goes above the block. */
function startsCommentBlock(lines: SplitLine[], i: number): boolean {
  const previous = lines[i - 1];
  if (previous !== undefined && previous.code === "" && previous.comment !== undefined) return false;
  // (A comment after a blank line already gets one; this adds it when the block follows code directly.)
  for (let j = i; j < lines.length; j++) {
    const { code, comment } = lines[j]!;
    if (code === "" && comment === undefined) return false;
    if (code !== "") return startsBlock(code);
  }
  return false;
}
