/**
 * Named parameters and profiles (LANGUAGE.md §6). Tolerances are parameters, so a profile or a company
 * pack changes them without touching a rule. `strict` is the default profile; `legacy` reproduces the
 * tax-control devices' tolerances (0.06 per line, 1.27 per invoice; domain-facts.md, "Amount rules").
 */
import { type Diagnostic, isCalendarDate, readDecimal } from "@efapiao/model";
import { isList, type Type, typeWords } from "./types.js";
import { Decimal, type Value } from "./values.js";

export interface Parameter {
  name: string;
  type: Type;
  /** The value under the default profile (`strict`). */
  value: Value;
  /** Values under other profiles. */
  profiles: ReadonlyMap<string, Value>;
  /** Where it is declared (`file:line:col`, or `built-in`). */
  source: string;
}

export const DEFAULT_PROFILE = "strict";

export const BUILTIN_PARAMETERS: readonly Parameter[] = [
  {
    name: "tolerance.line",
    type: "number",
    value: new Decimal("0.01"),
    profiles: new Map([["legacy", new Decimal("0.06")]]),
    source: "built-in",
  },
  {
    name: "tolerance.invoice",
    type: "number",
    value: new Decimal("0.01"),
    profiles: new Map([["legacy", new Decimal("1.27")]]),
    source: "built-in",
  },
];

/** The profiles a set of parameters knows: strict, legacy, and any a pack names. */
export function knownProfiles(parameters: Iterable<Parameter>): Set<string> {
  const names = new Set([DEFAULT_PROFILE, "legacy"]);
  for (const p of parameters) for (const name of p.profiles.keys()) names.add(name);
  return names;
}

/** Reads a caller-supplied parameter value (JSON-ish) as the parameter's type. */
function fromHost(value: unknown, type: Type): Value | undefined {
  if (isList(type)) {
    if (!Array.isArray(value)) return undefined;
    const items = value.map((v) => fromHost(v, type.list));
    return items.some((v) => v === undefined) ? undefined : items;
  }
  switch (type) {
    case "number": {
      if (value instanceof Decimal) return value;
      const read = readDecimal(value);
      return read.ok ? new Decimal(read.text) : undefined;
    }
    case "text":
      return typeof value === "string" ? value : undefined;
    case "date":
      return typeof value === "string" && isCalendarDate(value) ? value : undefined;
    case "boolean":
      return typeof value === "boolean" ? value : undefined;
    default:
      return undefined;
  }
}

/**
 * The parameter values of a run: for each name the last declaration wins (built-ins, then packs in order),
 * the profile picks among its values, and `overrides` from the caller win over everything.
 */
export function resolveParameters(
  declared: Iterable<Parameter>,
  profile: string,
  overrides: Readonly<Record<string, unknown>> = {},
): { values: Record<string, Value>; diagnostics: Diagnostic[] } {
  const last = new Map<string, Parameter>();
  for (const p of declared) last.set(p.name, p);
  const values: Record<string, Value> = Object.create(null);
  for (const p of last.values()) values[p.name] = p.profiles.has(profile) ? p.profiles.get(profile) : p.value;
  const diagnostics: Diagnostic[] = [];
  for (const [name, raw] of Object.entries(overrides)) {
    const p = last.get(name);
    const value = p && fromHost(raw, p.type);
    if (p && value !== undefined) {
      values[name] = value;
      continue;
    }
    diagnostics.push({
      rule: "RULES_PARAMETER",
      severity: "error",
      path: "",
      message: p ? `参数 ${name} 应为${typeWords(p.type).zh}` : `没有名为 ${name} 的参数`,
      messageEn: p
        ? `The parameter ${name} must be ${typeWords(p.type).en}`
        : `There is no parameter named ${name}`,
    });
  }
  return { values, diagnostics };
}
