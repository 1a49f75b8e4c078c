/**
 * The compiler's exact fast path: numeric sub-expressions compiled a second time, to closures that compute
 * on scaled integers (fixed.ts) instead of Decimals. Only the boolean roots use them — comparisons (with or
 * without `within`), `in` over numbers and `is present` — so no fast value ever leaves this path: a root
 * either answers from scaled integers or, when any part answers FALLBACK, evaluates its ordinary Decimal
 * closures, exactly as if there were no fast path. Expressions the fast path does not know (division,
 * host functions, `min`/`max`, …) have no fast form, and their roots only have the Decimal closures.
 *
 * Why: a line's `line.tax = line.amount × line.taxRate within tolerance.line` made four Decimals (two read
 * from the line's texts, a product, a difference) on every line; decimal.js was about 40% of a validation.
 */
import { isNumericField, readFieldFixed, readLineFieldFixed } from "./binding.js";
import type { Compiled, Env } from "./compile.js";
import {
  ABSENT,
  addFixed,
  compareFixed,
  decimalPlacesFixed,
  FALLBACK,
  fromDecimal,
  integerDigitsFixed,
  multiplyFixed,
  OK,
  reg,
  roundFixed,
  type Status,
} from "./fixed.js";
import { BUILTIN_FUNCTIONS } from "./functions/index.js";
import type { Field } from "./fields.js";
import { codePoints, gbkBytes } from "./functions/text.js";
import type { Node } from "./ir.js";
import type { RuleFunction } from "./registry.js";
import { Decimal, type Value } from "./values.js";

/** A fast closure: a status, and with OK the value in `reg`. */
export type Fast = (env: Env) => Status;

/** What the fast compiler needs from the ordinary one. */
export interface FastContext {
  /** The ordinary closure of a node (conditions, lists, line indexes are computed as usual). */
  sub(node: Node): Compiled;
  /** True when a node is computed once per document (compile.ts, loop-invariant hoisting). */
  hoisted(node: Node): boolean;
  /** Fast closures made so far in this compilation, so a node shared by several roots is compiled once. */
  fast: Map<Node, Fast | null>;
}

const builtin = (name: string) => BUILTIN_FUNCTIONS.find((f) => f.name === name)!;
const ABS = builtin("abs");
const ROUND = builtin("round");
const SUM = builtin("sum");
const DECIMAL_PLACES = builtin("decimalPlaces");
const INTEGER_DIGITS = builtin("integerDigits");
const LENGTH = builtin("length");
const GBK_LENGTH = builtin("gbkLength");
const COUNT = builtin("count");

/** The counts of `length`, `gbkLength` and `count` (functions/text.ts, functions/math.ts), without a Decimal. */
const COUNTS = new Map<RuleFunction, (value: Value) => number>([
  [LENGTH, (s) => codePoints(s as string)],
  [GBK_LENGTH, (s) => gbkBytes(s as string)],
  [COUNT, (list) => (list as Value[]).length],
]);

/**
 * The fast closure of a numeric expression, or undefined when it has none.
 * @example
 * const f = compileFast(checked, context);
 * f?.(env) === OK // reg.int / 10^reg.scale is the value
 */
export function compileFast(node: Node, c: FastContext): Fast | undefined {
  let f = c.fast.get(node);
  if (f === undefined) {
    const made = node.type === "number" ? fastNode(node, c) : undefined;
    f = made && c.hoisted(node) ? oncePerDocument(made) : (made ?? null);
    c.fast.set(node, f);
  }
  return f ?? undefined;
}

/**
 * The fast counterpart of compile.ts's `shareSubexpressions`: the nodes of a group (written alike in one
 * rule) share one fast closure, computed once per `for each` iteration.
 */
export function shareFast(group: Node[], c: FastContext, iteration: { n: number; epoch: number }): void {
  const made = fastNode(group[0]!, c);
  let shared: Fast | null = null;
  if (made) {
    let at = -1;
    let epoch = -1;
    let status: Status = OK;
    let int = 0;
    let scale = 0;
    shared = (env) => {
      if (at !== iteration.n || epoch !== iteration.epoch) {
        status = made(env);
        int = reg.int;
        scale = reg.scale;
        at = iteration.n;
        epoch = iteration.epoch;
      }
      reg.int = int;
      reg.scale = scale;
      return status;
    };
  }
  for (const node of group) c.fast.set(node, shared);
}

/** A numeric field of a line variable (`line.amount`), which parents read in place: no closure call per read. */
export interface LineRead {
  slot: number;
  field: Field;
}

export function lineRead(node: Node): LineRead | undefined {
  return node.k === "lineField" && node.line.k === "var" && isNumericField(node.field)
    ? { slot: node.line.slot, field: node.field }
    : undefined;
}

/** The value of a {@link LineRead} into `reg`. */
export function readLine(env: Env, read: LineRead): Status {
  const index = env.vars[read.slot];
  return index === undefined ? ABSENT : readLineFieldFixed(env.doc, index as number, read.field);
}

/** The fast counterpart of compile.ts's hoisting: the status and value of the last document. */
function oncePerDocument(f: Fast): Fast {
  let doc: unknown;
  let status: Status = OK;
  let int = 0;
  let scale = 0;
  return (env) => {
    if (env.doc !== doc) {
      status = f(env);
      int = reg.int;
      scale = reg.scale;
      doc = env.doc;
    }
    reg.int = int;
    reg.scale = scale;
    return status;
  };
}

/** A constant: converted once, when compiling. */
function constant(value: Value): Fast | undefined {
  if (value === undefined) return () => ABSENT;
  if (!(value instanceof Decimal) || !fromDecimal(value)) return undefined;
  const { int, scale } = reg;
  return () => {
    reg.int = int;
    reg.scale = scale;
    return OK;
  };
}

/**
 * A parameter: a run's values are one object for all its documents, so the value is looked up by name and
 * converted once per run.
 */
function parameter(name: string): Fast {
  let params: Env["ctx"]["params"] | undefined;
  let status: Status = FALLBACK;
  let int = 0;
  let scale = 0;
  return (env) => {
    if (env.ctx.params !== params) {
      params = env.ctx.params;
      const value = params[name];
      status = value === undefined ? ABSENT : value instanceof Decimal && fromDecimal(value) ? OK : FALLBACK;
      int = reg.int;
      scale = reg.scale;
    }
    reg.int = int;
    reg.scale = scale;
    return status;
  };
}

/** The places of `round(x, n)` when n is a literal, checked as functions/math.ts checks them; else undefined. */
function literalPlaces(node: Node | undefined): number | undefined {
  if (node?.k !== "const" || !(node.value instanceof Decimal)) return undefined;
  const n = node.value;
  return n.isInteger() && !n.isNegative() && n.lte(20) ? n.toNumber() : undefined;
}

function fastNode(node: Node, c: FastContext): Fast | undefined {
  switch (node.k) {
    case "const":
      return constant(node.value);
    case "param":
      return parameter(node.name);
    case "field": {
      const field = node.field;
      if (!isNumericField(field)) return undefined;
      return (env) => readFieldFixed(env.doc, field);
    }
    case "lineField": {
      const field = node.field;
      if (!isNumericField(field)) return undefined;
      if (node.line.k === "var") {
        const slot = node.line.slot;
        return (env) => {
          const index = env.vars[slot];
          return index === undefined ? ABSENT : readLineFieldFixed(env.doc, index as number, field);
        };
      }
      const line = c.sub(node.line);
      return (env) => {
        const index = line(env);
        return index === undefined ? ABSENT : readLineFieldFixed(env.doc, index as number, field);
      };
    }
    case "negate": {
      const x = compileFast(node.x, c);
      if (!x) return undefined;
      return (env) => {
        const s = x(env);
        if (s === OK) reg.int = 0 - reg.int;
        return s;
      };
    }
    case "arith": {
      if (node.op === "÷") return undefined;
      const a = compileFast(node.a, c);
      const b = compileFast(node.b, c);
      if (!a || !b) return undefined;
      const multiply = node.op === "×";
      const subtract = node.op === "-";
      // A literal on the right (`… + 2`), converted here.
      if (node.b.k === "const" && node.b.value instanceof Decimal && fromDecimal(node.b.value)) {
        const y = subtract ? 0 - reg.int : reg.int;
        const ys = reg.scale;
        return (env) => {
          const s = a(env);
          if (s !== OK) return s;
          return multiply ? multiplyFixed(reg.int, reg.scale, y, ys) : addFixed(reg.int, reg.scale, y, ys);
        };
      }
      const ra = lineRead(node.a);
      const rb = lineRead(node.b);
      return (env) => {
        let s = ra ? readLine(env, ra) : a(env);
        if (s !== OK) return s;
        const x = reg.int;
        const xs = reg.scale;
        s = rb ? readLine(env, rb) : b(env);
        if (s !== OK) return s;
        if (multiply) return multiplyFixed(x, xs, reg.int, reg.scale);
        return addFixed(x, xs, subtract ? 0 - reg.int : reg.int, reg.scale);
      };
    }
    case "if": {
      const cond = c.sub(node.c);
      const t = compileFast(node.t, c);
      const e = compileFast(node.e, c);
      if (!t || !e) return undefined;
      return (env) => {
        const v = cond(env);
        return v === true ? t(env) : v === false ? e(env) : ABSENT;
      };
    }
    case "call":
      return fastCall(node, c);
    default:
      return undefined;
  }
}

/** Built-in numeric functions of one argument whose result is computed from scaled integers. */
function fastCall(node: Extract<Node, { k: "call" }>, c: FastContext): Fast | undefined {
  const fn = node.fn;
  const [first, second] = node.args;
  if (!first) return undefined;
  if (fn === SUM) return fastSum(first, c);
  if (fn === ROUND) {
    const places = literalPlaces(second);
    const x = compileFast(first, c);
    if (places === undefined || !x) return undefined;
    return (env) => {
      const s = x(env);
      return s === OK ? roundFixed(reg.int, reg.scale, places) : s;
    };
  }
  if (node.args.length !== 1) return undefined;
  const count = COUNTS.get(fn);
  if (count) {
    const arg = c.sub(first);
    return (env) => {
      const v = arg(env);
      if (v === undefined) return ABSENT;
      // As the call would: a function that throws has no value.
      try {
        reg.int = count(v);
      } catch {
        return ABSENT;
      }
      reg.scale = 0;
      return OK;
    };
  }
  const x = compileFast(first, c);
  if (!x) return undefined;
  if (fn === ABS) {
    return (env) => {
      const s = x(env);
      if (s === OK && reg.int < 0) reg.int = -reg.int;
      return s;
    };
  }
  const read = lineRead(first);
  // Both count digits of the value and answer a whole number (scale 0).
  const digits =
    fn === DECIMAL_PLACES ? decimalPlacesFixed : fn === INTEGER_DIGITS ? integerDigitsFixed : undefined;
  if (!digits) return undefined;
  return (env) => {
    const s = read ? readLine(env, read) : x(env);
    if (s === OK) {
      reg.int = digits(reg.int, reg.scale);
      reg.scale = 0;
    }
    return s;
  };
}

/**
 * `sum(lines.amount)` and `sum(f(l) for each l in lines where …)`, accumulated without making the list:
 * missing when the list or any summed element is missing (functions/math.ts `sum`).
 */
function fastSum(arg: Node, c: FastContext): Fast | undefined {
  if (arg.k === "project") {
    const field = arg.field;
    if (!isNumericField(field)) return undefined;
    const list = c.sub(arg.list);
    return (env) => {
      const indexes = list(env) as number[] | undefined;
      if (indexes === undefined) return ABSENT;
      let total = 0;
      let scale = 0;
      for (let i = 0; i < indexes.length; i++) {
        const s = readLineFieldFixed(env.doc, indexes[i]!, field);
        if (s !== OK || addFixed(total, scale, reg.int, reg.scale) !== OK) return s === OK ? FALLBACK : s;
        total = reg.int;
        scale = reg.scale;
      }
      reg.int = total;
      reg.scale = scale;
      return OK;
    };
  }
  if (arg.k === "select" && arg.map) {
    const list = c.sub(arg.list);
    const where = arg.where && c.sub(arg.where);
    const map = compileFast(arg.map, c);
    if (!map) return undefined;
    const slot = arg.slot;
    return (env) => {
      const items = list(env) as Value[] | undefined;
      if (items === undefined) return ABSENT;
      let total = 0;
      let scale = 0;
      for (let i = 0; i < items.length; i++) {
        env.vars[slot] = items[i];
        if (where && where(env) !== true) continue;
        const s = map(env);
        if (s !== OK || addFixed(total, scale, reg.int, reg.scale) !== OK) return s === OK ? FALLBACK : s;
        total = reg.int;
        scale = reg.scale;
      }
      reg.int = total;
      reg.scale = scale;
      return OK;
    };
  }
  return undefined;
}

// ---- the roots: conditions answered from scaled integers ----

/**
 * A numeric comparison (`a op b`, `a = b within t`) on scaled integers, or undefined when an operand has no
 * fast form. Missing as the Decimal comparison is missing; anything the fast path cannot represent is
 * compared by `slow`, the Decimal closure of the same comparison.
 */
export function fastComparison(
  node: Extract<Node, { k: "compare" }>,
  test: (c: number) => boolean,
  slow: Compiled,
  c: FastContext,
): Compiled | undefined {
  const a = compileFast(node.a, c);
  const b = compileFast(node.b, c);
  if (!a || !b) return undefined;
  // A field of the line on the left (`line.taxRate = 0`) is read in place.
  const read = lineRead(node.a);
  if (node.tolerance) {
    const t = compileFast(node.tolerance, c);
    return t && within(read ? (env) => readLine(env, read) : a, b, t, slow);
  }
  // A literal on the right (`decimalPlaces(line.amount) ≤ 2`, `line.taxRate = 0`), converted here.
  if (node.b.k === "const" && node.b.value instanceof Decimal && fromDecimal(node.b.value)) {
    const y = reg.int;
    const ys = reg.scale;
    return (env) => {
      const s = read ? readLine(env, read) : a(env);
      if (s !== OK) return s === ABSENT ? undefined : slow(env);
      const order = compareFixed(reg.int, reg.scale, y, ys);
      return Number.isNaN(order) ? slow(env) : test(order);
    };
  }
  return (env) => {
    let s = read ? readLine(env, read) : a(env);
    if (s !== OK) return s === ABSENT ? undefined : slow(env);
    const x = reg.int;
    const xs = reg.scale;
    s = b(env);
    if (s !== OK) return s === ABSENT ? undefined : slow(env);
    const order = compareFixed(x, xs, reg.int, reg.scale);
    return Number.isNaN(order) ? slow(env) : test(order);
  };
}

/** `a = b within t`: |a − b| ≤ t (see `fastComparison`). */
function within(a: Fast, b: Fast, t: Fast, slow: Compiled): Compiled {
  return (env) => {
    let s = a(env);
    if (s !== OK) return s === ABSENT ? undefined : slow(env);
    const x = reg.int;
    const xs = reg.scale;
    s = b(env);
    if (s !== OK) return s === ABSENT ? undefined : slow(env);
    const y = reg.int;
    const ys = reg.scale;
    s = t(env);
    if (s !== OK) return s === ABSENT ? undefined : slow(env);
    const tolerance = reg.int;
    const ts = reg.scale;
    if (addFixed(x, xs, 0 - y, ys) !== OK) return slow(env);
    const difference = reg.int < 0 ? -reg.int : reg.int;
    const order = compareFixed(difference, reg.scale, tolerance, ts);
    return Number.isNaN(order) ? slow(env) : order <= 0;
  };
}

/**
 * `x in list` for a number `x`, or undefined when `x` has no fast form. The list is computed as usual (it
 * comes from a hoisted expression or a cached table, so the same array recurs from line to line) and its
 * elements are converted once per array.
 */
export function fastMembership(
  node: Extract<Node, { k: "in" }>,
  list: Compiled,
  slow: Compiled,
  c: FastContext,
): Compiled | undefined {
  const item = compileFast(node.item, c);
  if (!item) return undefined;
  const negated = node.negated;
  return (env) => {
    const s = item(env);
    if (s === FALLBACK) return slow(env);
    const l = list(env) as Value[] | undefined;
    if (s === ABSENT || l === undefined) return undefined;
    const x = reg.int;
    const xs = reg.scale;
    const elements = fixedList(l);
    if (elements === undefined) return slow(env);
    const { ints, scales } = elements;
    let found = false;
    for (let i = 0; i < ints.length; i++) {
      // Scale −1: a missing element, never equal.
      const scale = scales[i]!;
      if (scale < 0) continue;
      const order = compareFixed(x, xs, ints[i]!, scale);
      if (Number.isNaN(order)) return slow(env);
      if (order === 0) {
        found = true;
        break;
      }
    }
    return negated ? !found : found;
  };
}

interface FixedList {
  /** The elements converted (a list is used again only while it still holds these very values). */
  elements: Value[];
  ints: number[];
  /** −1 for a missing element. */
  scales: number[];
}
const fixedLists = new WeakMap<Value[], FixedList | null>();

/** A list of numbers as scaled integers, or undefined when an element is not representable. */
function fixedList(list: Value[]): FixedList | undefined {
  let out = fixedLists.get(list);
  // A host function may hand back the same array with other contents: then it is converted again.
  if (out && (out.elements.length !== list.length || out.elements.some((x, i) => x !== list[i])))
    out = undefined;
  if (out === undefined) {
    out = { elements: [...list], ints: [], scales: [] };
    for (const x of list) {
      if (x === undefined) {
        out.ints.push(0);
        out.scales.push(-1);
      } else if (x instanceof Decimal && fromDecimal(x)) {
        out.ints.push(reg.int);
        out.scales.push(reg.scale);
      } else {
        out = null;
        break;
      }
    }
    fixedLists.set(list, out);
  }
  return out ?? undefined;
}

/**
 * `x is present` / `x is missing` for a number: a numeric field is present exactly when its scaled integer
 * is (binding.ts reads both alike). Undefined when `x` has no fast form.
 */
export function fastPresence(
  node: Extract<Node, { k: "presence" }>,
  slow: Compiled,
  c: FastContext,
): Compiled | undefined {
  const x = compileFast(node.x, c);
  if (!x) return undefined;
  const present = node.present;
  return (env) => {
    const s = x(env);
    return s === FALLBACK ? slow(env) : (s === OK) === present;
  };
}
