/** Text functions: length in characters and in GBK bytes, regex match, starts/ends/contains. */
import { defineBuiltin, type RuleFunction } from "../registry.js";
import { wholeNumber } from "../values.js";
import { gbkByteLength } from "./gbk.js";
import { patternHazard } from "./pattern-safety.js";

/** Compiled patterns, shared across runs (patterns come from rule files, so there are few of them). */
const patterns = new Map<string, RegExp | null>();
const MAX_CACHED_PATTERNS = 1000;

/**
 * The regular expression of a pattern text (with the `u` flag), or null when it does not compile or could
 * backtrack catastrophically (pattern-safety.ts): such a pattern never runs, so the rule does not apply.
 */
export function pattern(source: string): RegExp | null {
  let re = patterns.get(source);
  if (re === undefined) {
    try {
      re = patternHazard(source) ? null : new RegExp(source, "u");
    } catch {
      re = null;
    }
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
    patterns.set(source, re);
  }
  return re;
}

/** Length in Unicode code points (a Chinese character or an emoji counts once). */
export function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** GBK byte lengths of texts with non-ASCII characters, shared across runs (drawers' names recur). */
const gbkLengths = new Map<string, number>();
const MAX_CACHED_LENGTHS = 1000;

/** GBK byte length: ASCII is one byte, so only texts with other characters need encoding. */
export function gbkBytes(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is exactly what is meant
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  let n = gbkLengths.get(text);
  if (n === undefined) {
    n = gbkByteLength(text);
    // Short texts only: a 10 MB remark is measured each time rather than kept.
    if (text.length <= 256) {
      if (gbkLengths.size >= MAX_CACHED_LENGTHS) gbkLengths.clear();
      gbkLengths.set(text, n);
    }
  }
  return n;
}

export const textFunctions: RuleFunction[] = [
  defineBuiltin({
    name: "length",
    signature: "text -> number",
    summary: { zh: "字符数", en: "Length in characters" },
    direct: (s) => wholeNumber(codePoints(s as string)),
  }),
  defineBuiltin({
    name: "gbkLength",
    signature: "text -> number",
    summary: { zh: "GBK 编码的字节数（汉字计 2）", en: "Length in GBK bytes (a Chinese character is 2)" },
    direct: (s) => wholeNumber(gbkBytes(s as string)),
  }),
  defineBuiltin({
    name: "matches",
    signature: "text, text -> boolean",
    summary: { zh: "是否符合正则表达式", en: "Matches a regular expression" },
    direct: (s, p) => {
      const re = pattern(p as string);
      return re === null ? undefined : re.test(s as string);
    },
    check: ([, p]) => {
      if (typeof p !== "string") return undefined;
      const hazard = patternHazard(p);
      if (hazard) {
        return {
          zh: `正则表达式 “${p}” 可能发生灾难性回溯（第 ${hazard.offset + 1} 个字符起的 “${hazard.part}”：${hazard.reason.zh}），长文本会使校验停顿；请改写，例如用 ^a+$ 代替 ^(a+)+$`,
          en: `The regular expression "${p}" can backtrack catastrophically ("${hazard.part}" at character ${hazard.offset + 1}: ${hazard.reason.en}), which stalls validation on long texts; rewrite it, e.g. ^a+$ for ^(a+)+$`,
        };
      }
      return pattern(p) === null
        ? { zh: `正则表达式 “${p}” 无效`, en: `The regular expression "${p}" is invalid` }
        : undefined;
    },
  }),
  defineBuiltin({
    name: "startsWith",
    signature: "text, text -> boolean",
    summary: { zh: "是否以某文本开头", en: "Starts with a text" },
    direct: (s, p) => (s as string).startsWith(p as string),
  }),
  defineBuiltin({
    name: "endsWith",
    signature: "text, text -> boolean",
    summary: { zh: "是否以某文本结尾", en: "Ends with a text" },
    direct: (s, p) => (s as string).endsWith(p as string),
  }),
  defineBuiltin({
    name: "contains",
    signature: "text, text -> boolean",
    summary: { zh: "是否包含某文本", en: "Contains a text" },
    direct: (s, p) => (s as string).includes(p as string),
  }),
];
