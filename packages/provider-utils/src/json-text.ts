/**
 * JSON text with exact numbers. Some providers (百望, 乐企) want money as JSON numbers; a JavaScript number
 * cannot carry "0.10" or a 20-digit amount exactly, so the mapping marks such values with {@link jsonNumber}
 * and {@link stringifyJson} writes their decimal text as a number literal. The text it returns is the one
 * signed and sent.
 *
 * A marked number is a placeholder string (random private-use characters around the decimal text): the
 * engine's own JSON.stringify writes the whole request — several times faster than any serializer written
 * in JavaScript, or than `toJSON` hooks — and one pass over the text puts the literals in place.
 * No text a user writes can be mistaken for a placeholder: both ends are private-use characters drawn at
 * random per process. Objects holding placeholders are wire objects:
 * serialise them with {@link stringifyJson}, show them with {@link readableJson}.
 */
import { randomInt } from "node:crypto";

/**
 * The marks' ends: two private-use characters each, drawn per process (6400² ≈ 4·10⁷ pairs per end) —
 * short, because every money field carries a mark and JSON.stringify writes them all.
 */
function privateUsePair(taken: readonly string[]): string {
  for (;;) {
    const pair = String.fromCharCode(0xe000 + randomInt(0x1900), 0xe000 + randomInt(0x1900));
    if (!taken.some((t) => t[0] === pair[0])) return pair;
  }
}
const OPEN = privateUsePair([]);
/** Opens a mark whose text is no number literal: serialising it is the error (see {@link stringifyJson}). */
const OPEN_BAD = privateUsePair([OPEN]);
const CLOSE = privateUsePair([OPEN, OPEN_BAD]);
/**
 * Whether a mark with OPEN_BAD was ever made in this process. Serialising has to look for one only then:
 * a mapping makes such a mark only by mistake, and the search would otherwise cost every request a scan.
 */
let badMarksMade = false;

/**
 * True for a JSON number literal without exponent (`-?(0|[1-9]\d*)(\.\d+)?`). A loop over the characters:
 * every money field of a request is checked, and a regular expression costs several times more per call.
 */
function isNumberLiteral(text: string): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // "-"
  if (i >= n) return false;
  const first = text.charCodeAt(i);
  if (first === 48)
    i++; // a leading "0" stands alone
  else if (first >= 49 && first <= 57) while (i < n && isDigit(text.charCodeAt(i))) i++;
  else return false;
  if (i === n) return true;
  if (text.charCodeAt(i) !== 46 || i + 1 === n) return false; // "." and at least one digit after it
  for (i++; i < n; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A decimal marked to be written as a JSON number literal (see {@link jsonNumber}). */
export type JsonNumber = string & { readonly __jsonNumber: true };

/**
 * Marks decimal text to be written as a JSON number. The text is checked here, once; text that is no
 * JSON number literal makes the request fail when it is serialised ({@link stringifyJson}), not before,
 * so a mapping that stops with diagnostics first never throws.
 * @example
 * stringifyJson({ a: jsonNumber("2.00") }) // '{"a":2.00}'
 */
export function jsonNumber(text: string): JsonNumber {
  if (isNumberLiteral(text)) return `${OPEN}${text}${CLOSE}` as JsonNumber;
  badMarksMade = true;
  return `${OPEN_BAD}${text}${CLOSE}` as JsonNumber;
}

/** The decimal text of a marked number, or undefined for anything else. */
export function jsonNumberText(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.endsWith(CLOSE)) return undefined;
  if (!value.startsWith(OPEN) && !value.startsWith(OPEN_BAD)) return undefined;
  return value.slice(OPEN.length, -CLOSE.length);
}

/**
 * Compact JSON exactly as `JSON.stringify(value)`, except that marked numbers are written as their exact text.
 * `indent` pretty-prints as JSON.stringify's third argument does.
 * A marked value that is not a JSON number literal ("1e5", "01", "abc") is a RangeError: a mapping bug.
 * @example
 * stringifyJson({ price: jsonNumber("0.10"), name: "燕麦" }) // '{"price":0.10,"name":"燕麦"}'
 */
export function stringifyJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  // Searching for the private-use ends, not the quotes before them: a quote is on every field, and a search
  // whose pattern starts with one stops at each.
  const bad = badMarksMade ? text.indexOf(OPEN_BAD) : -1;
  if (bad >= 0) {
    const start = bad + OPEN_BAD.length;
    const literal = text.slice(start, text.indexOf(CLOSE, start));
    throw new RangeError(`Not a JSON number literal: ${JSON.stringify(literal)}`);
  }
  return withoutMarks(text);
}

/**
 * The text with every quoted mark `"OPEN…CLOSE"` replaced by the literal inside it. The marks were checked
 * when made, so this only cuts: the text between marks and the literals are joined in order (a loop of
 * `indexOf`, which costs a fraction of a global regular-expression replace over the same text).
 */
function withoutMarks(text: string): string {
  let open = text.indexOf(OPEN);
  if (open === -1) return text;
  let out = "";
  let copied = 0;
  while (open !== -1) {
    const close = text.indexOf(CLOSE, open + OPEN.length);
    out += text.slice(copied, open - 1) + text.slice(open + OPEN.length, close); // the quote before OPEN dropped
    copied = close + CLOSE.length + 1; // and the quote after CLOSE
    open = text.indexOf(OPEN, copied);
  }
  return out + text.slice(copied);
}

/**
 * A wire object as plain JSON data (marked numbers become numbers), for display and comparison.
 * @example
 * readableJson({ a: jsonNumber("2.00") }) // { a: 2 }
 */
export function readableJson<T = unknown>(value: unknown): T {
  return JSON.parse(stringifyJson(value)) as T;
}
