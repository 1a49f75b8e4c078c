/**
 * The checked form of an expression: names resolved (to a variable slot, a field, a parameter), functions
 * bound, every node typed. The compiler turns it into closures; the example runner compiles it again with
 * tracing to show each sub-expression's value; the benchmark's baseline interpreter walks it.
 */
import type { ArithmeticOp, CompareOp } from "./ast.js";
import type { Field } from "./fields.js";
import type { RuleFunction } from "./registry.js";
import type { Span } from "./source.js";
import type { Type } from "./types.js";
import type { Value } from "./values.js";

export type NodeBody =
  | { k: "const"; value: Value }
  | { k: "var"; slot: number; name: string }
  /** A field of the document (`buyer.taxId`, `lines`). */
  | { k: "field"; field: Field }
  /** A field of a line value (`line.amount`). */
  | { k: "lineField"; line: Node; field: Field }
  /** The line before (-1) or after (+1) a line value; missing at the edges. */
  | { k: "neighbour"; line: Node; offset: -1 | 1 }
  /** A field of every line of a list of lines (`lines.amount`). */
  | { k: "project"; list: Node; field: Field }
  | { k: "param"; name: string }
  | { k: "tableVersion" }
  | { k: "call"; fn: RuleFunction; args: Node[] }
  | { k: "negate"; x: Node }
  | { k: "not"; x: Node }
  | { k: "arith"; op: ArithmeticOp; a: Node; b: Node }
  | { k: "logical"; op: "and" | "or"; a: Node; b: Node }
  | { k: "compare"; op: CompareOp; a: Node; b: Node; tolerance?: Node }
  | { k: "in"; negated: boolean; item: Node; list: Node }
  | { k: "presence"; present: boolean; x: Node }
  | { k: "if"; c: Node; t: Node; e: Node }
  | { k: "quantifier"; every: boolean; slot: number; list: Node; where?: Node; body: Node }
  | { k: "select"; slot: number; list: Node; where?: Node; map?: Node }
  | { k: "list"; items: Node[] };

export type Node = NodeBody & {
  type: Type;
  span: Span;
  /** The expression's source text, for traces. */
  text: string;
};

/** The children of a node, left to right (the order in which they are evaluated). */
export function children(node: Node): Node[] {
  switch (node.k) {
    case "lineField":
    case "neighbour":
      return [node.line];
    case "project":
      return [node.list];
    case "call":
      return node.args;
    case "negate":
    case "not":
    case "presence":
      return [node.x];
    case "arith":
    case "logical":
      return [node.a, node.b];
    case "compare":
      return node.tolerance ? [node.a, node.b, node.tolerance] : [node.a, node.b];
    case "in":
      return [node.item, node.list];
    case "if":
      return [node.c, node.t, node.e];
    case "quantifier":
      return node.where ? [node.list, node.where, node.body] : [node.list, node.body];
    case "select":
      return [node.list, ...(node.where ? [node.where] : []), ...(node.map ? [node.map] : [])];
    case "list":
      return node.items;
    default:
      return [];
  }
}
