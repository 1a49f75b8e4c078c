/**
 * The runner: documents in, Diagnostics JSON out (contracts.md, "Diagnostics JSON"). Packs are stacked in
 * order, overrides applied, the profile's parameter values resolved — once, in `createValidator` — and each
 * document then only runs compiled closures.
 */
import type { Diagnostic, Severity } from "@efapiao/model";
import { todayInShanghai } from "@efapiao/calc";
import { builtinCodeTable, type CodeTable } from "@efapiao/tables";
import { type DocView, issueDateOf, viewOf } from "./binding.js";
import type { Env } from "./compile.js";
import type { Pack } from "./pack.js";
import {
  BUILTIN_PARAMETERS,
  DEFAULT_PROFILE,
  knownProfiles,
  type Parameter,
  resolveParameters,
} from "./parameters.js";
import type { CompiledRule } from "./rule.js";
import { location } from "./source.js";

export interface ValidateOptions {
  /** Rule packs, later ones on top of earlier ones (e.g. `[standard, company]`). */
  packs: Pack[];
  /** `strict` (default), `legacy`, or a profile a pack declares. */
  profile?: string;
  /** Parameter values that win over every pack and profile, e.g. `{ "tolerance.line": "0.02" }`. */
  params?: Readonly<Record<string, unknown>>;
  /** The classification-code table in use (default: the built-in short list). */
  codes?: CodeTable;
  /** The date used for documents without an issue date (default: today in Asia/Shanghai). */
  today?: string;
}

/** The accept/reject report of one document. */
export interface ValidationResult {
  /** False when any diagnostic is an error. */
  valid: boolean;
  diagnostics: Diagnostic[];
}

interface ActiveRule {
  rule: CompiledRule;
  severity: Severity;
}

/** Every pack of a run with the packs it extends, each once, parents first. */
function stack(packs: Pack[]): Pack[] {
  const out: Pack[] = [];
  const visit = (pack: Pack) => {
    if (out.includes(pack)) return;
    pack.extends.forEach(visit);
    out.push(pack);
  };
  packs.forEach(visit);
  return out;
}

/** The rules that run, in pack order, with overrides applied (later overrides win). */
function activeRules(packs: Pack[]): ActiveRule[] {
  const severity = new Map<string, Severity | "disabled">();
  for (const pack of packs) for (const o of pack.overrides) severity.set(o.rule, o.action);
  const out: ActiveRule[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const s = severity.get(rule.id) ?? rule.severity;
      if (s !== "disabled") out.push({ rule, severity: s });
    }
  }
  return out;
}

function applies(rule: CompiledRule, doc: DocView, issueDate: string): boolean {
  const { kinds, forms } = rule.appliesTo;
  if (forms && !forms.has(doc.form)) return false;
  if (kinds) {
    const kind = doc.raw.kind;
    if (typeof kind !== "string" || !kinds.has(kind)) return false;
  }
  const { from, to } = rule.effective;
  return (from === undefined || issueDate >= from) && (to === undefined || issueDate <= to);
}

/**
 * Prepares a validator for a set of packs and options, for validating many documents.
 * @example
 * const check = createValidator({ packs: [await loadStandardPack()], profile: "legacy", codes });
 * for (const invoice of invoices) console.log(check(invoice).valid);
 */
export function createValidator(options: ValidateOptions): (document: unknown) => ValidationResult {
  return prepareRun(options);
}

/**
 * The validator of {@link createValidator}; `select` keeps only some rules (the example runner runs one rule
 * at a time, with its pack's parameters and overrides).
 */
export function prepareRun(
  options: ValidateOptions,
  select: (rule: CompiledRule) => boolean = () => true,
): (document: unknown) => ValidationResult {
  const run = resolveRun(options);
  const rules = activeRules(run.packs).filter((r) => select(r.rule));
  const slots = Math.max(0, ...rules.map((r) => r.rule.slots));
  // The diagnostics of the document being validated. Each rule's failure callback is made once, here, rather
  // than once per document.
  let out: Diagnostic[] = [];
  // What each failure of this document was about (rule index, subject), in the order of `out`, for
  // presumptions: a failure whose presumed rule failed on the same subject is a consequence, not reported.
  const presumed = presumedIndexes(rules.map((r) => r.rule));
  let failed: { rule: number; subject: number }[] = [];
  const failures = rules.map(({ rule, severity }, index) => (env: Env) => {
    if (presumed) failed.push({ rule: index, subject: rule.subject(env) });
    out.push({
      rule: rule.id,
      severity,
      path: rule.path(env),
      message: rule.message(env, "zh"),
      messageEn: rule.message(env, "en"),
      source: rule.source,
    });
  });
  const running = rules.map(({ rule }) => rule);
  // Which rules apply depends only on the document's form, kind and issue date, which documents of a batch
  // share: the list is worked out once per combination.
  const applicable = new Map<string, number[]>();
  const applying = (doc: DocView, issueDate: string): number[] => {
    const kind = doc.raw.kind;
    const key = `${doc.form} ${issueDate} ${typeof kind === "string" ? `"${kind}` : "-"}`;
    let list = applicable.get(key);
    if (!list) {
      list = [];
      for (let i = 0; i < rules.length; i++) if (applies(rules[i]!.rule, doc, issueDate)) list.push(i);
      if (applicable.size >= 1000) applicable.clear();
      applicable.set(key, list);
    }
    return list;
  };
  return (document) => {
    const env = run.envFor(document, slots);
    let diagnostics: Diagnostic[] = [];
    const outer = out;
    const outerFailed = failed;
    out = diagnostics;
    failed = [];
    try {
      const list = applying(env.doc, env.ctx.issueDate);
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        running[i]!.evaluate(env, failures[i]!);
      }
      if (presumed && failed.length > 1) diagnostics = withoutConsequences(diagnostics, failed, presumed);
    } finally {
      out = outer;
      failed = outerFailed;
    }
    if (run.setup.length > 0) diagnostics.unshift(...run.setup);
    return { valid: !diagnostics.some((d) => d.severity === "error"), diagnostics };
  };
}

/**
 * For each rule of a run, the indexes (in the same run) of the rules it presumes; undefined when no rule
 * presumes any, so that runs without presumptions pay nothing for them. A presumed rule that does not run
 * (disabled, or not in the run) presumes nothing: its consequences are reported, as nothing else would be.
 */
function presumedIndexes(rules: readonly CompiledRule[]): number[][] | undefined {
  if (!rules.some((r) => r.presumes.length > 0)) return undefined;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return rules.map((r) => r.presumes.flatMap((id) => index.get(id) ?? []));
}

/**
 * The diagnostics without those whose failure is a consequence of a presumed rule's failure on the same
 * subject: the same line, or either of them about the whole document (LANGUAGE.md §3.6).
 */
function withoutConsequences(
  diagnostics: Diagnostic[],
  failed: readonly { rule: number; subject: number }[],
  presumed: readonly number[][],
): Diagnostic[] {
  const subjects = new Map<number, Set<number>>();
  for (const f of failed) {
    const set = subjects.get(f.rule);
    if (set) set.add(f.subject);
    else subjects.set(f.rule, new Set([f.subject]));
  }
  const consequence = ({ rule, subject }: { rule: number; subject: number }) =>
    presumed[rule]!.some((p) => {
      const causes = subjects.get(p);
      return causes !== undefined && (subject === -1 || causes.has(subject) || causes.has(-1));
    });
  return diagnostics.filter((_, i) => !consequence(failed[i]!));
}

/**
 * What a run needs besides its rules, resolved once: the stacked packs, the diagnostics every result carries
 * (pack errors, an unknown profile, bad parameter values), and how to make a document's environment.
 */
function resolveRun(options: ValidateOptions) {
  const packs = stack(options.packs);
  const setup: Diagnostic[] = [];
  for (const pack of packs) {
    // A pack's errors make every run invalid, so a broken pack cannot pass silently; its warnings are for
    // `rules check` and editors, not for every validated document.
    for (const d of pack.diagnostics.filter((x) => x.severity === "error")) {
      setup.push({
        rule: d.code,
        severity: d.severity,
        path: "",
        message: d.message,
        messageEn: d.messageEn,
        source: location(d.file, d),
      });
    }
  }
  const declared: Parameter[] = packs.flatMap((p) => p.parameters);
  const profile = options.profile ?? DEFAULT_PROFILE;
  const profiles = knownProfiles(declared);
  if (!profiles.has(profile)) {
    setup.push({
      rule: "RULES_PROFILE",
      severity: "error",
      path: "",
      message: `未知的配置 “${profile}”（可用：${[...profiles].join("、")}）`,
      messageEn: `Unknown profile "${profile}" (known: ${[...profiles].join(", ")})`,
    });
  }
  const params = resolveParameters([...BUILTIN_PARAMETERS, ...declared], profile, options.params);
  setup.push(...params.diagnostics);
  const codes = options.codes ?? builtinCodeTable();
  const today = () => options.today ?? lazyToday();
  return {
    packs,
    setup,
    envFor(document: unknown, slots: number): Env {
      const doc = viewOf(document);
      return {
        doc,
        vars: new Array(slots),
        ctx: { codes, params: params.values, issueDate: issueDateOf(doc, today) },
      };
    },
  };
}

/** A document's environment under a run's options (the example runner traces rules in it). */
export function runContext(options: ValidateOptions, document: unknown): Env {
  return resolveRun(options).envFor(document, 0);
}

export { applies as ruleApplies };

/**
 * Validates one document (a sale document, an invoice payload, or an issued invoice) against rule packs.
 * @example
 * const standard = await loadStandardPack();
 * validate(invoice, { packs: [standard], profile: "strict" })
 * // { valid: false, diagnostics: [{ rule: "FP-CO-01", severity: "error", path: "lines[3].tax", message: "…", messageEn: "…", source: "standard/calculations.rules:3:1" }] }
 */
export function validate(document: unknown, options: ValidateOptions): ValidationResult {
  return createValidator(options)(document);
}

let today: { day: string; at: number } | undefined;
/** Today in Asia/Shanghai, recomputed at most once a minute (Intl formatting is slow on a hot path). */
function lazyToday(): string {
  const now = Date.now();
  if (!today || now - today.at > 60_000) today = { day: todayInShanghai(new Date(now)), at: now };
  return today.day;
}
