/**
 * The syntax tree of a rule file. It exists only between parsing and compiling: the checker annotates and
 * the compiler turns it into closures, and validation never sees it.
 */
import type { Severity } from "@efapiao/model";
import type { Span } from "./source.js";

export interface Named {
  name: string;
  span: Span;
}

export type CompareOp = "=" | "≠" | "<" | "≤" | ">" | "≥";
export type ArithmeticOp = "+" | "-" | "×" | "÷";

/** `VAR in LIST [where COND]` — the common part of `for each`, `every`/`some` and selections. */
export interface Binding {
  variable: Named;
  list: Expr;
  where?: Expr;
}

export type Expr =
  | { kind: "number"; text: string; span: Span }
  | { kind: "text"; value: string; span: Span }
  | { kind: "date"; value: string; span: Span }
  | { kind: "boolean"; value: boolean; span: Span }
  | { kind: "list"; items: Expr[]; span: Span }
  /** A name with its `.` parts: `line.tax`, `buyer.taxId`, `明细.金额`, `tolerance.line`. */
  | { kind: "name"; parts: Named[]; span: Span }
  /** `.x` after something that is not a name (`f(x).y`): always a checker error, kept to say so. */
  | { kind: "member"; object: Expr; member: Named; span: Span }
  | { kind: "call"; callee: Named; args: Expr[]; span: Span }
  | { kind: "negate"; operand: Expr; span: Span }
  | { kind: "not"; operand: Expr; span: Span }
  | { kind: "arithmetic"; op: ArithmeticOp; left: Expr; right: Expr; span: Span }
  | { kind: "logical"; op: "and" | "or"; left: Expr; right: Expr; span: Span }
  | { kind: "compare"; op: CompareOp; left: Expr; right: Expr; tolerance?: Expr; span: Span }
  | { kind: "in"; negated: boolean; item: Expr; list: Expr; span: Span }
  | { kind: "presence"; present: boolean; operand: Expr; span: Span }
  | { kind: "if"; condition: Expr; then: Expr; else: Expr; span: Span }
  | { kind: "quantifier"; quantifier: "every" | "some"; binding: Binding; body: Expr; span: Span }
  /** `each v in L where C` (map absent: the elements) or `E for each v in L where C` (the values of E). */
  | { kind: "select"; binding: Binding; map?: Expr; span: Span }
  /** A part the parser could not read; its error is already reported. */
  | { kind: "error"; span: Span };

/** A message text split into literal parts and `{expr}` interpolations. */
export interface Template {
  parts: (string | Expr)[];
  span: Span;
}

export interface MessageClause {
  lang: "zh" | "en";
  template: Template;
  span: Span;
}

export type JsonPath = (string | number)[];
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type Mutation =
  | { op: "set"; path: JsonPath; value: JsonValue; span: Span }
  | { op: "remove"; path: JsonPath; span: Span }
  | { op: "insert"; path: JsonPath; value?: JsonValue; copyOf?: JsonPath; span: Span }
  | { op: "profile"; profile: string; span: Span };

export interface ExampleDecl {
  name: string;
  given?: { path: string; span: Span };
  mutations: Mutation[];
  expect: { pass: boolean; at?: { path: JsonPath; span: Span }[]; span: Span };
  span: Span;
}

export interface RuleDecl {
  kind: "rule";
  id: Named;
  severity: Severity;
  appliesTo: Named[];
  /** Rule ids this rule presumes (`presumes …`): their failure suppresses this rule's on the same subject. */
  presumes: Named[];
  effective?: { from?: { value: string; span: Span }; to?: { value: string; span: Span }; span: Span };
  when?: Expr;
  forEach?: Binding;
  assert: Expr;
  at?: Expr;
  messages: MessageClause[];
  examples: ExampleDecl[];
  span: Span;
}

export interface ParameterDecl {
  kind: "parameter";
  name: Named;
  value: Expr;
  profiles: { profile: Named; value: Expr }[];
  span: Span;
}

export interface BaseDecl {
  kind: "base";
  path: string;
  span: Span;
}

export interface OverrideDecl {
  kind: "override";
  rule: Named;
  /** The new severity, or "disabled". */
  action: Severity | "disabled";
  span: Span;
}

export type Declaration = RuleDecl | ParameterDecl | BaseDecl | OverrideDecl;

export interface FileAst {
  declarations: Declaration[];
}
