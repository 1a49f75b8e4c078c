/**
 * The benchmark's baseline: a small tree-walking interpreter over the same checked tree the compiler
 * consumes, with the same semantics (missing values, Kleene logic) and the same data binding. It exists
 * only to show what compiling to closures gains; nothing in the package uses it.
 */
import { readField, readLineField } from "../src/binding.js";
import type { Env } from "../src/compile.js";
import type { Node } from "../src/ir.js";
import type { CompiledRule } from "../src/rule.js";
import { Decimal, type Value } from "../src/values.js";

function evaluate(node: Node, env: Env): Value {
  switch (node.k) {
    case "const":
      return node.value;
    case "var":
      return env.vars[node.slot];
    case "field":
      return readField(env.doc, node.field);
    case "lineField": {
      const i = evaluate(node.line, env);
      return i === undefined ? undefined : readLineField(env.doc, i as number, node.field);
    }
    case "neighbour": {
      const i = evaluate(node.line, env);
      if (i === undefined) return undefined;
      const j = (i as number) + node.offset;
      return j >= 0 && j < env.doc.lines.length ? j : undefined;
    }
    case "project": {
      const list = evaluate(node.list, env) as number[] | undefined;
      return list?.map((i) => readLineField(env.doc, i, node.field));
    }
    case "param":
      return env.ctx.params[node.name];
    case "tableVersion":
      return env.ctx.codes.version;
    case "call": {
      const args: Value[] = [];
      for (const a of node.args) {
        const v = evaluate(a, env);
        if (v === undefined && !node.fn.acceptsMissing) return undefined;
        args.push(v);
      }
      try {
        return node.fn.impl(args, env.ctx);
      } catch {
        return undefined;
      }
    }
    case "negate": {
      const v = evaluate(node.x, env);
      return v === undefined ? undefined : (v as Decimal).neg();
    }
    case "not": {
      const v = evaluate(node.x, env);
      return v === undefined ? undefined : !v;
    }
    case "arith": {
      const a = evaluate(node.a, env);
      if (a === undefined) return undefined;
      const b = evaluate(node.b, env);
      if (b === undefined) return undefined;
      const x = a as Decimal;
      const y = b as Decimal;
      if (node.op === "+") return x.plus(y);
      if (node.op === "-") return x.minus(y);
      if (node.op === "×") return x.times(y);
      return y.isZero() ? undefined : x.div(y);
    }
    case "logical": {
      const decisive = node.op === "or";
      const a = evaluate(node.a, env);
      if (a === decisive) return decisive;
      const b = evaluate(node.b, env);
      if (b === decisive) return decisive;
      return a === undefined || b === undefined ? undefined : !decisive;
    }
    case "compare": {
      const a = evaluate(node.a, env);
      if (a === undefined) return undefined;
      const b = evaluate(node.b, env);
      if (b === undefined) return undefined;
      if (node.tolerance) {
        const t = evaluate(node.tolerance, env);
        return t === undefined
          ? undefined
          : (a as Decimal)
              .minus(b as Decimal)
              .abs()
              .lte(t as Decimal);
      }
      const c =
        a instanceof Decimal ? a.cmp(b as Decimal) : a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
      switch (node.op) {
        case "=":
          return c === 0;
        case "≠":
          return c !== 0;
        case "<":
          return c < 0;
        case "≤":
          return c <= 0;
        case ">":
          return c > 0;
        default:
          return c >= 0;
      }
    }
    case "in": {
      const item = evaluate(node.item, env);
      const list = evaluate(node.list, env) as Value[] | undefined;
      if (item === undefined || list === undefined) return undefined;
      const found =
        item instanceof Decimal
          ? list.some((x) => x !== undefined && (x as Decimal).eq(item))
          : list.includes(item);
      return node.negated ? !found : found;
    }
    case "presence":
      return (evaluate(node.x, env) !== undefined) === node.present;
    case "if": {
      const c = evaluate(node.c, env);
      return c === true ? evaluate(node.t, env) : c === false ? evaluate(node.e, env) : undefined;
    }
    case "quantifier": {
      const items = evaluate(node.list, env) as Value[] | undefined;
      if (items === undefined) return undefined;
      const decisive = !node.every;
      let unknown = false;
      for (const item of items) {
        env.vars[node.slot] = item;
        if (node.where && evaluate(node.where, env) !== true) continue;
        const v = evaluate(node.body, env);
        if (v === decisive) return decisive;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : !decisive;
    }
    case "select": {
      const items = evaluate(node.list, env) as Value[] | undefined;
      if (items === undefined) return undefined;
      const out: Value[] = [];
      for (const item of items) {
        env.vars[node.slot] = item;
        if (node.where && evaluate(node.where, env) !== true) continue;
        out.push(node.map ? evaluate(node.map, env) : item);
      }
      return out;
    }
    case "list":
      return node.items.map((i) => evaluate(i, env));
  }
}

/** Runs a rule by walking its checked tree; same contract as `CompiledRule.evaluate`. */
export function interpretRule(rule: CompiledRule, env: Env, fail: (env: Env) => void): void {
  const { when, forEach, assert } = rule.checked;
  if (when && evaluate(when, env) !== true) return;
  if (!forEach) {
    if (evaluate(assert, env) === false) fail(env);
    return;
  }
  const items = evaluate(forEach.list, env) as number[] | undefined;
  if (items === undefined) return;
  for (const item of items) {
    env.vars[forEach.slot] = item;
    if (forEach.where && evaluate(forEach.where, env) !== true) continue;
    if (evaluate(assert, env) === false) fail(env);
  }
}
