/**
 * Packs: the rule files of one directory compiled together (LANGUAGE.md §7). Parameters are gathered from
 * every file first, so a rule may use a parameter declared in another file of its pack or of a pack it
 * extends; rule ids must be unique across a run; overrides must name a rule that exists.
 */
import type { Severity } from "@efapiao/model";
import type { FileAst, OverrideDecl, RuleDecl } from "./ast.js";
import { type CheckEnv, Checker, type ParamInfo } from "./checker.js";
import { compilingPack } from "./compile.js";
import { DEFAULT_REGISTRY } from "./functions/index.js";
import { BUILTIN_PARAMETERS, type Parameter } from "./parameters.js";
import { FileReporter, parseSource } from "./parse.js";
import type { FunctionRegistry } from "./registry.js";
import { type CompiledRule, compileRule } from "./rule.js";
import { location, type SourceDiagnostic } from "./source.js";
import { suggest } from "./suggest.js";
import { fits, typeWords } from "./types.js";
import type { Value } from "./values.js";

/** One rule file to compile. */
export interface RuleSource {
  /** The name diagnostics show, e.g. `standard/calculations.rules`. */
  name: string;
  text: string;
  /** The directory the file's examples read their base documents from. */
  dir?: string;
}

export interface Override {
  rule: string;
  action: Severity | "disabled";
  source: string;
}

export interface Pack {
  name: string;
  /** The directory the pack was loaded from, when it was. */
  dir?: string;
  /** The rules that compiled (a rule with an error is left out, and its error is in `diagnostics`). */
  rules: CompiledRule[];
  overrides: Override[];
  parameters: Parameter[];
  /** Every problem found in the pack's files; errors make `validate` report the pack as invalid. */
  diagnostics: SourceDiagnostic[];
  /** The packs this one was compiled on top of (their parameters and rule ids were visible). */
  extends: Pack[];
  sources: RuleSource[];
}

export interface CompileOptions {
  /** The pack's name (default: "rules"). */
  name?: string;
  dir?: string;
  /** Packs this one builds on: their parameters and rules are visible to it. */
  extends?: Pack[];
  /** Functions rules may call (default: the built-ins). */
  functions?: FunctionRegistry;
}

/** Everything visible to a pack from the packs it extends (and theirs). */
function inherited(packs: Pack[]): { rules: CompiledRule[]; overrides: Override[]; parameters: Parameter[] } {
  const seen = new Set<Pack>();
  const out = {
    rules: [] as CompiledRule[],
    overrides: [] as Override[],
    parameters: [...BUILTIN_PARAMETERS],
  };
  const visit = (pack: Pack) => {
    if (seen.has(pack)) return;
    seen.add(pack);
    pack.extends.forEach(visit);
    out.rules.push(...pack.rules);
    out.overrides.push(...pack.overrides);
    out.parameters.push(...pack.parameters);
  };
  packs.forEach(visit);
  return out;
}

/**
 * Compiles rule files into a pack. Never throws on anything in the files: problems are in `diagnostics`.
 * @example
 * const pack = compilePack([{ name: "acme.rules", text }], { name: "acme", extends: [await loadStandardPack()] });
 * if (pack.diagnostics.length) console.log(pack.diagnostics.map((d) => formatSourceDiagnostic(d, text)).join("\n"));
 */
export function compilePack(sources: RuleSource[], options: CompileOptions = {}): Pack {
  // One compilation: the pack's rules share what they compute alike (compile.ts, `compileSelection`).
  return compilingPack(() => compilePackNow(sources, options));
}

function compilePackNow(sources: RuleSource[], options: CompileOptions): Pack {
  const parents = options.extends ?? [];
  const base = inherited(parents);
  const parsed = sources.map((source) => {
    const reporter = new FileReporter(source.name);
    return { source, reporter, ast: parseSource(source.text, reporter) };
  });

  const parameters: Parameter[] = [];
  const paramTypes = new Map<string, ParamInfo>(
    base.parameters.map((p) => [p.name, { name: p.name, type: p.type }]),
  );
  const ownParams = new Set<string>();
  for (const { source, reporter, ast } of parsed) {
    for (const decl of ast.declarations) {
      if (decl.kind !== "parameter") continue;
      const checker = new Checker(source.text, reporter, {
        functions: options.functions ?? DEFAULT_REGISTRY,
        params: new Map(),
      });
      const value = checker.constant(decl.value);
      if (!value) continue;
      if (ownParams.has(decl.name.name)) {
        reporter.report(
          "RULES_DUPLICATE",
          decl.name.span,
          `参数 ${decl.name.name} 在本规则包中重复声明`,
          `The parameter ${decl.name.name} is declared twice in this pack`,
        );
        continue;
      }
      const existing = paramTypes.get(decl.name.name);
      if (existing && !fits(value.type, existing.type)) {
        reporter.report(
          "RULES_TYPE",
          decl.value.span,
          `参数 ${decl.name.name} 原为${typeWords(existing.type).zh}，不能改为${typeWords(value.type).zh}`,
          `The parameter ${decl.name.name} is ${typeWords(existing.type).en}; it cannot become ${typeWords(value.type).en}`,
        );
        continue;
      }
      const type = existing?.type ?? value.type;
      const profiles = new Map<string, Value>();
      for (const p of decl.profiles) {
        const v = checker.constant(p.value);
        if (!v) continue;
        if (!fits(v.type, type)) {
          reporter.report(
            "RULES_TYPE",
            p.value.span,
            `该值应为${typeWords(type).zh}`,
            `This value must be ${typeWords(type).en}`,
          );
          continue;
        }
        if (profiles.has(p.profile.name)) {
          reporter.report(
            "RULES_DUPLICATE",
            p.profile.span,
            `profile ${p.profile.name} 重复`,
            `The profile ${p.profile.name} is given twice`,
          );
        }
        profiles.set(p.profile.name, v.value);
      }
      ownParams.add(decl.name.name);
      paramTypes.set(decl.name.name, { name: decl.name.name, type });
      parameters.push({
        name: decl.name.name,
        type,
        value: value.value,
        profiles,
        source: location(source.name, decl.span),
      });
    }
  }

  const env: CheckEnv = { functions: options.functions ?? DEFAULT_REGISTRY, params: paramTypes };
  const rules: CompiledRule[] = [];
  const overrides: Override[] = [];
  const ids = new Map<string, string>(base.rules.map((r) => [r.id, r.source]));
  const pendingOverrides: { decl: OverrideDecl; reporter: FileReporter; file: string }[] = [];
  const presuming: { decl: RuleDecl; reporter: FileReporter }[] = [];
  for (const { source, reporter, ast } of parsed) {
    const fileBase = baseOf(ast, reporter);
    for (const decl of ast.declarations) {
      if (decl.kind === "override") pendingOverrides.push({ decl, reporter, file: source.name });
      if (decl.kind !== "rule") continue;
      const rule = compileOne(decl, source, reporter, env, fileBase);
      const where = location(source.name, decl.id.span);
      const clash = ids.get(decl.id.name);
      if (clash) {
        reporter.report(
          "RULES_DUPLICATE",
          decl.id.span,
          `规则编号 ${decl.id.name} 重复（已在 ${clash} 定义）`,
          `The rule id ${decl.id.name} is already defined at ${clash}`,
        );
        continue;
      }
      ids.set(decl.id.name, where);
      if (rule) rules.push(rule);
      if (decl.presumes.length > 0) presuming.push({ decl, reporter });
    }
  }
  checkPresumptions(presuming, ids, [...base.rules, ...rules]);
  for (const { decl, reporter, file } of pendingOverrides) {
    if (!ids.has(decl.rule.name)) {
      const hint = suggest(decl.rule.name, ids.keys());
      reporter.report(
        "RULES_UNKNOWN_RULE",
        decl.rule.span,
        `没有编号为 ${decl.rule.name} 的规则${hint ? `，是否要写 ${hint}？` : ""}`,
        `No rule has the id ${decl.rule.name}${hint ? `; did you mean ${hint}?` : ""}`,
      );
      continue;
    }
    overrides.push({ rule: decl.rule.name, action: decl.action, source: location(file, decl.span) });
  }
  return {
    name: options.name ?? "rules",
    dir: options.dir,
    rules,
    overrides,
    parameters,
    diagnostics: parsed.flatMap((p) => p.reporter.finish()),
    extends: parents,
    sources,
  };
}

/**
 * A rule presumes rules that exist (in this pack or one it extends), not itself, and never in a circle:
 * when two rules presumed each other and both failed, neither would be reported.
 */
function checkPresumptions(
  presuming: { decl: RuleDecl; reporter: FileReporter }[],
  ids: ReadonlyMap<string, string>,
  known: readonly CompiledRule[],
): void {
  const presumes = new Map(known.map((r) => [r.id, r.presumes]));
  for (const { decl } of presuming)
    presumes.set(
      decl.id.name,
      decl.presumes.map((p) => p.name),
    );
  /** Whether `from` reaches `to` by presumptions (depth-first, each rule once). */
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (from === to) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    return (presumes.get(from) ?? []).some((next) => reaches(next, to, seen));
  };
  for (const { decl, reporter } of presuming) {
    const id = decl.id.name;
    for (const p of decl.presumes) {
      if (!ids.has(p.name)) {
        const hint = suggest(p.name, ids.keys());
        reporter.report(
          "RULES_UNKNOWN_RULE",
          p.span,
          `没有编号为 ${p.name} 的规则${hint ? `，是否要写 ${hint}？` : ""}`,
          `No rule has the id ${p.name}${hint ? `; did you mean ${hint}?` : ""}`,
        );
      } else if (reaches(p.name, id)) {
        const self = p.name === id;
        reporter.report(
          "RULES_PRESUMES_CYCLE",
          p.span,
          self
            ? `规则 ${id} 不能以自身为前提`
            : `规则 ${id} 以 ${p.name} 为前提，而 ${p.name} 又（直接或间接）以 ${id} 为前提：两者都失败时将都不报告`,
          self
            ? `The rule ${id} cannot presume itself`
            : `The rule ${id} presumes ${p.name}, which presumes ${id} (directly or not): when both failed, neither would be reported`,
        );
      }
    }
  }
}

/** The file's `base` declaration (at most one). */
function baseOf(ast: FileAst, reporter: FileReporter): string | undefined {
  let base: string | undefined;
  for (const decl of ast.declarations) {
    if (decl.kind !== "base") continue;
    if (base !== undefined)
      reporter.report(
        "RULES_DUPLICATE",
        decl.span,
        "一个文件只能有一个 base",
        "A file can have only one base",
      );
    base ??= decl.path;
  }
  return base;
}

/** Checks and compiles one rule; undefined when the check found errors. */
function compileOne(
  decl: RuleDecl,
  source: RuleSource,
  reporter: FileReporter,
  env: CheckEnv,
  base: string | undefined,
): CompiledRule | undefined {
  const before = reporter.diagnostics.length;
  const checked = new Checker(source.text, reporter, env).rule(decl);
  const failed = reporter.diagnostics.slice(before).some((d) => d.severity === "error");
  // A file whose syntax failed may still have rules that parsed; they are only usable if they checked clean.
  if (
    failed ||
    reporter.diagnostics.some(
      (d) => d.code === "RULES_SYNTAX" && d.start >= decl.span.start && d.start < decl.span.end,
    )
  ) {
    return undefined;
  }
  return compileRule(checked, {
    source: location(source.name, decl.span),
    file: source.name,
    dir: source.dir,
    span: decl.span,
    examples: decl.examples,
    base,
  });
}
