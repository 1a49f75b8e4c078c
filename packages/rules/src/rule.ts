/**
 * A compiled rule: its metadata, and closures for its guard, quantifier, assertion, reported path and
 * messages. `evaluate` is everything validation does with a rule.
 */
import type { Severity } from "@efapiao/model";
import type { ExampleDecl } from "./ast.js";
import type { AppliesTo, CheckedRule } from "./checker.js";
import {
  type Compiled,
  compileExpr,
  compilePath,
  compileSelection,
  compileTemplate,
  compiling,
  type Env,
  nextIteration,
  shareSubexpressions,
} from "./compile.js";
import type { Span } from "./source.js";

export interface CompiledRule {
  id: string;
  severity: Severity;
  /** `file:line:column` of the rule, as diagnostics carry it. */
  source: string;
  /** The rule file's name as given to the compiler, and the directory its examples are read from. */
  file: string;
  dir?: string;
  span: Span;
  appliesTo: AppliesTo;
  effective: { from?: string; to?: string };
  /** Ids of the rules whose failure on the same subject makes this rule's failure a consequence. */
  presumes: string[];
  /** English paths of the fields the rule reads. */
  reads: string[];
  examples: ExampleDecl[];
  /** The file's `base` document for examples, if declared. */
  base?: string;
  /** The checked form, kept for traces (examples) and tooling; validation does not use it. */
  checked: CheckedRule;
  /** Number of variable slots `evaluate` needs in `env.vars`. */
  slots: number;
  /** Runs the rule on `env.doc`, calling `fail` once per failure (with the variables of that failure). */
  evaluate(env: Env, fail: (env: Env) => void): void;
  /**
   * What a failure is about, for presumptions: the index of the line under `for each`, or -1 for the whole
   * document.
   */
  subject(env: Env): number;
  path(env: Env): string;
  message(env: Env, lang: "zh" | "en"): string;
}

/** Turns a checked rule into closures. */
export function compileRule(
  checked: CheckedRule,
  meta: { source: string; file: string; dir?: string; span: Span; examples: ExampleDecl[]; base?: string },
): CompiledRule {
  return compiling(() => compileRuleNow(checked, meta));
}

function compileRuleNow(
  checked: CheckedRule,
  meta: { source: string; file: string; dir?: string; span: Span; examples: ExampleDecl[]; base?: string },
): CompiledRule {
  if (checked.forEach) shareSubexpressions([checked.forEach.where, checked.assert], checked.forEach.slot);
  const when = checked.when && compileExpr(checked.when);
  const assert = compileExpr(checked.assert);
  const path = compilePath(checked.reportAt);
  const forEachSlot = checked.forEach?.slot;
  const messages = {
    zh: compileTemplate(checked.messages.zh, "zh"),
    en: compileTemplate(checked.messages.en, "en"),
  };
  const evaluate = checked.forEach
    ? forEachEvaluator(checked.forEach, when, assert)
    : (env: Env, fail: (env: Env) => void) => {
        if (when && when(env) !== true) return;
        if (assert(env) === false) fail(env);
      };
  return {
    id: checked.id,
    severity: checked.severity,
    ...meta,
    appliesTo: checked.appliesTo,
    effective: checked.effective,
    presumes: checked.presumes,
    reads: checked.reads,
    checked,
    slots: checked.slots,
    evaluate,
    subject: forEachSlot === undefined ? () => -1 : (env) => env.vars[forEachSlot] as number,
    path,
    message: (env, lang) => messages[lang](env),
  };
}

function forEachEvaluator(
  forEach: NonNullable<CheckedRule["forEach"]>,
  when: Compiled | undefined,
  assert: Compiled,
) {
  const slot = forEach.slot;
  const selected = forEach.where && compileSelection(forEach.list, forEach.where, slot);
  if (selected) {
    // The lines the `where` selects, once per document for every rule that selects them alike.
    return (env: Env, fail: (env: Env) => void) => {
      if (when && when(env) !== true) return;
      const items = selected(env) as number[] | undefined;
      if (items === undefined) return;
      for (let i = 0; i < items.length; i++) {
        env.vars[slot] = items[i];
        nextIteration();
        if (assert(env) === false) fail(env);
      }
    };
  }
  const list = compileExpr(forEach.list);
  const where = forEach.where && compileExpr(forEach.where);
  return (env: Env, fail: (env: Env) => void) => {
    if (when && when(env) !== true) return;
    const items = list(env) as number[] | undefined;
    if (items === undefined) return;
    for (let i = 0; i < items.length; i++) {
      env.vars[slot] = items[i];
      nextIteration();
      if (where && where(env) !== true) continue;
      // Only a definite false fails: a missing result means the rule does not apply to this line.
      if (assert(env) === false) fail(env);
    }
  };
}
