/**
 * CST → AST. Chevrotain's concrete tree keeps tokens grouped by kind; this turns it into the typed AST of
 * ast.ts, decodes texts, splits message templates into literal parts and `{expr}` interpolations (parsed
 * with the same parser), and enforces the expression-depth limit while building — iteratively for operator
 * chains, so that `1+1+…+1` ten thousand times long is refused instead of overflowing the stack later.
 * Parts the parser recovered from are built as `error` nodes: their syntax error is already reported.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import type { Severity } from "@efapiao/model";
import type {
  ArithmeticOp,
  Binding,
  CompareOp,
  Declaration,
  ExampleDecl,
  Expr,
  FileAst,
  JsonPath,
  JsonValue,
  MessageClause,
  Mutation,
  Named,
  RuleDecl,
  Template,
} from "./ast.js";
import { LIMITS } from "./limits.js";
import { tokenize } from "./lexer.js";
import { parseTokens, syntaxMessage } from "./parser.js";
import { joinSpans, NO_SPAN, type Span } from "./source.js";

type Children = Record<string, CstElement[] | undefined>;

/** Collects diagnostics for one file; the front end caps how many are kept. */
export interface Reporter {
  report(code: string, span: Span, zh: string, en: string, severity?: "error" | "warning"): void;
}

export function tokenSpan(token: IToken): Span {
  if (!Number.isFinite(token.startOffset) || !Number.isFinite(token.startLine ?? Number.NaN)) return NO_SPAN;
  return {
    start: token.startOffset,
    end: (token.endOffset ?? token.startOffset) + 1,
    line: token.startLine!,
    column: token.startColumn!,
    endLine: token.endLine ?? token.startLine!,
    endColumn: (token.endColumn ?? token.startColumn!) + 1,
  };
}

function nodeSpan(node: CstNode): Span {
  const loc = node.location;
  if (!loc || !Number.isFinite(loc.startOffset) || !Number.isFinite(loc.endOffset ?? Number.NaN))
    return firstTokenSpan(node);
  return {
    start: loc.startOffset,
    end: loc.endOffset! + 1,
    line: loc.startLine!,
    column: loc.startColumn!,
    endLine: loc.endLine!,
    endColumn: loc.endColumn! + 1,
  };
}

function firstTokenSpan(node: CstNode): Span {
  let best: IToken | undefined;
  for (const list of Object.values(node.children)) {
    for (const el of list ?? []) {
      const token = isToken(el) ? el : undefined;
      if (token && Number.isFinite(token.startOffset) && (!best || token.startOffset < best.startOffset))
        best = token;
    }
  }
  return best ? tokenSpan(best) : NO_SPAN;
}

function isToken(el: CstElement): el is IToken {
  return (el as IToken).image !== undefined;
}

function node(children: Children, name: string, index = 0): CstNode | undefined {
  const el = children[name]?.[index];
  return el && !isToken(el) ? el : undefined;
}
function nodes(children: Children, name: string): CstNode[] {
  return (children[name] ?? []).filter((el): el is CstNode => !isToken(el));
}
function tok(children: Children, name: string, index = 0): IToken | undefined {
  const el = children[name]?.[index];
  return el && isToken(el) && !el.isInsertedInRecovery ? el : undefined;
}
/** Tokens of several kinds in source order (operators of a chain are stored per kind). */
function tokensInOrder(children: Children, names: string[]): IToken[] {
  return names
    .flatMap((name) => (children[name] ?? []).filter(isToken))
    .sort((a, b) => a.startOffset - b.startOffset);
}

/**
 * Decodes the text of a string token. `\"`, `\\` and `\n` are escapes; in messages `\{` and `\}` are too.
 * Any other backslash stays as written, so a regex such as `"^\d{18}$"` means what it says.
 */
export function decodeText(raw: string, inMessage: boolean): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== "\\" || i + 1 >= raw.length) {
      out += c;
      continue;
    }
    const next = raw[i + 1]!;
    if (next === '"' || next === "\\") out += next;
    else if (next === "n") out += "\n";
    else if (inMessage && (next === "{" || next === "}")) out += next;
    else out += c + next;
    i++;
  }
  return out;
}

export class AstBuilder {
  private readonly depth = new WeakMap<Expr, number>();

  constructor(private readonly reporter: Reporter) {}

  file(cst: CstNode): FileAst {
    const declarations: Declaration[] = [];
    for (const decl of nodes(cst.children, "declaration")) {
      const built = this.declaration(decl);
      if (built) declarations.push(built);
    }
    return { declarations };
  }

  private declaration(decl: CstNode): Declaration | undefined {
    const c = decl.children;
    const rule = node(c, "ruleDecl");
    if (rule) return this.ruleDecl(rule);
    const param = node(c, "parameterDecl");
    if (param) {
      const name = node(param.children, "dottedName");
      const value = node(param.children, "expression");
      if (!name || !value) return undefined;
      return {
        kind: "parameter",
        name: this.dottedName(name),
        value: this.expression(value),
        profiles: nodes(param.children, "profileValue").flatMap((p) => {
          const id = tok(p.children, "Identifier");
          const v = node(p.children, "expression");
          return id && v
            ? [{ profile: { name: id.image, span: tokenSpan(id) }, value: this.expression(v) }]
            : [];
        }),
        span: nodeSpan(param),
      };
    }
    const base = node(c, "baseDecl");
    if (base) {
      const text = tok(base.children, "StringLiteral");
      return text ? { kind: "base", path: this.text(text, false), span: nodeSpan(base) } : undefined;
    }
    const disable = node(c, "disableDecl");
    if (disable) {
      const ref = this.ruleRef(node(disable.children, "ruleRef"));
      return ref ? { kind: "override", rule: ref, action: "disabled", span: nodeSpan(disable) } : undefined;
    }
    const change = node(c, "changeDecl");
    if (change) {
      const ref = this.ruleRef(node(change.children, "ruleRef"));
      const severity = this.severity(node(change.children, "severity"));
      return ref && severity
        ? { kind: "override", rule: ref, action: severity, span: nodeSpan(change) }
        : undefined;
    }
    return undefined;
  }

  private ruleRef(ref: CstNode | undefined): Named | undefined {
    const id = ref && (tok(ref.children, "RuleId") ?? tok(ref.children, "Identifier"));
    return id ? { name: id.image, span: tokenSpan(id) } : undefined;
  }

  private severity(sev: CstNode | undefined): Severity | undefined {
    if (!sev) return undefined;
    if (tok(sev.children, "Kw_error")) return "error";
    if (tok(sev.children, "Kw_warning")) return "warning";
    if (tok(sev.children, "Kw_info")) return "info";
    return undefined;
  }

  private dottedName(name: CstNode): Named {
    const first = tok(name.children, "Identifier");
    const parts = [
      first?.image ?? "",
      ...nodes(name.children, "memberName").map((m) => this.memberName(m).name),
    ];
    return { name: parts.join("."), span: nodeSpan(name) };
  }

  private memberName(m: CstNode): Named {
    const t = tok(m.children, "Identifier") ?? tok(m.children, "Keyword");
    return t ? { name: t.image, span: tokenSpan(t) } : { name: "", span: nodeSpan(m) };
  }

  private ruleDecl(rule: CstNode): RuleDecl | undefined {
    const c = rule.children;
    const id = this.ruleRef(node(c, "ruleRef"));
    const severity = this.severity(node(c, "severity"));
    const assert = node(c, "expression");
    if (!id || !severity) return undefined;
    const applies = node(c, "appliesClause");
    const presumes = node(c, "presumesClause");
    const effective = node(c, "effectiveClause");
    const when = node(c, "whenClause");
    const forEach = node(c, "forEachClause");
    const at = node(c, "atClause");
    const whenExpr = when && node(when.children, "expression");
    const forBinding = forEach && node(forEach.children, "binding");
    const atExpr = at && node(at.children, "expression");
    return {
      kind: "rule",
      id,
      severity,
      appliesTo: (applies?.children.Identifier ?? [])
        .filter(isToken)
        .map((t) => ({ name: t.image, span: tokenSpan(t) })),
      presumes: nodes(presumes?.children ?? {}, "ruleRef").flatMap((r) => this.ruleRef(r) ?? []),
      effective: effective && this.effective(effective),
      when: whenExpr && this.expression(whenExpr),
      forEach: forBinding && this.binding(forBinding),
      assert: assert ? this.expression(assert) : { kind: "error", span: nodeSpan(rule) },
      at: atExpr && this.expression(atExpr),
      messages: nodes(c, "messageClause").flatMap((m) => this.message(m)),
      examples: nodes(c, "exampleDecl").flatMap((e) => this.example(e)),
      span: nodeSpan(rule),
    };
  }

  private effective(e: CstNode): RuleDecl["effective"] {
    const c = e.children;
    const dates = (c.DateLiteral ?? []).filter(isToken);
    const hasFrom = tok(c, "Kw_from") !== undefined;
    const hasTo = tok(c, "Kw_to") !== undefined;
    const from = hasFrom ? dates[0] : undefined;
    const to = hasTo ? dates[hasFrom ? 1 : 0] : undefined;
    return {
      from: from && { value: from.image, span: tokenSpan(from) },
      to: to && { value: to.image, span: tokenSpan(to) },
      span: nodeSpan(e),
    };
  }

  private message(m: CstNode): MessageClause[] {
    const text = tok(m.children, "StringLiteral");
    const lang = tok(m.children, "Kw_zh") ? "zh" : tok(m.children, "Kw_en") ? "en" : undefined;
    if (!text || !lang) return [];
    return [{ lang, template: this.template(text), span: nodeSpan(m) }];
  }

  private example(e: CstNode): ExampleDecl[] {
    const c = e.children;
    const name = tok(c, "StringLiteral", 0);
    const given = tok(c, "StringLiteral", 1);
    const pass = tok(c, "Kw_pass");
    const fail = tok(c, "Kw_fail");
    if (!name || (!pass && !fail)) return [];
    const expectSpan = tokenSpan(pass ?? fail!);
    return [
      {
        name: this.text(name, false),
        given: given && { path: this.text(given, false), span: tokenSpan(given) },
        mutations: nodes(c, "mutation").flatMap((m) => this.mutation(m)),
        expect: {
          pass: pass !== undefined,
          at:
            fail && tok(c, "Kw_at")
              ? nodes(c, "jsonPath").map((p) => ({ path: this.jsonPath(p), span: nodeSpan(p) }))
              : undefined,
          span: expectSpan,
        },
        span: nodeSpan(e),
      },
    ];
  }

  private mutation(m: CstNode): Mutation[] {
    const c = m.children;
    const span = nodeSpan(m);
    const paths = nodes(c, "jsonPath").map((p) => this.jsonPath(p));
    const value = node(c, "jsonValue");
    if (tok(c, "Kw_set") && paths[0] && value)
      return [{ op: "set", path: paths[0], value: this.jsonValue(value), span }];
    if (tok(c, "Kw_remove") && paths[0]) return [{ op: "remove", path: paths[0], span }];
    if (tok(c, "Kw_insert") && paths[0]) {
      if (value) return [{ op: "insert", path: paths[0], value: this.jsonValue(value), span }];
      if (paths[1]) return [{ op: "insert", path: paths[0], copyOf: paths[1], span }];
    }
    const profile = tok(c, "Identifier");
    if (tok(c, "Kw_profile") && profile) return [{ op: "profile", profile: profile.image, span }];
    return [];
  }

  private jsonPath(p: CstNode): JsonPath {
    const parts: { offset: number; part: string | number }[] = [];
    for (const m of nodes(p.children, "memberName")) {
      const named = this.memberName(m);
      parts.push({ offset: named.span.start, part: named.name });
    }
    for (const n of (p.children.NumberLiteral ?? []).filter(isToken)) {
      parts.push({ offset: n.startOffset, part: Number.parseInt(n.image, 10) });
    }
    return parts.sort((a, b) => a.offset - b.offset).map((x) => x.part);
  }

  private jsonValue(v: CstNode): JsonValue {
    const c = v.children;
    const text = tok(c, "StringLiteral");
    if (text) return this.text(text, false);
    const num = tok(c, "NumberLiteral");
    if (num) {
      if (num.image.endsWith("%")) {
        this.reporter.report(
          "RULES_JSON",
          tokenSpan(num),
          'JSON 值中不能写百分号，请写成文本，如 "6%"',
          'A JSON value cannot carry a percent sign; write a text such as "6%"',
        );
      }
      const value = Number(num.image.replace("%", ""));
      return tok(c, "Minus") ? -value : value;
    }
    const date = tok(c, "DateLiteral");
    if (date) return date.image;
    if (tok(c, "Kw_true")) return true;
    if (tok(c, "Kw_false")) return false;
    if (tok(c, "Kw_null")) return null;
    if (tok(c, "LBracket")) return nodes(c, "jsonValue").map((x) => this.jsonValue(x));
    const object: { [key: string]: JsonValue } = {};
    for (const member of nodes(c, "jsonMember")) {
      const key = tok(member.children, "StringLiteral");
      const value = node(member.children, "jsonValue");
      if (key && value) object[this.text(key, false)] = this.jsonValue(value);
    }
    return object;
  }

  /** The decoded content of a string token; reports a missing closing quote. */
  private text(token: IToken, inMessage: boolean): string {
    const raw = token.image;
    const closed = raw.length >= 2 && raw.endsWith('"') && !raw.endsWith('\\"');
    if (!closed) {
      this.reporter.report(
        "RULES_SYNTAX",
        tokenSpan(token),
        "文本缺少结尾的引号（或消息中的 { 没有对应的 }）",
        "This text is missing its closing quote (or a { in a message has no matching })",
      );
    }
    return decodeText(raw.slice(1, closed ? -1 : undefined), inMessage);
  }

  // ---- message templates ----

  private template(token: IToken): Template {
    const raw = token.image;
    const span = tokenSpan(token);
    const closed = raw.length >= 2 && raw.endsWith('"') && !raw.endsWith('\\"');
    if (!closed) this.text(token, true);
    const body = raw.slice(1, closed ? -1 : undefined);
    const parts: (string | Expr)[] = [];
    let literal = "";
    let i = 0;
    while (i < body.length) {
      const c = body[i]!;
      if (c === "\\" && i + 1 < body.length) {
        literal += body.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (c === "}") {
        this.reporter.report(
          "RULES_SYNTAX",
          this.subSpan(token, i + 1, i + 2),
          "消息中的 } 没有对应的 {（要写字面的花括号请用 \\}）",
          "A } in the message has no matching { (write \\} for a literal brace)",
        );
        i++;
        continue;
      }
      if (c !== "{") {
        literal += c;
        i++;
        continue;
      }
      const end = matchingBrace(body, i);
      if (literal) parts.push(decodeText(literal, true));
      literal = "";
      const exprText = body.slice(i + 1, end);
      parts.push(this.interpolation(exprText, token, i + 2));
      i = end + 1;
    }
    if (literal) parts.push(decodeText(literal, true));
    return { parts, span };
  }

  /** The span of image[from, to) of a single-line token. */
  private subSpan(token: IToken, from: number, to: number): Span {
    const base = tokenSpan(token);
    return {
      start: base.start + from,
      end: base.start + to,
      line: base.line,
      column: base.column + from,
      endLine: base.line,
      endColumn: base.column + to,
    };
  }

  /** Parses the text of one `{…}`; `offset` is where it starts within the string token's image. */
  private interpolation(text: string, token: IToken, offset: number): Expr {
    const span = this.subSpan(token, offset - 1, offset + text.length + 1);
    if (text.trim() === "") {
      this.reporter.report(
        "RULES_SYNTAX",
        span,
        "消息中的 {} 里应写表达式",
        "A {} in a message needs an expression inside",
      );
      return { kind: "error", span };
    }
    const lexed = tokenize(text);
    const base = tokenSpan(token);
    for (const t of lexed.tokens) {
      t.startOffset += base.start + offset;
      t.endOffset = (t.endOffset ?? 0) + base.start + offset;
      t.startColumn = (t.startColumn ?? 1) + base.column + offset - 1;
      t.endColumn = (t.endColumn ?? 1) + base.column + offset - 1;
      t.startLine = base.line;
      t.endLine = base.line;
    }
    for (const e of lexed.errors) {
      const at = this.subSpan(token, offset + e.offset, offset + e.offset + Math.max(1, e.length));
      const ch = text.slice(e.offset, e.offset + Math.min(e.length, 10));
      this.reporter.report("RULES_SYNTAX", at, `无法识别的字符 “${ch}”`, `unexpected character "${ch}"`);
    }
    if (lexed.errors.length > 0) return { kind: "error", span };
    const tooDeep = nestingProblem(lexed.tokens);
    if (tooDeep) {
      this.reporter.report("RULES_TOO_DEEP", tokenSpan(tooDeep), ...NESTING_MESSAGE);
      return { kind: "error", span };
    }
    const parsed = parseTokens(lexed.tokens, "template");
    for (const error of parsed.errors) {
      const words = syntaxMessage(error);
      const at = Number.isFinite(error.token.startOffset) ? tokenSpan(error.token) : span;
      // Inside a `{…}` the parser's "end of the file" is the closing brace.
      this.reporter.report(
        "RULES_SYNTAX",
        at,
        words.zh.replace("文件结尾", "“}”"),
        words.en.replace("the end of the file", '"}"'),
      );
    }
    if (parsed.errors.length > 0) return { kind: "error", span };
    const expr = node(parsed.cst.children, "expression");
    return expr ? this.expression(expr) : { kind: "error", span };
  }

  // ---- expressions ----

  /** Records a node's depth and refuses nodes deeper than the limit. */
  private make(expr: Expr, ...children: (Expr | undefined)[]): Expr {
    let depth = 0;
    for (const child of children) if (child) depth = Math.max(depth, this.depth.get(child) ?? 1);
    if (depth + 1 > LIMITS.maxExpressionDepth) {
      this.reporter.report(
        "RULES_TOO_DEEP",
        expr.span,
        `表达式过长或嵌套过深（超过 ${LIMITS.maxExpressionDepth} 层），请拆分成几条规则`,
        `Expression too long or too deeply nested (more than ${LIMITS.maxExpressionDepth} levels); split it into several rules`,
      );
      return { kind: "error", span: expr.span };
    }
    this.depth.set(expr, depth + 1);
    return expr;
  }

  expression(e: CstNode): Expr {
    const c = e.children;
    const ifNode = node(c, "ifExpr");
    if (ifNode) {
      const parts = nodes(ifNode.children, "expression").map((x) => this.expression(x));
      const [condition, then, otherwise] = parts;
      if (!condition || !then || !otherwise) return { kind: "error", span: nodeSpan(ifNode) };
      return this.make(
        { kind: "if", condition, then, else: otherwise, span: nodeSpan(ifNode) },
        condition,
        then,
        otherwise,
      );
    }
    const quantifier = node(c, "quantifierExpr");
    if (quantifier) {
      const binding = node(quantifier.children, "binding");
      const body = node(quantifier.children, "expression");
      if (!binding || !body) return { kind: "error", span: nodeSpan(quantifier) };
      const b = this.binding(binding);
      const built = this.expression(body);
      return this.make(
        {
          kind: "quantifier",
          quantifier: tok(quantifier.children, "Kw_every") ? "every" : "some",
          binding: b,
          body: built,
          span: nodeSpan(quantifier),
        },
        b.list,
        b.where,
        built,
      );
    }
    const or = node(c, "orExpr");
    return or ? this.orExpr(or) : { kind: "error", span: nodeSpan(e) };
  }

  private orExpr(n: CstNode): Expr {
    return this.chain(n, "andExpr", ["Kw_or"], (x) =>
      this.chain(x, "notExpr", ["Kw_and"], (y) => this.notExpr(y)),
    );
  }

  binding(b: CstNode): Binding {
    const id = tok(b.children, "Identifier");
    const list = node(b.children, "orExpr");
    const where = node(b.children, "expression");
    return {
      variable: id ? { name: id.image, span: tokenSpan(id) } : { name: "", span: nodeSpan(b) },
      list: list ? this.orExpr(list) : { kind: "error", span: nodeSpan(b) },
      where: where && this.expression(where),
    };
  }

  /** A left-associative operator chain (`a or b or c`, `a + b - c`), built with a loop. */
  private chain(n: CstNode, operandRule: string, opTokens: string[], operand: (x: CstNode) => Expr): Expr {
    const operands = nodes(n.children, operandRule);
    const ops = tokensInOrder(n.children, opTokens);
    if (operands.length === 0) return { kind: "error", span: nodeSpan(n) };
    let left = operand(operands[0]!);
    for (let i = 1; i < operands.length; i++) {
      const right = operand(operands[i]!);
      const op = ops[i - 1]?.image ?? "";
      const span = joinSpans(left.span, right.span);
      const expr: Expr =
        op === "or" || op === "and"
          ? { kind: "logical", op, left, right, span }
          : { kind: "arithmetic", op: arithmeticOp(op), left, right, span };
      left = this.make(expr, left, right);
      if (left.kind === "error") return left;
    }
    return left;
  }

  private notExpr(n: CstNode): Expr {
    const comparison = node(n.children, "comparison");
    let expr = comparison ? this.comparison(comparison) : ({ kind: "error", span: nodeSpan(n) } as Expr);
    const nots = tokensInOrder(n.children, ["Kw_not"]).reverse();
    for (const not of nots) {
      expr = this.make({ kind: "not", operand: expr, span: joinSpans(tokenSpan(not), expr.span) }, expr);
      if (expr.kind === "error") return expr;
    }
    return expr;
  }

  private comparison(n: CstNode): Expr {
    const c = n.children;
    const sides = nodes(c, "additive").map((x) => this.additive(x));
    const left = sides[0];
    if (!left) return { kind: "error", span: nodeSpan(n) };
    const span = nodeSpan(n);
    const opNode = node(c, "compareOp");
    if (opNode && sides[1]) {
      const op = compareOp(firstToken(opNode)?.image ?? "=");
      const tolerance = sides[2];
      return this.make(
        { kind: "compare", op, left, right: sides[1], tolerance, span },
        left,
        sides[1],
        tolerance,
      );
    }
    if (tok(c, "Kw_in") && sides[1]) {
      return this.make(
        { kind: "in", negated: tok(c, "Kw_not") !== undefined, item: left, list: sides[1], span },
        left,
        sides[1],
      );
    }
    if (tok(c, "Kw_is")) {
      if (!tok(c, "Kw_present") && !tok(c, "Kw_missing")) return { kind: "error", span };
      return this.make(
        { kind: "presence", present: tok(c, "Kw_present") !== undefined, operand: left, span },
        left,
      );
    }
    return sides.length === 1 && !opNode && !tok(c, "Kw_in") ? left : { kind: "error", span };
  }

  private additive(n: CstNode): Expr {
    return this.chain(n, "multiplicative", ["Plus", "Minus"], (x) =>
      this.chain(x, "unary", ["Times", "Divide"], (y) => this.unary(y)),
    );
  }

  private unary(n: CstNode): Expr {
    const postfix = node(n.children, "postfix");
    let expr = postfix ? this.postfix(postfix) : ({ kind: "error", span: nodeSpan(n) } as Expr);
    for (const minus of tokensInOrder(n.children, ["Minus"]).reverse()) {
      expr = this.make({ kind: "negate", operand: expr, span: joinSpans(tokenSpan(minus), expr.span) }, expr);
      if (expr.kind === "error") return expr;
    }
    return expr;
  }

  private postfix(n: CstNode): Expr {
    const primary = node(n.children, "primary");
    let expr = primary ? this.primary(primary) : ({ kind: "error", span: nodeSpan(n) } as Expr);
    for (const m of nodes(n.children, "memberName")) {
      const member = this.memberName(m);
      const span = joinSpans(expr.span, member.span);
      expr =
        expr.kind === "name"
          ? this.make({ kind: "name", parts: [...expr.parts, member], span })
          : this.make({ kind: "member", object: expr, member, span }, expr);
      if (expr.kind === "error") return expr;
    }
    return expr;
  }

  private primary(n: CstNode): Expr {
    const c = n.children;
    const span = nodeSpan(n);
    const num = tok(c, "NumberLiteral");
    if (num) return this.make({ kind: "number", text: num.image, span });
    const text = tok(c, "StringLiteral");
    if (text) return this.make({ kind: "text", value: this.text(text, false), span });
    const date = tok(c, "DateLiteral");
    if (date) return this.make({ kind: "date", value: date.image, span });
    if (tok(c, "Kw_true")) return this.make({ kind: "boolean", value: true, span });
    if (tok(c, "Kw_false")) return this.make({ kind: "boolean", value: false, span });
    if (c.LBracket) {
      const items = nodes(c, "expression").map((x) => this.expression(x));
      return this.make({ kind: "list", items, span }, ...items);
    }
    const id = tok(c, "Identifier");
    if (id) {
      const named = { name: id.image, span: tokenSpan(id) };
      if (!c.LParen) return this.make({ kind: "name", parts: [named], span });
      const args = nodes(c, "argument").map((a) => this.argument(a));
      return this.make({ kind: "call", callee: named, args, span }, ...args);
    }
    const inner = node(c, "expression");
    return inner ? this.expression(inner) : { kind: "error", span };
  }

  private argument(a: CstNode): Expr {
    const c = a.children;
    const span = nodeSpan(a);
    const binding = node(c, "binding");
    const expr = node(c, "expression");
    if (tok(c, "Kw_each", 0) && !expr && binding) {
      const b = this.binding(binding);
      return this.make({ kind: "select", binding: b, span }, b.list, b.where);
    }
    if (!expr) return { kind: "error", span };
    const value = this.expression(expr);
    if (!binding) return value;
    const b = this.binding(binding);
    return this.make({ kind: "select", binding: b, map: value, span }, value, b.list, b.where);
  }
}

function firstToken(n: CstNode): IToken | undefined {
  for (const list of Object.values(n.children)) for (const el of list ?? []) if (isToken(el)) return el;
  return undefined;
}

function arithmeticOp(image: string): ArithmeticOp {
  if (image === "+") return "+";
  if (image === "-" || image === "−") return "-";
  if (image === "×" || image === "*") return "×";
  return "÷";
}

function compareOp(image: string): CompareOp {
  switch (image) {
    case "!=":
    case "≠":
      return "≠";
    case "<":
      return "<";
    case "<=":
    case "≤":
      return "≤";
    case ">":
      return ">";
    case ">=":
    case "≥":
      return "≥";
    default:
      return "=";
  }
}

/** Index of the `}` closing the `{` at `open`, skipping texts inside; the end of the body if none. */
function matchingBrace(body: string, open: number): number {
  let depth = 0;
  for (let i = open; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") i++;
    else if (c === '"') {
      i++;
      while (i < body.length && body[i] !== '"') i += body[i] === "\\" ? 2 : 1;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return body.length;
}

export const NESTING_MESSAGE: [string, string] = [
  `嵌套过深（括号、if 与 every/some 合计超过 ${LIMITS.maxNesting} 层），请拆分表达式`,
  `Nested too deeply (brackets, if and every/some together exceed ${LIMITS.maxNesting} levels); split the expression`,
];

const OPENERS = new Set(["LParen", "LBracket", "LBrace"]);
const CLOSERS = new Set(["RParen", "RBracket", "RBrace"]);
/** Constructs the parser enters recursively without a closing bracket; they count until the clause ends. */
const OPEN_ENDED = new Set(["Kw_if", "Kw_every", "Kw_some"]);
const CLAUSE_STARTS = new Set([
  "Kw_rule",
  "Kw_parameter",
  "Kw_base",
  "Kw_disable",
  "Kw_change",
  "Kw_when",
  "Kw_assert",
  "Kw_at",
  "Kw_message",
  "Kw_example",
  "Kw_profile",
]);

/**
 * The token at which nesting first exceeds the limit, if any. Checked before parsing because the parser
 * recurses on brackets, `if` and quantifiers: 10,000 nested parentheses must be a message, not a stack
 * overflow. Open-ended constructs are counted generously (until the clause ends), which only matters for
 * absurd input.
 */
export function nestingProblem(tokens: IToken[]): IToken | undefined {
  let brackets = 0;
  let openEnded = 0;
  for (const t of tokens) {
    const name = t.tokenType.name;
    if (OPENERS.has(name)) brackets++;
    else if (CLOSERS.has(name)) brackets = Math.max(0, brackets - 1);
    else if (OPEN_ENDED.has(name)) openEnded++;
    else if (CLAUSE_STARTS.has(name)) openEnded = 0;
    if (brackets + openEnded > LIMITS.maxNesting) return t;
  }
  return undefined;
}
