/**
 * The compiler: IR → closures. Each node becomes one small function of the environment, built once per
 * rule file; validating a document only calls them, never re-parses or walks a tree. Missing values
 * spread as LANGUAGE.md §4 says (Kleene logic for and/or, quantifiers; missing operands make arithmetic,
 * comparisons and calls missing). With a `Trace`, every closure also records its value — the example
 * runner's "values of the failing expression".
 */
import { type DocView, rawField, rawLineField, readField, readLineField } from "./binding.js";
import { lineSlot, type TemplateIR } from "./checker.js";
import {
  type FastContext,
  fastComparison,
  fastMembership,
  fastPresence,
  shareFast,
} from "./compile-fixed.js";
import { BUILTIN_FUNCTIONS } from "./functions/index.js";
import { pattern } from "./functions/text.js";
import { children, type Node } from "./ir.js";
import { type Direct, directOf, type RunContext } from "./registry.js";
import { isList, type Type, unify } from "./types.js";
import { countOf, Decimal, numberText, type Value, wholeNumber } from "./values.js";

/** What compiled code runs against: the document, the variable slots, the run context. */
export interface Env {
  doc: DocView;
  vars: Value[];
  ctx: RunContext;
}

export type Compiled = (env: Env) => Value;

/** Receives every sub-expression's value during a traced evaluation. */
export interface Trace {
  record(node: Node, value: Value): void;
}

/**
 * Compiles an expression.
 * @example
 * const f = compileExpr(checkedNode);
 * f({ doc: viewOf(invoice), vars: [], ctx }) // a Decimal, a string, a boolean, a list, or undefined (missing)
 */
export function compileExpr(node: Node, trace?: Trace): Compiled {
  if (trace) {
    const f = compileNode(node, trace);
    return (env) => {
      const value = f(env);
      trace.record(node, value);
      return value;
    };
  }
  if (!session) return compiling(() => compileExpr(node));
  // Within a compilation a node is compiled once: the fast path (compile-fixed.ts) asks for closures of nodes
  // the ordinary path has compiled too, and nested roots would otherwise compile their parts again at
  // every level.
  let f = session.closures.get(node);
  if (!f) {
    f = compileNode(node, undefined);
    if (hoisted(node)) f = oncePerDocument(f);
    session.closures.set(node, f);
  }
  return f;
}

/**
 * The closures made so far in one compilation (a rule: its guard, assertion, path and messages). Sharing a
 * closure between parents is safe: closures keep no state across calls but per-document and per-line
 * memos. Kept for one compilation only — maps from every node ever compiled would weigh on every garbage
 * collection.
 */
let session:
  | (FastContext & { closures: Map<Node, Compiled>; free: Map<Node, ReadonlySet<number>> })
  | undefined;

/** Runs `f` as one compilation (see `session`), or as part of the one under way. */
export function compiling<T>(f: () => T): T {
  if (session) return f();
  session = {
    closures: new Map(),
    fast: new Map(),
    free: new Map(),
    sub: (node) => compileExpr(node),
    hoisted,
  };
  try {
    return f();
  } finally {
    session = undefined;
  }
}

/** The fast-path compiler's view of this one (compile-fixed.ts). */
function fastContext(): FastContext {
  return session ?? { fast: new Map(), sub: (node) => compileExpr(node), hoisted };
}

/**
 * The `for each … where` selections made so far while compiling a pack (see `compileSelection`), by the
 * text of their list and condition.
 */
let selections: Map<string, { list: Node; where: Node; slot: number; lines: Compiled }[]> | undefined;

/** Runs `f` as the compilation of one pack, whose rules share their `for each … where` selections. */
export function compilingPack<T>(f: () => T): T {
  if (selections) return f();
  selections = new Map();
  try {
    return f();
  } finally {
    selections = undefined;
  }
}

/**
 * The elements of a `for each` list that its `where` selects, computed once per document and shared by the
 * rules of a pack that write the same `for each … where` (six discount rules select `line.nature =
 * "discount"`): each rule then visits only its lines, not every line to test them again. Only for a list
 * that reads no variable and a condition that reads no variable but the line; undefined otherwise.
 */
export function compileSelection(list: Node, where: Node, slot: number): Compiled | undefined {
  return compiling(() => {
    if (freeVariables(list).size > 0 || [...freeVariables(where)].some((v) => v !== slot)) return undefined;
    const key = `${list.text}\u0000${where.text}`;
    const known = selections
      ?.get(key)
      ?.find((s) => s.slot === slot && sameStructure(s.list, list) && sameStructure(s.where, where));
    if (known) return known.lines;
    const items = compileExpr(list);
    const test = compileExpr(where);
    const lines = oncePerDocument((env) => {
      const all = items(env) as Value[] | undefined;
      if (all === undefined) return undefined;
      const out: Value[] = [];
      for (let i = 0; i < all.length; i++) {
        env.vars[slot] = all[i];
        nextIteration();
        if (test(env) === true) out.push(all[i]);
      }
      return out;
    });
    const same = selections?.get(key);
    if (same) same.push({ list, where, slot, lines });
    else selections?.set(key, [{ list, where, slot, lines }]);
    return lines;
  });
}

/** True when a node's value is computed once per document. */
function hoisted(node: Node): boolean {
  return HOISTED.has(node.k) && freeVariables(node).size === 0;
}

/**
 * The `for each` iteration being evaluated: rule.ts counts every line of every rule, so a value remembered
 * with the count is the value for this line of this rule and of no other.
 */
export const ITERATION = { n: 0, epoch: 0 };

/** Moves to the next iteration. The count stays a small integer: past 2³⁰ it starts again in a new epoch. */
export function nextIteration(): void {
  if (++ITERATION.n > 0x3fffffff) {
    ITERATION.n = 0;
    ITERATION.epoch++;
  }
}

/** Kinds worth computing once per line when a rule writes them more than once. */
const SHAREABLE = new Set<Node["k"]>([
  "call",
  "arith",
  "compare",
  "in",
  "if",
  "quantifier",
  "select",
  "project",
]);

/**
 * Common subexpressions of a `for each` rule: a sub-expression its `where` and `assert` write more than once
 * (`decimalPlaces(line.quantity)` three times in FP-DEC-03) is computed once per line. Only expressions
 * that read no variable but the rule's line are shared (an expression inside `every x in …` that reads `x`
 * changes within the line); fields and literals are cheaper to read again than to remember.
 */
export function shareSubexpressions(roots: (Node | undefined)[], lineSlot: number): void {
  compiling(() => share(roots, lineSlot));
}

function share(roots: (Node | undefined)[], lineSlot: number): void {
  const c = session!;
  // Candidates are found by their source text (cheap), then split by structure, so that only expressions
  // written alike and meaning alike share a closure.
  const written = new Map<string, Node[]>();
  const visit = (node: Node): void => {
    if (SHAREABLE.has(node.k)) {
      const key = `${node.k} ${node.text}`;
      const same = written.get(key);
      if (same) same.push(node);
      else written.set(key, [node]);
    }
    for (const child of children(node)) visit(child);
  };
  for (const root of roots) if (root) visit(root);
  const repeated: Node[][] = [];
  for (const same of written.values()) {
    if (same.length < 2) continue;
    const groups: Node[][] = [];
    for (const node of same) {
      const free = freeVariables(node);
      if (free.size !== 1 || !free.has(lineSlot)) continue;
      const group = groups.find((g) => sameStructure(g[0]!, node));
      if (group) group.push(node);
      else groups.push([node]);
    }
    for (const group of groups) if (group.length > 1) repeated.push(group);
  }
  // Inner expressions first, so an outer one's closures call the inner ones' shared closures.
  repeated.sort((a, b) => size(a[0]!) - size(b[0]!));
  for (const group of repeated) {
    const ordinary = compileNode(group[0]!, undefined);
    let at = -1;
    let epoch = -1;
    let value: Value;
    const once: Compiled = (env) => {
      if (at !== ITERATION.n || epoch !== ITERATION.epoch) {
        value = ordinary(env);
        at = ITERATION.n;
        epoch = ITERATION.epoch;
      }
      return value;
    };
    for (const node of group) c.closures.set(node, once);
    shareFast(group, c, ITERATION);
  }
}

/** True when two expressions are the same tree (same kinds, fields, functions, literals, slots). */
function sameStructure(a: Node, b: Node): boolean {
  if (a.k !== b.k || nodeKey(a) !== nodeKey(b)) return false;
  const x = children(a);
  const y = children(b);
  return x.length === y.length && x.every((child, i) => sameStructure(child, y[i]!));
}

/** A node's own part of its structural key (what distinguishes it from another node of its kind). */
function nodeKey(node: Node): string {
  switch (node.k) {
    case "const":
      return `const ${constantKey(node.value)}`;
    case "var":
      return `var ${node.slot}`;
    case "field":
    case "lineField":
    case "project":
      return `${node.k} ${node.field.slot}`;
    case "neighbour":
      return `neighbour ${node.offset}`;
    case "param":
      return `param ${JSON.stringify(node.name)}`;
    case "call":
      return `call ${JSON.stringify(node.fn.name)}`;
    case "arith":
    case "logical":
      return `${node.k} ${node.op}`;
    case "compare":
      return `compare ${node.op} ${node.tolerance ? "within" : ""}`;
    case "in":
      return `in ${node.negated}`;
    case "presence":
      return `presence ${node.present}`;
    case "quantifier":
      return `quantifier ${node.every} ${node.slot} ${node.where ? "where" : ""}`;
    case "select":
      return `select ${node.slot} ${node.where ? "where" : ""} ${node.map ? "map" : ""}`;
    default:
      return node.k;
  }
}

/** A literal's value with its type: the number 1 and the text "1" differ. */
function constantKey(value: Value): string {
  if (value instanceof Decimal) return `n${value.toString()}`;
  if (Array.isArray(value)) return `[${value.map(constantKey).join(",")}]`;
  return value === undefined ? "-" : `${typeof value} ${JSON.stringify(value)}`;
}

function size(node: Node): number {
  let n = 1;
  for (const child of children(node)) n += size(child);
  return n;
}

/** Kinds worth computing once per document when they do not depend on a variable. */
const HOISTED = new Set<Node["k"]>(["call", "arith", "quantifier", "select", "project", "list", "in"]);

/**
 * Loop-invariant hoisting: an expression that reads no variable (`vatRates(issueDate)`, `sum(lines.tax)`)
 * has one value per document, however many lines a `for each` visits, so it is computed once per
 * validation. The memo keeps the last document's view, which each validation makes anew.
 */
function oncePerDocument(f: Compiled): Compiled {
  let doc: DocView | undefined;
  let value: Value;
  return (env) => {
    if (env.doc !== doc) {
      value = f(env);
      doc = env.doc;
    }
    return value;
  };
}

/** The variable slots an expression reads that it does not bind itself (computed once per node and compilation). */
function freeVariables(node: Node): ReadonlySet<number> {
  const freeCache = session?.free ?? new Map<Node, ReadonlySet<number>>();
  let free = freeCache.get(node);
  if (free) return free;
  const out = new Set<number>();
  if (node.k === "var") out.add(node.slot);
  for (const child of children(node)) {
    for (const slot of freeVariables(child)) {
      // A quantifier or selection binds its slot for everything but its list.
      if ((node.k === "quantifier" || node.k === "select") && slot === node.slot && child !== node.list)
        continue;
      out.add(slot);
    }
  }
  free = out;
  freeCache.set(node, free);
  return free;
}

function compileNode(node: Node, trace: Trace | undefined): Compiled {
  const sub = (n: Node) => compileExpr(n, trace);
  switch (node.k) {
    case "const": {
      const value = node.value;
      return () => value;
    }
    case "var": {
      const slot = node.slot;
      return (env) => env.vars[slot];
    }
    case "field": {
      const field = node.field;
      return (env) => readField(env.doc, field);
    }
    case "lineField": {
      const field = node.field;
      // The common case, a field of a bound line (`line.amount`), reads the slot directly: field reads are
      // the most frequent operation of a validation.
      if (node.line.k === "var" && !trace) {
        const slot = node.line.slot;
        return (env) => {
          const index = env.vars[slot];
          return index === undefined ? undefined : readLineField(env.doc, index as number, field);
        };
      }
      const line = sub(node.line);
      return (env) => {
        const index = line(env);
        return index === undefined ? undefined : readLineField(env.doc, index as number, field);
      };
    }
    case "neighbour": {
      const line = sub(node.line);
      const offset = node.offset;
      return (env) => {
        const index = line(env);
        if (index === undefined) return undefined;
        const next = (index as number) + offset;
        return next >= 0 && next < env.doc.lines.length ? next : undefined;
      };
    }
    case "project": {
      const list = sub(node.list);
      const field = node.field;
      return (env) => {
        const indexes = list(env) as number[] | undefined;
        return indexes?.map((i) => readLineField(env.doc, i, field));
      };
    }
    case "param": {
      const name = node.name;
      // A run's parameter values are one object for all its documents: looked up by name once per run.
      let params: RunContext["params"] | undefined;
      let value: Value;
      return (env) => {
        if (env.ctx.params !== params) {
          params = env.ctx.params;
          value = params[name];
        }
        return value;
      };
    }
    case "tableVersion":
      return (env) => env.ctx.codes.version;
    case "call":
      return compileCall(node, sub, trace);
    case "negate": {
      const x = sub(node.x);
      return (env) => {
        const v = x(env);
        return v === undefined ? undefined : (v as Decimal).neg();
      };
    }
    case "not": {
      const x = sub(node.x);
      return (env) => {
        const v = x(env);
        return v === undefined ? undefined : !v;
      };
    }
    case "arith":
      return compileArithmetic(node.op, sub(node.a), sub(node.b));
    case "logical":
      return compileLogical(node.op, sub(node.a), sub(node.b));
    case "compare":
      return compileCompare(node, sub, trace);
    case "in": {
      const item = sub(node.item);
      const list = sub(node.list);
      const negated = node.negated;
      const numeric = node.item.type === "number";
      const slow: Compiled = (env) => {
        const v = item(env);
        const l = list(env) as Value[] | undefined;
        if (v === undefined || l === undefined) return undefined;
        const found = numeric
          ? l.some((x) => x !== undefined && (x as Decimal).eq(v as Decimal))
          : l.includes(v);
        return negated ? !found : found;
      };
      if (trace) return slow;
      const fast = numeric && fastMembership(node, list, slow, fastContext());
      if (fast) return fast;
      // A text in a list of literals (`line.policy in ["03", "04"]`): the literals, without making the list.
      if (!numeric && node.list.k === "list" && node.list.items.every((i) => i.k === "const")) {
        const values = node.list.items.map((i) => (i.k === "const" ? i.value : undefined));
        return (env) => {
          const v = item(env);
          return v === undefined ? undefined : values.includes(v) !== negated;
        };
      }
      return slow;
    }
    case "presence": {
      const x = sub(node.x);
      const present = node.present;
      const slow: Compiled = (env) => (x(env) !== undefined) === present;
      return (!trace && fastPresence(node, slow, fastContext())) || slow;
    }
    case "if": {
      const c = sub(node.c);
      const t = sub(node.t);
      const e = sub(node.e);
      return (env) => {
        const cond = c(env);
        return cond === true ? t(env) : cond === false ? e(env) : undefined;
      };
    }
    case "quantifier":
      return compileQuantifier(node, sub);
    case "select": {
      const list = sub(node.list);
      const where = node.where && sub(node.where);
      const map = node.map && sub(node.map);
      const slot = node.slot;
      return (env) => {
        const items = list(env) as Value[] | undefined;
        if (items === undefined) return undefined;
        const out: Value[] = [];
        for (const item of items) {
          env.vars[slot] = item;
          if (where && where(env) !== true) continue;
          out.push(map ? map(env) : item);
        }
        return out;
      };
    }
    case "list": {
      const items = node.items.map(sub);
      return (env) => items.map((f) => f(env));
    }
  }
}

const MATCHES = BUILTIN_FUNCTIONS.find((f) => f.name === "matches")!;

function compileCall(
  node: Extract<Node, { k: "call" }>,
  sub: (n: Node) => Compiled,
  trace: Trace | undefined,
): Compiled {
  // `matches(text, "literal")` — most patterns are literals: the expression is found once, here, not looked
  // up by its text on every call.
  const literal = node.args[1]?.k === "const" ? node.args[1].value : undefined;
  if (node.fn === MATCHES && typeof literal === "string" && !trace) {
    const re = pattern(literal);
    const text = sub(node.args[0]!);
    return (env) => {
      const s = text(env);
      if (s === undefined || re === null) return undefined;
      try {
        return re.test(s as string);
      } catch {
        return undefined;
      }
    };
  }
  const { impl } = node.fn;
  const acceptsMissing = node.fn.acceptsMissing === true;
  const args = node.args.map(sub);
  const direct = directOf(node.fn);
  if (direct && !acceptsMissing && (args.length === 1 || args.length === 2))
    return directCall(direct, args, trace ? undefined : literal);
  // Built-in functions never keep their argument array, so each call site reuses one instead of making an
  // array per call (per line, per rule). Host functions get a fresh array every time.
  const reuse = BUILTIN_FUNCTIONS.includes(node.fn);
  const shared: Value[] = new Array(args.length);
  const invoke = (values: Value[], env: Env): Value => {
    // A throwing host function must not abort validation: its result counts as missing.
    try {
      return impl(reuse ? values : [...values], env.ctx);
    } catch {
      return undefined;
    }
  };
  if (args.length === 1) {
    const a = args[0]!;
    return (env) => {
      const x = a(env);
      if (x === undefined && !acceptsMissing) return undefined;
      shared[0] = x;
      return invoke(shared, env);
    };
  }
  if (args.length === 2) {
    const [a, b] = args as [Compiled, Compiled];
    return (env) => {
      const x = a(env);
      if (x === undefined && !acceptsMissing) return undefined;
      const y = b(env);
      if (y === undefined && !acceptsMissing) return undefined;
      shared[0] = x;
      shared[1] = y;
      return invoke(shared, env);
    };
  }
  return (env) => {
    const values: Value[] = [];
    for (const f of args) {
      const v = f(env);
      if (v === undefined && !acceptsMissing) return undefined;
      values.push(v);
    }
    return invoke(values, env);
  };
}

/**
 * A call of a built-in of one or two arguments (registry.ts `defineBuiltin`): the arguments go straight to
 * the implementation. Missing arguments make the call missing; built-ins do not accept them.
 */
function directCall(direct: Direct, args: Compiled[], literal: Value): Compiled {
  const a = args[0]!;
  if (args.length === 2 && literal !== undefined) {
    // A literal second argument (`startsWith(line.itemName, "*")`) is passed as it is.
    return (env) => {
      const x = a(env);
      if (x === undefined) return undefined;
      try {
        return direct(x, literal, env.ctx);
      } catch {
        return undefined;
      }
    };
  }
  if (args.length === 1) {
    return (env) => {
      const x = a(env);
      if (x === undefined) return undefined;
      try {
        return direct(x, undefined, env.ctx);
      } catch {
        return undefined;
      }
    };
  }
  const b = args[1]!;
  return (env) => {
    const x = a(env);
    if (x === undefined) return undefined;
    const y = b(env);
    if (y === undefined) return undefined;
    try {
      return direct(x, y, env.ctx);
    } catch {
      return undefined;
    }
  };
}

/**
 * Sums of counts (`length(a) + length(b) + 2`, `integerDigits(x) + decimalPlaces(x)`) are whole numbers below
 * 1025 on both sides: added as integers — exactly — they skip decimal.js, which a per-line rule would
 * otherwise call on every line. Anything else, money and rates above all, goes through Decimal.
 */
function plus(x: Decimal, y: Decimal): Decimal {
  const i = countOf(x);
  const j = i === undefined ? undefined : countOf(y);
  return j === undefined ? x.plus(y) : wholeNumber(i! + j);
}

function compileArithmetic(op: string, a: Compiled, b: Compiled): Compiled {
  const apply: (x: Decimal, y: Decimal) => Decimal | undefined =
    op === "+"
      ? plus
      : op === "-"
        ? (x, y) => x.minus(y)
        : op === "×"
          ? (x, y) => x.times(y)
          : // Division by zero has no value: the rule does not apply rather than compare with Infinity.
            (x, y) => (y.isZero() ? undefined : x.div(y));
  return (env) => {
    const x = a(env);
    if (x === undefined) return undefined;
    const y = b(env);
    return y === undefined ? undefined : apply(x as Decimal, y as Decimal);
  };
}

function compileLogical(op: "and" | "or", a: Compiled, b: Compiled): Compiled {
  // Kleene logic: a decided operand decides, even when the other is missing.
  const decisive = op === "or";
  return (env) => {
    const x = a(env);
    if (x === decisive) return decisive;
    const y = b(env);
    if (y === decisive) return decisive;
    return x === undefined || y === undefined ? undefined : !decisive;
  };
}

function compileCompare(
  node: Extract<Node, { k: "compare" }>,
  sub: (n: Node) => Compiled,
  trace: Trace | undefined,
): Compiled {
  const slow = compileDecimalCompare(node, sub, trace);
  const numeric = (unify(node.a.type, node.b.type) ?? "any") === "number";
  return (numeric && !trace && fastComparison(node, TESTS[node.op], slow, fastContext())) || slow;
}

function compileDecimalCompare(
  node: Extract<Node, { k: "compare" }>,
  sub: (n: Node) => Compiled,
  trace: Trace | undefined,
): Compiled {
  const a = sub(node.a);
  const b = sub(node.b);
  if (node.tolerance) {
    const t = sub(node.tolerance);
    return (env) => {
      const x = a(env);
      if (x === undefined) return undefined;
      const y = b(env);
      if (y === undefined) return undefined;
      const tol = t(env);
      if (tol === undefined) return undefined;
      const difference = (x as Decimal).minus(y as Decimal);
      // |x − y| ≤ t without making |x − y|: compare the difference with t, or its negation with −t.
      return difference.isNegative()
        ? difference.gte(negated(tol as Decimal))
        : difference.lte(tol as Decimal);
    };
  }
  // One closure per operator and operand type: comparisons run on every line of every rule, so no
  // dispatch is left for run time. Numbers compare as decimals; texts and ISO dates as strings.
  const numeric = (unify(node.a.type, node.b.type) ?? "any") === "number";
  const test = TESTS[node.op];
  if (numeric) {
    return (env) => {
      const x = a(env);
      if (x === undefined) return undefined;
      const y = b(env);
      return y === undefined ? undefined : test((x as Decimal).cmp(y as Decimal));
    };
  }
  if (node.op === "=" || node.op === "≠") {
    const equal = node.op === "=";
    // A text compared with a literal (`line.nature = "discount"`), the most common condition of a `where`.
    const literal = node.b.k === "const" ? node.b.value : undefined;
    if (literal !== undefined && !trace) {
      return (env) => {
        const x = a(env);
        return x === undefined ? undefined : (x === literal) === equal;
      };
    }
    return (env) => {
      const x = a(env);
      if (x === undefined) return undefined;
      const y = b(env);
      return y === undefined ? undefined : (x === y) === equal;
    };
  }
  return (env) => {
    const x = a(env);
    if (x === undefined) return undefined;
    const y = b(env);
    return y === undefined ? undefined : test(x === y ? 0 : (x as string) < (y as string) ? -1 : 1);
  };
}

/** −t for a tolerance t; tolerances are nearly always the same parameter value, so the last is remembered. */
let lastTolerance: { t: Decimal; negated: Decimal } | undefined;
function negated(t: Decimal): Decimal {
  if (lastTolerance?.t !== t) lastTolerance = { t, negated: t.neg() };
  return lastTolerance.negated;
}

const TESTS: Record<Extract<Node, { k: "compare" }>["op"], (c: number) => boolean> = {
  "=": (c) => c === 0,
  "≠": (c) => c !== 0,
  "<": (c) => c < 0,
  "≤": (c) => c <= 0,
  ">": (c) => c > 0,
  "≥": (c) => c >= 0,
};

function compileQuantifier(node: Extract<Node, { k: "quantifier" }>, sub: (n: Node) => Compiled): Compiled {
  const list = sub(node.list);
  const where = node.where && sub(node.where);
  const body = sub(node.body);
  const slot = node.slot;
  // every: a false element decides (false); some: a true element decides (true). Otherwise a missing
  // element leaves the answer unknown (missing).
  const decisive = !node.every;
  return (env) => {
    const items = list(env) as Value[] | undefined;
    if (items === undefined) return undefined;
    let unknown = false;
    for (const item of items) {
      env.vars[slot] = item;
      if (where && where(env) !== true) continue;
      const v = body(env);
      if (v === decisive) return decisive;
      if (v === undefined) unknown = true;
    }
    return unknown ? undefined : !decisive;
  };
}

// ---- paths and messages ----

/**
 * The JSON path a failure is reported at (0-based indices): `lines[3].tax`, `buyer.taxId`, `lines`, or ""
 * when the rule reads no field.
 */
export function compilePath(node: Node | undefined): (env: Env) => string {
  if (!node) return () => "";
  if (node.k === "field") {
    const path = node.field.name;
    return () => path;
  }
  if (node.k === "project") return compilePath(node.list);
  if (node.k === "lineField" || node.k === "neighbour") {
    const line = compileExpr(node.k === "lineField" ? node.line : node);
    const suffix = node.k === "lineField" ? `.${node.field.name}` : "";
    // A neighbour that does not exist has no path: report at the line the rule was looking from.
    const slot = lineSlot(node);
    return (env) => {
      const index = line(env);
      if (index !== undefined) return `lines[${index as number}]${suffix}`;
      const from = slot === undefined ? undefined : env.vars[slot];
      return from === undefined ? "lines" : `lines[${from as number}]`;
    };
  }
  return () => "";
}

/** Words for a missing value in each language. */
const MISSING = { zh: "（缺失）", en: "(missing)" } as const;

/** A value as messages print it (LANGUAGE.md §3.5). */
export function formatValue(value: Value, type: Type, lang: "zh" | "en"): string {
  if (value === undefined) return MISSING[lang];
  if (value instanceof Decimal) return numberText(value);
  if (Array.isArray(value)) {
    const inner = isList(type) ? type.list : "any";
    return value.map((v) => formatValue(v, inner, lang)).join(lang === "zh" ? "、" : ", ");
  }
  if (type === "line" && typeof value === "number") return `lines[${value}]`;
  return String(value);
}

/** A field's JSON value as written, for messages ("6000.02", not a reformatted decimal). */
export function formatRaw(raw: unknown, lang: "zh" | "en"): string | undefined {
  if (typeof raw === "string") return raw === "" ? MISSING[lang] : raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  return undefined;
}

/** Compiles a message template into a function producing the message text. */
export function compileTemplate(parts: TemplateIR, lang: "zh" | "en"): (env: Env) => string {
  const pieces = parts.map((part): ((env: Env) => string) => {
    if (typeof part === "string") return () => part;
    const value = compileExpr(part);
    const type = part.type;
    if (part.k === "field" && part.field.read !== "list") {
      const field = part.field;
      return (env) => formatRaw(rawField(env.doc, field), lang) ?? formatValue(value(env), type, lang);
    }
    if (part.k === "lineField" && lineSlot(part.line) !== undefined) {
      const line = compileExpr(part.line);
      const field = part.field;
      return (env) => {
        const index = line(env);
        const raw =
          index === undefined ? undefined : formatRaw(rawLineField(env.doc, index as number, field), lang);
        return raw ?? formatValue(value(env), type, lang);
      };
    }
    return (env) => formatValue(value(env), type, lang);
  });
  return (env) => {
    let out = "";
    for (const piece of pieces) out += piece(env);
    return out;
  };
}
