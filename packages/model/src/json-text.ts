/**
 * Reading JSON text that comes from outside. `JSON.parse` alone accepts three things efapiao must not:
 * nesting deep enough to overflow the stack of whatever walks the value next (3,000 levels crash a
 * recursive schema check), numbers whose digits a double cannot hold (`1.00499999999999999` silently becomes
 * 1.005, another cent after rounding), and a byte-order mark it refuses while other readers skip it. One
 * linear pass over the text, before `JSON.parse`, checks the first two; the mark is skipped, as RFC 8259
 * allows, so every command treats it alike.
 */
import { type Diagnostic, error, formatPath, type Result } from "./diagnostic.js";
import { numberToDecimalText, shiftDecimalPoint, trimDecimal } from "./decimal-text.js";

/** Nesting of JSON input: sales nest 3 levels, issued invoices with kept XML blocks about 40. */
export const JSON_LIMITS = { maxDepth: 64 } as const;

export interface JsonLimits {
  maxDepth: number;
}

/**
 * Parses JSON text; malformed JSON becomes a `JSON_MALFORMED` diagnostic with the parser's position, nesting
 * beyond `limits.maxDepth` `JSON_TOO_DEEP`, and a number that a double cannot hold exactly `JSON_INEXACT_NUMBER`
 * (with the path of the number, and the advice to write it as a string). A leading byte-order mark is skipped.
 * @example
 * parseJsonText('{"a": 1')                      // { ok: false, diagnostics: [{ rule: "JSON_MALFORMED", … }] }
 * parseJsonText('{"amount": 1.00499999999999999}') // { ok: false, diagnostics: [{ rule: "JSON_INEXACT_NUMBER", path: "amount", … }] }
 * parseJsonText('\uFEFF{"a": "1.00"}')          // { ok: true, value: { a: "1.00" }, diagnostics: [] }
 */
export function parseJsonText(text: string, limits: JsonLimits = JSON_LIMITS): Result<unknown> {
  const body = text.charCodeAt(0) === BOM ? text.slice(1) : text;
  const problem = scan(body, limits.maxDepth);
  if (problem) return { ok: false, diagnostics: [problem] };
  try {
    return { ok: true, value: JSON.parse(body), diagnostics: [] };
  } catch (e) {
    // V8's message quotes at most a few dozen characters of the text, so it stays short.
    const reason = (e as Error).message;
    return {
      ok: false,
      diagnostics: [
        error("JSON_MALFORMED", "", { zh: `不是有效的 JSON：${reason}`, en: `Not valid JSON: ${reason}` }),
      ],
    };
  }
}

const BOM = 0xfeff;
const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

/** A JSON number token (the scanner takes a run of number characters; only a valid one is checked). */
const JSON_NUMBER = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
/** Any decimal of at most 15 significant digits survives a round trip through a double. */
const ALWAYS_EXACT_LENGTH = 15;

/**
 * Checks nesting and numbers in one pass; strings are skipped with `indexOf`, so the pass costs a fraction
 * of the parse. Text that is not JSON is left for `JSON.parse` to describe.
 */
function scan(text: string, maxDepth: number): Diagnostic | undefined {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? KIND[c]! : OTHER;
    if (kind === OTHER) continue;
    if (kind === STRING) {
      i = stringEnd(text, i);
      if (i < 0) return undefined;
    } else if (kind === OPEN) {
      if (++depth > maxDepth) return tooDeep(text, i, maxDepth);
    } else if (kind === CLOSE) {
      depth--;
    } else {
      const end = numberEnd(text, i);
      const short = end - i <= ALWAYS_EXACT_LENGTH && !hasExponent(text, i, end);
      if (!short && !isExact(text.slice(i, end))) return inexact(text, i, end);
      i = end - 1;
    }
  }
  return undefined;
}

/** What an ASCII character starts, for {@link scan}: one table look-up instead of a chain of comparisons. */
const OTHER = 0;
const STRING = 1;
const OPEN = 2;
const CLOSE = 3;
const NUMBER = 4;
const KIND = new Uint8Array(128);
KIND[QUOTE] = STRING;
KIND[OPEN_BRACE] = OPEN;
KIND[OPEN_BRACKET] = OPEN;
KIND[CLOSE_BRACE] = CLOSE;
KIND[CLOSE_BRACKET] = CLOSE;
KIND[MINUS] = NUMBER;
for (let c = ZERO; c <= NINE; c++) KIND[c] = NUMBER;

/** The index of the quote that closes the string opening at `start`, or -1 when it is never closed. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end > 0) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

function numberEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // digits, '.', 'e', 'E', '+', '-'
    if ((c >= ZERO && c <= NINE) || c === 46 || c === 101 || c === 69 || c === 43 || c === MINUS) i++;
    else break;
  }
  return i;
}

function hasExponent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 || c === 69) return true;
  }
  return false;
}

/** True when the double JSON.parse makes of `token` has exactly the token's decimal value. */
function isExact(token: string): boolean {
  const match = JSON_NUMBER.exec(token);
  if (!match) return true; // not a number: JSON.parse reports it
  const value = Number(token);
  if (!Number.isFinite(value)) return false;
  const [, sign, intPart, fraction = "", exponent = "0"] = match;
  const written = trimDecimal(sign + shiftDecimalPoint(`${intPart}.${fraction || "0"}`, Number(exponent)));
  return written === trimDecimal(numberToDecimalText(value));
}

function tooDeep(text: string, at: number, maxDepth: number): Diagnostic {
  return error("JSON_TOO_DEEP", pathAt(text, at), {
    zh: `JSON 嵌套过深：超过 ${maxDepth} 层的上限（位置 ${at}）`,
    en: `The JSON is nested too deeply: over the limit of ${maxDepth} levels (at position ${at})`,
  });
}

function inexact(text: string, start: number, end: number): Diagnostic {
  const token = end - start > 40 ? `${text.slice(start, start + 37)}…` : text.slice(start, end);
  return error("JSON_INEXACT_NUMBER", pathAt(text, start), {
    zh: `数字 ${token} 超出 JSON 数字能精确表示的位数，读取后会变成另一个数；请写成字符串（加引号），例如 "${token}"`,
    en: `The number ${token} has more digits than a JSON number holds exactly and would be read as another number; write it as a string (in quotes), e.g. "${token}"`,
  });
}

/** One level of the walk in {@link pathAt}: an array with its current index, or an object with its key. */
interface Frame {
  array: boolean;
  index: number;
  key: string;
  expectKey: boolean;
}

/**
 * The JSON path of the value at `position`, found by walking the text again with keys and indices: only
 * done for a diagnostic, so the common pass need not track them.
 */
function pathAt(text: string, position: number): string {
  const stack: Frame[] = [];
  for (let i = 0; i < position; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) break;
      if (top && !top.array && top.expectKey) top.key = readKey(text.slice(i, end + 1));
      i = end;
    } else if (c === OPEN_BRACE) stack.push({ array: false, index: 0, key: "", expectKey: true });
    else if (c === OPEN_BRACKET) stack.push({ array: true, index: 0, key: "", expectKey: false });
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) stack.pop();
    else if (c === COMMA && top) {
      if (top.array) top.index++;
      else top.expectKey = true;
    } else if (c === COLON && top) top.expectKey = false;
  }
  return formatPath(stack.map((frame) => (frame.array ? frame.index : frame.key)));
}

function readKey(quoted: string): string {
  try {
    const key = JSON.parse(quoted) as string;
    return key.length > 40 ? `${key.slice(0, 37)}…` : key;
  } catch {
    return "?";
  }
}
