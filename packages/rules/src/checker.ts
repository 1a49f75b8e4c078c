/**
 * The checker: resolves every name (variables, parameters, `table.version`, document and line fields in
 * English or Chinese), binds functions from the registry, infers types, and reports what a specialist
 * got wrong — unknown names with "did you mean", type errors, wrong arity, invalid literals, missing
 * messages — each at its position. It produces the IR (ir.ts) the compiler turns into closures.
 */
import { isCalendarDate, type Severity } from "@efapiao/model";
import type { Binding, Expr, Named, RuleDecl, Template } from "./ast.js";
import type { Reporter } from "./cst-to-ast.js";
import {
  allowedValues,
  documentField,
  documentFieldNames,
  fieldLabel,
  lineField,
  lineFieldNames,
  NEIGHBOURS,
} from "./fields.js";
import { children, type Node, type NodeBody } from "./ir.js";
import type { Words } from "./lexer.js";
import type { FunctionRegistry, FunctionSignature, RuleFunction } from "./registry.js";
import type { Span } from "./source.js";
import { suggest } from "./suggest.js";
import { elementOf, fits, isList, listOf, type Type, typeWords, unify } from "./types.js";
import { Decimal, literalNumber, type Value } from "./values.js";

/** A declared parameter as the checker sees it. */
export interface ParamInfo {
  name: string;
  type: Type;
}

export interface CheckEnv {
  functions: FunctionRegistry;
  params: ReadonlyMap<string, ParamInfo>;
}

export type TemplateIR = (string | Node)[];

export interface AppliesTo {
  /** Invoice kinds (`special`, `general`); undefined = all. */
  kinds?: ReadonlySet<string>;
  /** Document forms (`sale`, `invoice`); undefined = all. */
  forms?: ReadonlySet<string>;
}

export interface CheckedRule {
  id: string;
  severity: Severity;
  appliesTo: AppliesTo;
  effective: { from?: string; to?: string };
  /** Ids of the rules this one presumes (LANGUAGE.md §3.6); the pack checks that they exist. */
  presumes: string[];
  when?: Node;
  forEach?: { slot: number; variable: string; list: Node; where?: Node };
  assert: Node;
  /** The node whose JSON path a failure reports (the `at` clause, or the first field the assertion reads). */
  reportAt?: Node;
  messages: { zh: TemplateIR; en: TemplateIR };
  /** Variable slots the rule uses. */
  slots: number;
  /** English paths of the fields the rule reads (for documentation and tooling). */
  reads: string[];
}

const KINDS = new Set(["special", "general"]);
const FORMS = new Set(["sale", "invoice"]);

interface Scope {
  readonly vars: ReadonlyMap<string, { slot: number; type: Type }>;
}

const ANY_ERROR = "any" as const;

export class Checker {
  private nextSlot = 0;

  constructor(
    private readonly source: string,
    private readonly reporter: Reporter,
    private readonly env: CheckEnv,
  ) {}

  private error(span: Span, zh: string, en: string, code = "RULES_TYPE"): void {
    this.reporter.report(code, span, zh, en);
  }

  private text(span: Span): string {
    return this.source.slice(span.start, span.end);
  }

  private node(body: NodeBody, type: Type, span: Span): Node {
    return { ...body, type, span, text: this.text(span) } as Node;
  }

  private bad(span: Span): Node {
    return this.node({ k: "const", value: undefined }, ANY_ERROR, span);
  }

  // ---- rules ----

  rule(decl: RuleDecl): CheckedRule {
    this.nextSlot = 0;
    const scope: Scope = { vars: new Map() };
    const appliesTo = this.appliesTo(decl.appliesTo);
    const effective = this.effective(decl);
    const when = decl.when && this.condition(decl.when, scope, "when");
    let inner = scope;
    let forEach: CheckedRule["forEach"];
    if (decl.forEach) {
      const list = this.expr(decl.forEach.list, scope);
      if (list.type !== "any" && !fits(list.type, listOf("line"))) {
        this.error(
          decl.forEach.list.span,
          `“for each” 应遍历明细行（如 lines 或 明细），这里是${typeWords(list.type).zh}`,
          `"for each" goes over lines (such as lines or 明细), not ${typeWords(list.type).en}`,
        );
      }
      const { scope: bound, slot } = this.bind(decl.forEach.variable, "line", scope);
      inner = bound;
      const where = decl.forEach.where && this.condition(decl.forEach.where, inner, "where");
      forEach = { slot, variable: decl.forEach.variable.name, list, where };
    }
    const assert = this.condition(decl.assert, inner, "assert");
    let reportAt: Node | undefined;
    if (decl.at) {
      reportAt = this.expr(decl.at, inner);
      if (reportAt.type !== "any" && !isPathNode(reportAt)) {
        this.error(
          decl.at.span,
          "“at” 后应写一个字段（如 line.tax）",
          'After "at" write a field (such as line.tax)',
        );
      }
    } else {
      reportAt = firstReportable(assert, forEach?.slot);
    }
    const messages = this.messages(decl, inner);
    const reads = new Set<string>();
    for (const n of [when, forEach?.list, forEach?.where, assert]) if (n) collectReads(n, reads);
    return {
      id: decl.id.name,
      severity: decl.severity,
      appliesTo,
      effective,
      presumes: decl.presumes.map((p) => p.name),
      when,
      forEach,
      assert,
      reportAt,
      messages,
      slots: this.nextSlot,
      reads: [...reads],
    };
  }

  private appliesTo(words: Named[]): AppliesTo {
    const kinds = new Set<string>();
    const forms = new Set<string>();
    for (const w of words) {
      if (KINDS.has(w.name)) kinds.add(w.name);
      else if (FORMS.has(w.name)) forms.add(w.name);
      else {
        const hint = suggest(w.name, [...KINDS, ...FORMS]);
        this.error(
          w.span,
          `“applies to” 不认识 “${w.name}”${hint ? `，是否要写 “${hint}”？` : ""}（可用：special、general、sale、invoice）`,
          `"applies to" does not know "${w.name}"${hint ? `; did you mean "${hint}"?` : ""} (use special, general, sale, invoice)`,
          "RULES_UNKNOWN_NAME",
        );
      }
    }
    return { kinds: kinds.size > 0 ? kinds : undefined, forms: forms.size > 0 ? forms : undefined };
  }

  private effective(decl: RuleDecl): CheckedRule["effective"] {
    const e = decl.effective;
    if (!e) return {};
    for (const d of [e.from, e.to]) {
      if (d && !isCalendarDate(d.value))
        this.error(d.span, `日期 ${d.value} 不存在`, `The date ${d.value} does not exist`);
    }
    if (!e.from && !e.to)
      this.error(
        e.span,
        "“effective” 后应写 from 日期 和/或 to 日期",
        '"effective" needs "from DATE" and/or "to DATE"',
      );
    if (e.from && e.to && e.from.value > e.to.value) {
      this.error(
        e.span,
        "生效起始日期晚于结束日期",
        "The effective-from date is after the effective-to date",
      );
    }
    return { from: e.from?.value, to: e.to?.value };
  }

  private messages(decl: RuleDecl, scope: Scope): CheckedRule["messages"] {
    const out: Partial<Record<"zh" | "en", TemplateIR>> = {};
    for (const m of decl.messages) {
      if (out[m.lang]) {
        this.error(
          m.span,
          `规则 ${decl.id.name} 有两条 message ${m.lang}`,
          `Rule ${decl.id.name} has two "message ${m.lang}"`,
          "RULES_MESSAGE",
        );
        continue;
      }
      out[m.lang] = this.template(m.template, scope);
    }
    for (const lang of ["zh", "en"] as const) {
      if (!out[lang]) {
        this.error(
          decl.id.span,
          `规则 ${decl.id.name} 缺少 message ${lang}（中文和英文消息都必须写）`,
          `Rule ${decl.id.name} has no "message ${lang}" (both a Chinese and an English message are required)`,
          "RULES_MESSAGE",
        );
      }
    }
    return { zh: out.zh ?? [decl.id.name], en: out.en ?? [decl.id.name] };
  }

  private template(t: Template, scope: Scope): TemplateIR {
    return t.parts.map((part) => (typeof part === "string" ? part : this.expr(part, scope)));
  }

  /** An expression that must be a condition. */
  private condition(e: Expr, scope: Scope, clause: string): Node {
    const node = this.expr(e, scope);
    if (node.type !== "any" && node.type !== "boolean") {
      this.error(
        e.span,
        `“${clause}” 后应为条件（真或假），这里是${typeWords(node.type).zh}`,
        `"${clause}" needs a condition (true or false), not ${typeWords(node.type).en}`,
      );
    }
    return node;
  }

  /** Binds a variable in a new scope; its name must not hide a variable or a field. */
  private bind(variable: Named, type: Type, scope: Scope): { scope: Scope; slot: number } {
    const name = variable.name;
    if (scope.vars.has(name)) {
      this.error(
        variable.span,
        `变量名 “${name}” 已在使用，请换一个`,
        `The name "${name}" is already in use; choose another`,
        "RULES_NAME",
      );
    } else if (documentField(name) || this.env.params.has(name)) {
      this.error(
        variable.span,
        `“${name}” 是字段或参数的名称，不能作变量名（例如写 line）`,
        `"${name}" names a field or parameter and cannot be a variable (write e.g. line)`,
        "RULES_NAME",
      );
    }
    const slot = this.nextSlot++;
    const vars = new Map(scope.vars);
    vars.set(name, { slot, type });
    return { scope: { vars }, slot };
  }

  // ---- expressions ----

  expr(e: Expr, scope: Scope): Node {
    switch (e.kind) {
      case "error":
        return this.bad(e.span);
      case "number":
        return this.node({ k: "const", value: literalNumber(e.text) }, "number", e.span);
      case "text":
        return this.node({ k: "const", value: e.value }, "text", e.span);
      case "date":
        if (!isCalendarDate(e.value))
          this.error(e.span, `日期 ${e.value} 不存在`, `The date ${e.value} does not exist`);
        return this.node({ k: "const", value: e.value }, "date", e.span);
      case "boolean":
        return this.node({ k: "const", value: e.value }, "boolean", e.span);
      case "list":
        return this.list(e, scope);
      case "name":
        return this.name(e.parts, e.span, scope);
      case "member": {
        this.expr(e.object, scope);
        this.error(
          e.member.span,
          "只有字段和明细行可以用 “.” 取值",
          'Only fields and lines can be read with "."',
          "RULES_NAME",
        );
        return this.bad(e.span);
      }
      case "call":
        return this.call(e, scope);
      case "negate": {
        const x = this.expect(e.operand, scope, "number", "负号 “-”", 'a minus "-"');
        return x.k === "const" && x.value instanceof Decimal
          ? this.node({ k: "const", value: x.value.neg() }, "number", e.span)
          : this.node({ k: "negate", x }, "number", e.span);
      }
      case "not":
        return this.node(
          { k: "not", x: this.expect(e.operand, scope, "boolean", "“not”", '"not"') },
          "boolean",
          e.span,
        );
      case "arithmetic": {
        const words = { zh: `“${e.op}”`, en: `"${e.op}"` };
        const a = this.expect(e.left, scope, "number", words.zh, words.en);
        const b = this.expect(e.right, scope, "number", words.zh, words.en);
        return this.node({ k: "arith", op: e.op, a, b }, "number", e.span);
      }
      case "logical": {
        const a = this.expect(e.left, scope, "boolean", `“${e.op}”`, `"${e.op}"`);
        const b = this.expect(e.right, scope, "boolean", `“${e.op}”`, `"${e.op}"`);
        return this.node({ k: "logical", op: e.op, a, b }, "boolean", e.span);
      }
      case "compare":
        return this.compare(e, scope);
      case "in": {
        const item = this.expr(e.item, scope);
        const list = this.expr(e.list, scope);
        if (list.type !== "any" && !isList(list.type)) {
          this.error(
            e.list.span,
            `“in” 后应为列表，这里是${typeWords(list.type).zh}`,
            `"in" needs a list, not ${typeWords(list.type).en}`,
          );
        } else if (!fits(item.type, elementOf(list.type))) {
          this.mismatch(e.span, item.type, elementOf(list.type));
        } else {
          this.checkValue(item, list);
        }
        return this.node({ k: "in", negated: e.negated, item, list }, "boolean", e.span);
      }
      case "presence":
        return this.node(
          { k: "presence", present: e.present, x: this.expr(e.operand, scope) },
          "boolean",
          e.span,
        );
      case "if": {
        const c = this.condition(e.condition, scope, "if");
        const t = this.expr(e.then, scope);
        const f = this.expr(e.else, scope);
        const type = unify(t.type, f.type);
        if (type === undefined) {
          this.error(
            e.span,
            `“if” 的两个分支类型不同：${typeWords(t.type).zh} 与 ${typeWords(f.type).zh}`,
            `The branches of "if" differ: ${typeWords(t.type).en} and ${typeWords(f.type).en}`,
          );
        }
        return this.node({ k: "if", c, t, e: f }, type ?? ANY_ERROR, e.span);
      }
      case "quantifier": {
        const { list, slot, where, scope: inner } = this.binding(e.binding, scope);
        const body = this.condition(e.body, inner, "satisfies");
        return this.node(
          { k: "quantifier", every: e.quantifier === "every", slot, list, where, body },
          "boolean",
          e.span,
        );
      }
      case "select": {
        const { list, slot, where, scope: inner } = this.binding(e.binding, scope);
        const map = e.map && this.expr(e.map, inner);
        return this.node(
          { k: "select", slot, list, where, map },
          listOf(map ? map.type : elementOf(list.type)),
          e.span,
        );
      }
    }
  }

  private binding(b: Binding, scope: Scope): { list: Node; slot: number; where?: Node; scope: Scope } {
    const list = this.expr(b.list, scope);
    if (list.type !== "any" && !isList(list.type)) {
      this.error(
        b.list.span,
        `“in” 后应为列表，这里是${typeWords(list.type).zh}`,
        `"in" needs a list, not ${typeWords(list.type).en}`,
      );
    }
    const { scope: inner, slot } = this.bind(b.variable, elementOf(list.type), scope);
    const where = b.where && this.condition(b.where, inner, "where");
    return { list, slot, where, scope: inner };
  }

  /** Checks an operand of an operator that needs one type. */
  private expect(e: Expr, scope: Scope, type: Type, opZh: string, opEn: string): Node {
    const node = this.expr(e, scope);
    if (!fits(node.type, type)) {
      const hint =
        node.type === "date" && type === "number"
          ? { zh: "（日期相减请用 daysBetween）", en: " (use daysBetween for dates)" }
          : { zh: "", en: "" };
      this.error(
        e.span,
        `${opZh} 需要${typeWords(type).zh}，而 ${node.text} 是${typeWords(node.type).zh}${hint.zh}`,
        `${opEn} needs ${typeWords(type).en}, but ${node.text} is ${typeWords(node.type).en}${hint.en}`,
      );
    }
    return node;
  }

  private mismatch(span: Span, a: Type, b: Type): void {
    this.error(
      span,
      `不能将${typeWords(a).zh}与${typeWords(b).zh}比较`,
      `Cannot compare ${typeWords(a).en} with ${typeWords(b).en}`,
    );
  }

  private compare(e: Extract<Expr, { kind: "compare" }>, scope: Scope): Node {
    const a = this.expr(e.left, scope);
    const b = this.expr(e.right, scope);
    const type = unify(a.type, b.type);
    if (type === undefined) this.mismatch(e.span, a.type, b.type);
    else if (isList(type) || type === "line") {
      this.error(
        e.span,
        `不能直接比较${typeWords(type).zh}`,
        `Cannot compare ${typeWords(type).en} directly`,
      );
    } else if (e.op !== "=" && e.op !== "≠" && type !== "number" && type !== "date" && type !== "any") {
      this.error(
        e.span,
        `“${e.op}” 只能比较数字或日期，${typeWords(type).zh}只能用 = 或 ≠`,
        `"${e.op}" compares numbers or dates; ${typeWords(type).en} can only be compared with = or ≠`,
      );
    }
    let tolerance: Node | undefined;
    if (e.tolerance) {
      tolerance = this.expect(e.tolerance, scope, "number", "“within”", '"within"');
      if (e.op !== "=")
        this.error(e.tolerance.span, "“within” 只能跟在 = 之后", '"within" can only follow "="');
      else if (type !== undefined && type !== "number" && type !== "any") {
        this.error(e.span, "“within” 只能用于数字比较", '"within" only applies to numbers');
      }
    }
    if (e.op === "=" || e.op === "≠") {
      this.checkValue(a, b);
      this.checkValue(b, a);
    }
    return this.node({ k: "compare", op: e.op, a, b, tolerance }, "boolean", e.span);
  }

  /** Warns when a field with a fixed set of values is compared with a text that is none of them. */
  private checkValue(field: Node, value: Node): void {
    if ((field.k !== "field" && field.k !== "lineField") || value.k !== "const") return;
    const allowed = allowedValues(field.field);
    const texts = Array.isArray(value.value) ? value.value : [value.value];
    for (const text of texts) {
      if (!allowed || typeof text !== "string" || allowed.includes(text)) continue;
      const hint = suggest(text, allowed);
      this.reporter.report(
        "RULES_VALUE",
        value.span,
        `${field.text} 的取值只有 ${allowed.join("、")}，不会是 “${text}”${hint ? `（是否要写 “${hint}”？）` : ""}`,
        `${field.text} is one of ${allowed.join(", ")}, never "${text}"${hint ? ` (did you mean "${hint}"?)` : ""}`,
        "warning",
      );
    }
  }

  private list(e: Extract<Expr, { kind: "list" }>, scope: Scope): Node {
    const items = e.items.map((item) => this.expr(item, scope));
    let type: Type = "any";
    for (const item of items) {
      const next = unify(type, item.type);
      if (next === undefined) {
        this.error(
          item.span,
          `列表中的元素类型应一致（${typeWords(type).zh}与${typeWords(item.type).zh}）`,
          `List items must have one type (${typeWords(type).en} and ${typeWords(item.type).en})`,
        );
      } else type = next;
    }
    if (items.every((i) => i.k === "const")) {
      return this.node(
        { k: "const", value: items.map((i) => (i as { value: Value }).value) },
        listOf(type),
        e.span,
      );
    }
    return this.node({ k: "list", items }, listOf(type), e.span);
  }

  // ---- names ----

  private name(parts: Named[], span: Span, scope: Scope): Node {
    const head = parts[0]!;
    const variable = scope.vars.get(head.name);
    if (variable) {
      return this.members(
        this.node({ k: "var", slot: variable.slot, name: head.name }, variable.type, head.span),
        parts.slice(1),
      );
    }
    for (let k = parts.length; k >= 1; k--) {
      const joined = parts
        .slice(0, k)
        .map((p) => p.name)
        .join(".");
      const partSpan = {
        ...span,
        end: parts[k - 1]!.span.end,
        endLine: parts[k - 1]!.span.endLine,
        endColumn: parts[k - 1]!.span.endColumn,
      };
      const param = this.env.params.get(joined);
      if (param) {
        if (k < parts.length) {
          this.error(
            parts[k]!.span,
            `参数 ${joined} 没有字段`,
            `The parameter ${joined} has no fields`,
            "RULES_NAME",
          );
          return this.bad(span);
        }
        return this.node({ k: "param", name: joined }, param.type, partSpan);
      }
      if (joined === "table.version" && k === parts.length)
        return this.node({ k: "tableVersion" }, "text", partSpan);
      const field = documentField(joined);
      if (field) return this.members(this.node({ k: "field", field }, field.type, partSpan), parts.slice(k));
    }
    this.unknownName(parts, span, scope);
    return this.bad(span);
  }

  private members(start: Node, rest: Named[]): Node {
    let node = start;
    for (const part of rest) {
      const span = {
        ...node.span,
        end: part.span.end,
        endLine: part.span.endLine,
        endColumn: part.span.endColumn,
      };
      if (node.type === "line") {
        const offset = NEIGHBOURS[part.name];
        if (offset !== undefined) {
          node = this.node({ k: "neighbour", line: node, offset }, "line", span);
          continue;
        }
        const field = lineField(part.name);
        if (field) {
          node = this.node({ k: "lineField", line: node, field }, field.type, span);
          continue;
        }
      } else if (isList(node.type) && node.type.list === "line") {
        const field = lineField(part.name);
        if (field) {
          node = this.node({ k: "project", list: node, field }, listOf(field.type), span);
          continue;
        }
      } else if (node.type !== "any") {
        this.error(
          part.span,
          `${node.text} 是${typeWords(node.type).zh}，没有字段 “${part.name}”`,
          `${node.text} is ${typeWords(node.type).en} and has no field "${part.name}"`,
          "RULES_NAME",
        );
        return this.bad(span);
      }
      const hint = suggest(part.name, lineFieldNames());
      const field = hint ? lineField(hint) : undefined;
      this.error(
        part.span,
        `明细行没有字段 “${part.name}”${hint ? `，是否要写 “${hint}”${field ? `（明细.${field.zh}）` : ""}？` : ""}`,
        `A line has no field "${part.name}"${hint ? `; did you mean "${hint}"${field ? ` (${field.en})` : ""}?` : ""}`,
        "RULES_UNKNOWN_NAME",
      );
      return this.bad(span);
    }
    return node;
  }

  private unknownName(parts: Named[], span: Span, scope: Scope): void {
    const name = parts.map((p) => p.name).join(".");
    const lineVar = [...scope.vars.entries()].find(([, v]) => v.type === "line")?.[0];
    let hint: string | undefined;
    let label: string | undefined;
    if (parts.length === 1 && lineVar && lineField(name)) {
      hint = `${lineVar}.${name}`;
    } else {
      const candidates = [
        ...scope.vars.keys(),
        ...this.env.params.keys(),
        "table.version",
        ...documentFieldNames(),
      ];
      hint = suggest(name, candidates);
      const field = hint ? documentField(hint) : undefined;
      if (field) label = fieldLabel(field);
      if (!hint && lineVar && parts.length === 2) {
        const member = suggest(parts[1]!.name, lineFieldNames());
        if (member) hint = `${lineVar}.${member}`;
      }
    }
    const shown = label ?? hint;
    this.error(
      span,
      `未知名称 “${name}”${shown ? `，是否要写 “${shown}”？` : ""}`,
      `Unknown name "${name}"${shown ? `; did you mean "${shown}"?` : ""}`,
      "RULES_UNKNOWN_NAME",
    );
  }

  // ---- calls ----

  private call(e: Extract<Expr, { kind: "call" }>, scope: Scope): Node {
    const fn = this.env.functions.get(e.callee.name);
    const args = e.args.map((a) => this.expr(a, scope));
    if (!fn) {
      const hint = suggest(e.callee.name, this.env.functions.names());
      this.error(
        e.callee.span,
        `未知函数 “${e.callee.name}”${hint ? `，是否要写 “${hint}”？` : ""}`,
        `Unknown function "${e.callee.name}"${hint ? `; did you mean "${hint}"?` : ""}`,
        "RULES_UNKNOWN_FUNCTION",
      );
      return this.bad(e.span);
    }
    const byArity = fn.signatures.filter((s) => arityFits(s, args.length));
    if (byArity.length === 0) {
      const counts = [...new Set(fn.signatures.map(arityText))].join(" / ");
      this.error(
        e.span,
        `函数 ${fn.name} 需要 ${counts} 个参数，这里有 ${args.length} 个`,
        `${fn.name} takes ${counts} argument(s), got ${args.length}`,
        "RULES_ARITY",
      );
      return this.bad(e.span);
    }
    const signature = byArity.find((s) => args.every((a, i) => fits(a.type, paramType(s, i))));
    if (!signature) {
      const s = byArity[0]!;
      const i = args.findIndex((a, j) => !fits(a.type, paramType(s, j)));
      const want = typeWords(paramType(s, i));
      const got = typeWords(args[i]!.type);
      this.error(
        args[i]!.span,
        `函数 ${fn.name} 的第 ${i + 1} 个参数应为${want.zh}，这里是${got.zh}`,
        `Argument ${i + 1} of ${fn.name} must be ${want.en}, not ${got.en}`,
      );
      return this.bad(e.span);
    }
    if (fn.check) {
      const problem = this.safeCheck(
        fn,
        args.map((a) => (a.k === "const" ? a.value : undefined)),
      );
      if (problem) this.error(e.span, problem.zh, problem.en, "RULES_ARGUMENT");
    }
    return this.node({ k: "call", fn, args }, signature.result, e.span);
  }

  /** A host function's compile-time check must not be able to crash the compiler. */
  private safeCheck(fn: RuleFunction, constants: (Value | undefined)[]): Words | undefined {
    try {
      return fn.check?.(constants);
    } catch (error) {
      return {
        zh: `函数 ${fn.name} 的检查出错：${(error as Error).message}`,
        en: `The check of ${fn.name} failed: ${(error as Error).message}`,
      };
    }
  }

  /** A parameter's value: a constant (literal, negated literal, list of literals). */
  constant(e: Expr): { value: Value; type: Type } | undefined {
    const node = this.expr(e, { vars: new Map() });
    if (node.type === "any") return undefined;
    if (node.k !== "const") {
      this.error(
        e.span,
        "参数的值应为常量（数字、文本、日期或它们的列表）",
        "A parameter's value must be a constant (a number, text, date or a list of them)",
      );
      return undefined;
    }
    return { value: node.value, type: node.type };
  }
}

function arityFits(s: FunctionSignature, n: number): boolean {
  return s.rest ? n >= s.params.length : n === s.params.length;
}
function arityText(s: FunctionSignature): string {
  return s.rest ? `${s.params.length}+` : String(s.params.length);
}
function paramType(s: FunctionSignature, i: number): Type {
  return s.params[i] ?? s.rest ?? "any";
}

/** A node that names a place in the document, so it has a JSON path. */
export function isPathNode(node: Node): boolean {
  if (node.k === "field") return true;
  if (node.k === "project") return isPathNode(node.list);
  if (node.k === "lineField" || node.k === "neighbour") return isLineRef(node.line);
  return false;
}

function isLineRef(node: Node): boolean {
  return node.k === "var" || (node.k === "neighbour" && isLineRef(node.line));
}

/** The variable slot a line reference starts from. */
export function lineSlot(node: Node): number | undefined {
  if (node.k === "var") return node.slot;
  if (node.k === "neighbour" || node.k === "lineField") return lineSlot(node.line);
  return undefined;
}

/**
 * The node a failure is reported at when the rule has no `at`: the first scalar field read left to right
 * (a document field, or a field of the `for each` line or its neighbours), else the first list read.
 * Fields of lines bound inside `every`/`some`/selections are skipped: which element they held when the
 * assertion ended says nothing reliable.
 */
function firstReportable(root: Node, forEachSlot: number | undefined): Node | undefined {
  let firstList: Node | undefined;
  const visit = (node: Node): Node | undefined => {
    if (node.k === "field") {
      if (!isList(node.type)) return node;
      firstList ??= node;
      return undefined;
    }
    if (node.k === "lineField") {
      if (lineSlot(node.line) === forEachSlot && forEachSlot !== undefined) return node;
      return undefined;
    }
    if (node.k === "project") {
      firstList ??= node.list.k === "field" ? node.list : undefined;
      return undefined;
    }
    for (const child of children(node)) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(root) ?? firstList;
}

function collectReads(node: Node, out: Set<string>): void {
  if (node.k === "field") out.add(node.field.name);
  if (node.k === "lineField" || node.k === "project") out.add(`lines[].${node.field.name}`);
  for (const child of children(node)) collectReads(child, out);
}
