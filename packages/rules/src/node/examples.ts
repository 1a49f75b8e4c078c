/**
 * Examples of packs on disk (`efapiao rules test` / `rules check`): the packs are loaded from their
 * directories and base documents read from files next to the rule files.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { SourceDiagnostic } from "../source.js";
import {
  type ExampleFiles,
  type ExampleOptions,
  type ExamplesReport,
  lintPackExamples,
  runPackExamples,
} from "../examples.js";
import type { Pack } from "../pack.js";
import { loadPack } from "./load.js";

/** Base documents as files, relative to the rule file's directory (or the working directory). */
export const fileSystemExampleFiles: ExampleFiles = {
  resolve: (dir, path) => resolve(dir ?? ".", path),
  read: (file) => readFile(file, "utf8"),
};

/** Loads the packs at `paths` (directories or files) on top of `extends`. */
function loadAll(paths: string[], options: ExampleOptions): Promise<Pack[]> {
  return Promise.all(
    paths.map((p) => loadPack(p, { extends: options.extends, functions: options.functions })),
  );
}

/**
 * Runs the examples of the rule packs at `paths`.
 * @example
 * const report = await runExamples([standardPackDir()]);
 * console.log(formatExamplesReport(report)); // ✓ 96 examples passed
 * process.exitCode = report.ok ? 0 : 1;
 */
export async function runExamples(paths: string[], options: ExampleOptions = {}): Promise<ExamplesReport> {
  const packs = await loadAll(paths, options);
  return runPackExamples(packs, { files: fileSystemExampleFiles, ...options });
}

/**
 * Lints the packs at `paths` without an input document: everything the compiler checks, plus base
 * documents that exist and parse, and at least one `expect pass` and one `expect fail` example per rule.
 * @example
 * const problems = await lintPacks(["company-rules"], { extends: [await loadStandardPack()] });
 */
export async function lintPacks(
  paths: string[],
  options: ExampleOptions = {},
): Promise<{ packs: Pack[]; diagnostics: SourceDiagnostic[] }> {
  return lintPackExamples(await loadAll(paths, options), { files: options.files ?? fileSystemExampleFiles });
}
