/**
 * Which regular expressions may run on documents: JavaScript's engine backtracks, so a pattern such as
 * `^(a+)+$` takes exponential time on a long remark ("aaaa…b") and hangs validation. Rule files are
 * written by people, and patterns can come from parameters, so every pattern is checked before it is used:
 * literal ones when the rule file is compiled (a checker error with the offending part), others when first
 * used (the rule then does not apply).
 *
 * Refused, because each lets the engine try exponentially many — or a power of the text's length — ways
 * to split the same text before failing (measured: `^\d+\d+\d+$` takes 24 s on 3,000 digits and an `x`,
 * `^\s*\s*$` a third of a second on 10,000 spaces and an `x`):
 * 1. a repetition inside a repetition, where the inner one can match a varying length: `(a+)+`,
 *    `(\w+\s?)*`, `(a{1,3})+` (a fixed count such as `(\d{3})+` is fine: it splits only one way);
 * 2. alternatives under a repetition that can begin with the same character: `(a|ab)*`, `(\d|\w)+`;
 * 3. a backreference under a repetition: `((a)\2)+`;
 * 4. two or more unbounded repetitions in a row, each able to take what the next begins with, with
 *    nothing compulsory between them, when something after them can still fail: `^\s*\s*$`, `^.*.*x`.
 *    A pattern neither anchored with `^` nor starting with fixed text begins with an implicit one (the
 *    engine tries every starting position), so `\d+元` counts as two: anchor it on fixed text
 *    (`合计\d+元`) or with `^`.
 *
 * The analysis is conservative: a few harmless patterns are refused too, and can always be rewritten
 * without nesting (`^a+$` for `^(a+)+$`, `(ab?)*` for `(a|ab)*`).
 */
import { type AST, RegExpParser } from "@eslint-community/regexpp";
import type { Words } from "../lexer.js";

/** Why a pattern is refused: the offending part of it and where it starts (0-based, in the pattern). */
export interface PatternHazard {
  part: string;
  offset: number;
  reason: Words;
}

/** Sorted, disjoint, inclusive code-point ranges. */
type CharSet = readonly (readonly [number, number])[];

const MAX_CODE_POINT = 0x10ffff;
const ALL: CharSet = [[0, MAX_CODE_POINT]];
const NONE: CharSet = [];

function union(a: CharSet, b: CharSet): CharSet {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(a: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of a) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [alo, ahi] = a[i]!;
    const [blo, bhi] = b[j]!;
    if (ahi < blo) i++;
    else if (bhi < alo) j++;
    else return true;
  }
  return false;
}

const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
// \s: the ECMAScript WhiteSpace and LineTerminator code points
const SPACE: CharSet = union(
  [
    [0x09, 0x0d],
    [0x20, 0x20],
    [0xa0, 0xa0],
    [0x1680, 0x1680],
    [0x2000, 0x200a],
    [0x2028, 0x2029],
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x3000, 0x3000],
    [0xfeff, 0xfeff],
  ],
  NONE,
);
const LINE_TERMINATORS: CharSet = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];

type Node = AST.Node;

/** The characters one element can match, when it matches one character; ALL when unknown. */
function charSetOf(node: Node): CharSet {
  switch (node.type) {
    case "Character":
      return [[node.value, node.value]];
    case "CharacterClassRange":
      return [[node.min.value, node.max.value]];
    case "CharacterSet": {
      if (node.kind === "any") return complement(LINE_TERMINATORS);
      if (node.kind === "digit" || node.kind === "space" || node.kind === "word") {
        const set = node.kind === "digit" ? DIGIT : node.kind === "space" ? SPACE : WORD;
        return node.negate ? complement(set) : set;
      }
      return ALL; // Unicode properties: not worth tabulating, assume anything
    }
    case "CharacterClass": {
      if (node.unicodeSets) return ALL;
      let set: CharSet = NONE;
      for (const element of node.elements) set = union(set, charSetOf(element));
      return node.negate ? complement(set) : set;
    }
    default:
      return ALL;
  }
}

/** Whether the node can match the empty text. */
function nullable(node: Node): boolean {
  switch (node.type) {
    case "Alternative":
      return node.elements.every(nullable);
    case "Group":
    case "CapturingGroup":
    case "Pattern":
      return node.alternatives.some(nullable);
    case "Quantifier":
      return node.min === 0 || nullable(node.element);
    case "Assertion":
    case "Backreference":
      return true;
    default:
      return false;
  }
}

/** The characters a match of the node can begin with. */
function firstOf(node: Node): CharSet {
  switch (node.type) {
    case "Alternative": {
      let set: CharSet = NONE;
      for (const element of node.elements) {
        set = union(set, firstOf(element));
        if (!nullable(element)) break;
      }
      return set;
    }
    case "Group":
    case "CapturingGroup":
    case "Pattern":
      return node.alternatives.reduce<CharSet>((set, alt) => union(set, firstOf(alt)), NONE);
    case "Quantifier":
      return firstOf(node.element);
    case "Assertion":
      return NONE;
    case "Backreference":
      return ALL;
    default:
      return charSetOf(node);
  }
}

/** Every character a match of the node can contain. */
function charsOf(node: Node): CharSet {
  switch (node.type) {
    case "Alternative":
      return node.elements.reduce<CharSet>((set, e) => union(set, charsOf(e)), NONE);
    case "Group":
    case "CapturingGroup":
    case "Pattern":
      return node.alternatives.reduce<CharSet>((set, alt) => union(set, charsOf(alt)), NONE);
    case "Quantifier":
      return charsOf(node.element);
    case "Assertion":
      return NONE;
    case "Backreference":
      return ALL;
    default:
      return charSetOf(node);
  }
}

/** Every node below `node` (itself included), depth first. */
function* descendants(node: Node): Generator<Node> {
  yield node;
  switch (node.type) {
    case "Pattern":
    case "Group":
    case "CapturingGroup":
      for (const alt of node.alternatives) yield* descendants(alt);
      break;
    case "Assertion":
      if (node.kind === "lookahead" || node.kind === "lookbehind")
        for (const alt of node.alternatives) yield* descendants(alt);
      break;
    case "Alternative":
      for (const element of node.elements) yield* descendants(element);
      break;
    case "Quantifier":
      yield* descendants(node.element);
      break;
  }
}

const repeats = (q: AST.Quantifier) => q.max >= 2;
const varies = (q: AST.Quantifier) => q.max >= 2 && q.min !== q.max;
const unbounded = (node: Node): node is AST.Quantifier => node.type === "Quantifier" && node.max === Infinity;

/** The first hazard of rules 1–3 under one repetition, if any. */
function nestedHazard(outer: AST.Quantifier): PatternHazard | undefined {
  const at = (reason: Words): PatternHazard => ({ part: outer.raw, offset: outer.start, reason });
  for (const node of descendants(outer.element)) {
    if (node.type === "Quantifier" && varies(node)) {
      return at({
        zh: `重复之中又有长度可变的重复（“${node.raw}”）`,
        en: `a repetition of varying length ("${node.raw}") inside a repetition`,
      });
    }
    if ((node.type === "Group" || node.type === "CapturingGroup") && node.alternatives.length > 1) {
      const firsts = node.alternatives.map(firstOf);
      for (let i = 0; i < firsts.length; i++) {
        for (let j = i + 1; j < firsts.length; j++) {
          if (overlaps(firsts[i]!, firsts[j]!)) {
            return at({
              zh: `重复之中的选择项“${node.alternatives[i]!.raw}”与“${node.alternatives[j]!.raw}”可以以同一个字符开头`,
              en: `under a repetition, the alternatives "${node.alternatives[i]!.raw}" and "${node.alternatives[j]!.raw}" can begin with the same character`,
            });
          }
        }
      }
    }
    if (node.type === "Backreference") {
      return at({
        zh: `重复之中有反向引用（“${node.raw}”）`,
        en: `a backreference ("${node.raw}") inside a repetition`,
      });
    }
  }
  return undefined;
}

/**
 * Rule 4 in one sequence: the longest chain of overlapping unbounded repetitions with only optional parts
 * between. In a top-level alternative (`top`) a chain matters only when something after it can still fail
 * (a compulsory part or an assertion such as `$`): otherwise the first way the chain matches is a match.
 */
function chainHazard(alt: AST.Alternative, top: boolean, implicitStart: boolean): PatternHazard | undefined {
  const elements = alt.elements;
  // longest[i], end[i]: the longest chain starting at element i (an unbounded repetition), and its last element
  const longest = new Array<number>(elements.length).fill(0);
  const end = new Array<number>(elements.length).fill(0);
  for (let i = elements.length - 1; i >= 0; i--) {
    const here = elements[i]!;
    if (!unbounded(here)) continue;
    longest[i] = 1;
    end[i] = i;
    const chars = charsOf(here);
    for (let j = i + 1; j < elements.length; j++) {
      const next = elements[j]!;
      if (unbounded(next) && overlaps(chars, firstOf(next)) && 1 + longest[j]! > longest[i]!) {
        longest[i] = 1 + longest[j]!;
        end[i] = end[j]!;
      }
      if (!nullable(next)) break;
    }
  }
  const canFailAfter = (k: number) =>
    !top || elements.slice(k + 1).some((e) => e.type === "Assertion" || !nullable(e));
  for (let i = 0; i < elements.length; i++) {
    // The implicit `[\s\S]*?` of an unanchored pattern overlaps a first repetition reached through optional parts.
    const reached = implicitStart && longest[i]! > 0 && elements.slice(0, i).every(nullable);
    const chain = longest[i]! + (reached ? 1 : 0);
    if (chain >= 2 && canFailAfter(end[i]!)) {
      const part = elements
        .slice(i, end[i]! + 2)
        .map((e) => e.raw)
        .join("");
      return {
        part,
        offset: elements[i]!.start,
        reason: reached
          ? {
              zh: "未以 ^ 锚定、也不以固定文字开头的模式从每个位置开始尝试，其后无上限的重复与之重叠（耗时随文本长度的平方增长）；请以 ^ 锚定或以固定文字开头",
              en: "a pattern neither anchored with ^ nor starting with fixed text is tried from every position, and the unbounded repetition after that overlaps it (time grows with the square of the text's length); anchor it with ^ or start with fixed text",
            }
          : {
              zh: `${chain} 个无上限的重复相连且可匹配相同字符（耗时随文本长度的 ${chain} 次方增长）`,
              en: `${chain} unbounded repetitions in a row that can match the same characters (time grows with the text's length to the power ${chain})`,
            },
      };
    }
  }
  return undefined;
}

/**
 * The first reason this pattern could take exponential (or high polynomial) time, or undefined when it is
 * safe to run on long texts. A pattern that does not parse has no hazard (it is reported as invalid).
 * @example
 * patternHazard("^(a+)+$")?.part // "(a+)+"
 * patternHazard("^\\d{18}$")     // undefined
 */
export function patternHazard(source: string): PatternHazard | undefined {
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: true });
  } catch {
    return undefined;
  }
  for (const node of descendants(ast)) {
    if (node.type === "Quantifier" && repeats(node)) {
      const hazard = nestedHazard(node);
      if (hazard) return hazard;
    }
  }
  for (const node of descendants(ast)) {
    if (node.type !== "Alternative") continue;
    // Only the top-level alternatives of the pattern begin at an arbitrary position.
    const anchored = node.elements[0]?.type === "Assertion" && node.elements[0].kind === "start";
    const top = node.parent.type === "Pattern";
    const hazard = chainHazard(node, top, top && !anchored);
    if (hazard) return hazard;
  }
  return undefined;
}
