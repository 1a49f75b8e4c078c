/**
 * The standard pack that ships with the package, compiled from its rule files embedded as data
 * (`standard-pack.generated.ts`, written by `pnpm gen:standard` from `standard/*.rules`), so that it loads
 * the same way in Node and in a browser, without a file system.
 */
import { type CompileOptions, compilePack, type Pack, type RuleSource } from "./pack.js";
import { STANDARD_RULE_FILES } from "./standard-pack.generated.js";

/**
 * The rule files of the standard pack as sources (`standard/calculations.rules`, …), in name order.
 * @example
 * const pack = compilePack(standardRuleSources(), { name: "standard" });
 */
export function standardRuleSources(): RuleSource[] {
  return Object.entries(STANDARD_RULE_FILES).map(([file, text]) => ({ name: `standard/${file}`, text }));
}

let cached: Promise<Pack> | undefined;

/**
 * Loads the standard pack (once per process with the built-in functions; again when `options` are given).
 * @example
 * const result = validate(invoice, { packs: [await loadStandardPack()] });
 */
export function loadStandardPack(options?: Omit<CompileOptions, "name" | "dir" | "extends">): Promise<Pack> {
  if (options) return Promise.resolve(compilePack(standardRuleSources(), { ...options, name: "standard" }));
  cached ??= Promise.resolve(compilePack(standardRuleSources(), { name: "standard" }));
  return cached;
}
