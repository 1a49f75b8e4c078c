/**
 * The standard pack that ships with the package. Its directory is found relative to this module, which
 * works both from `src/standard.ts` and from the bundle `dist/index.js`: both sit one level below the
 * package root, next to `standard/`. (This file must stay directly in `src/` for that reason.)
 */
import { fileURLToPath } from "node:url";
import { loadPack } from "./load.js";
import type { CompileOptions, Pack } from "./pack.js";

/** The absolute path of the standard pack's directory (`packages/rules/standard`). */
export function standardPackDir(): string {
  return fileURLToPath(new URL("../standard/", import.meta.url));
}

let cached: Promise<Pack> | undefined;

/**
 * Loads the standard pack (once per process with the built-in functions; again when `options` are given).
 * @example
 * const result = validate(invoice, { packs: [await loadStandardPack()] });
 */
export function loadStandardPack(options?: Omit<CompileOptions, "name" | "dir" | "extends">): Promise<Pack> {
  if (options) return loadPack(standardPackDir(), { ...options, name: "standard" });
  cached ??= loadPack(standardPackDir(), { name: "standard" });
  return cached;
}
