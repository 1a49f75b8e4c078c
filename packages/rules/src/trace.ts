/**
 * "The values of the failing expression" (like OPA and power-assert): re-runs a rule's guard and assertion
 * with tracing closures for one document (and one line) and lists every sub-expression with its value.
 * Only the example runner uses this; validation never pays for it.
 */
import { type DocView, rawField, rawLineField } from "./binding.js";
import { compileExpr, type Env, formatRaw, formatValue, type Trace } from "./compile.js";
import { children, type Node } from "./ir.js";
import type { CompiledRule } from "./rule.js";
import type { Value } from "./values.js";

export interface TraceStep {
  /** The sub-expression as written. */
  text: string;
  /** Its value, as messages print it (English words for missing). */
  value: string;
}

export interface RuleTrace {
  /** `line = lines[2]` under `for each`, absent otherwise. */
  binding?: string;
  steps: TraceStep[];
}

function recorder(): Trace & { values: Map<Node, Value> } {
  const values = new Map<Node, Value>();
  return { values, record: (node, value) => values.set(node, value) };
}

/** A field's value as written in the document (as messages print it), else the computed value. */
function shown(node: Node, values: Map<Node, Value>, doc: DocView): string {
  let raw: string | undefined;
  if (node.k === "field" && node.field.read !== "list") raw = formatRaw(rawField(doc, node.field), "en");
  const line = node.k === "lineField" ? values.get(node.line) : undefined;
  if (node.k === "lineField" && typeof line === "number")
    raw = formatRaw(rawLineField(doc, line, node.field), "en");
  return raw ?? formatValue(values.get(node), node.type, "en");
}

/** Pre-order steps of a traced tree: the whole expression first, then its parts; literals are left out. */
function steps(
  root: Node,
  values: Map<Node, Value>,
  doc: DocView,
  out: TraceStep[],
  seen: Set<string>,
): void {
  if (!values.has(root)) return;
  if (root.k !== "const" && root.k !== "var" && !seen.has(root.text)) {
    seen.add(root.text);
    out.push({ text: root.text.replace(/\s+/g, " "), value: shown(root, values, doc) });
  }
  for (const child of children(root)) steps(child, values, doc, out, seen);
}

/**
 * Traces a rule on the document in `env`; `line` selects the line of a `for each` rule.
 * @example
 * traceRule(rule, env, 0).steps
 * // [{ text: "line.tax = round(line.amount × line.taxRate, 2) within tolerance.line", value: "false" },
 * //  { text: "line.tax", value: "6000.02" }, …]
 */
export function traceRule(rule: CompiledRule, env: Env, line?: number): RuleTrace {
  const { checked } = rule;
  const rec = recorder();
  const out: TraceStep[] = [];
  const seen = new Set<string>();
  const vars = new Array<Value>(Math.max(1, checked.slots));
  const traced: Env = { ...env, vars };
  if (checked.when) {
    const when = compileExpr(checked.when, rec)(traced);
    steps(checked.when, rec.values, env.doc, out, seen);
    if (when !== true) return { steps: out };
  }
  let binding: string | undefined;
  if (checked.forEach && line !== undefined) {
    vars[checked.forEach.slot] = line;
    binding = `${checked.forEach.variable} = lines[${line}]`;
    if (checked.forEach.where) {
      const where = compileExpr(checked.forEach.where, rec)(traced);
      steps(checked.forEach.where, rec.values, env.doc, out, seen);
      if (where !== true) return { binding, steps: out };
    }
  }
  compileExpr(checked.assert, rec)(traced);
  steps(checked.assert, rec.values, env.doc, out, seen);
  return { binding, steps: out };
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

/** A trace as aligned text lines, indented by `indent`. */
export function formatTrace(trace: RuleTrace, indent = "    "): string {
  const column = Math.min(72, Math.max(0, ...trace.steps.map((s) => width(s.text))));
  const lines = trace.steps.map(
    (s) => `${indent}${s.text}${" ".repeat(Math.max(1, column - width(s.text) + 2))}${s.value}`,
  );
  return [...(trace.binding ? [`${indent.slice(2)}${trace.binding}`] : []), ...lines].join("\n");
}
