/**
 * Reading packs from disk (`@efapiao/rules/node`): a pack is a directory of `.rules` files, read in name
 * order. Unreadable directories and files are diagnostics like any other problem, never exceptions.
 */
import { readdir, readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { type CompileOptions, compilePack, type Pack, type RuleSource } from "../pack.js";
import { NO_SPAN } from "../source.js";

/** Reads the `.rules` files of a directory, or one `.rules` file, as rule sources named `DIR/FILE`. */
export async function readRuleSources(
  path: string,
): Promise<{ sources: RuleSource[]; problem?: { zh: string; en: string } }> {
  const full = resolve(path);
  let entries: string[];
  try {
    entries = (await readdir(full, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name.endsWith(".rules"))
      .map((e) => e.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTDIR")
      return {
        sources: [],
        problem: {
          zh: `无法读取规则目录 ${path}（${code ?? "错误"}）`,
          en: `Cannot read the rule directory ${path} (${code ?? "error"})`,
        },
      };
    return readOne(full, resolve(full, ".."));
  }
  entries.sort();
  const sources: RuleSource[] = [];
  for (const name of entries) {
    const one = await readOne(join(full, name), full);
    if (one.problem) return one;
    sources.push(...one.sources);
  }
  return { sources };
}

async function readOne(
  file: string,
  dir: string,
): Promise<{ sources: RuleSource[]; problem?: { zh: string; en: string } }> {
  try {
    const text = await readFile(file, "utf8");
    return { sources: [{ name: `${basename(dir)}/${basename(file)}`, text, dir }] };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    return {
      sources: [],
      problem: {
        zh: `无法读取规则文件 ${file}（${code}）`,
        en: `Cannot read the rule file ${file} (${code})`,
      },
    };
  }
}

/**
 * Loads a pack from a directory of `.rules` files (or a single file).
 * @example
 * const standard = await loadStandardPack();
 * const company = await loadPack("./company-rules", { extends: [standard] });
 * validate(invoice, { packs: [standard, company] });
 */
export async function loadPack(path: string, options: CompileOptions = {}): Promise<Pack> {
  const { sources, problem } = await readRuleSources(path);
  const name = options.name ?? basename(resolve(path)).replace(/\.rules$/, "");
  const pack = compilePack(sources, { ...options, name, dir: resolve(path) });
  if (problem) {
    pack.diagnostics.unshift({
      ...NO_SPAN,
      severity: "error",
      code: "RULES_UNREADABLE",
      message: problem.zh,
      messageEn: problem.en,
      file: path,
    });
  }
  return pack;
}
