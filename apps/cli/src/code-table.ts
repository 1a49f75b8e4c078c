/**
 * Which classification-code table a command uses (contracts.md §3), in order: `--codes FILE` (an official
 * xlsx/CSV file or an imported pack), the EFAPIAO_CODES environment variable (same), the newest pack in the
 * local cache filled by `efapiao codes import`, and last the built-in short list. A file that cannot be
 * read or is not a valid table is a UsageError (exit 2) listing the problems, never a stack trace.
 */
import { resolve } from "node:path";
import { builtinCodeTable, type CodeTable, type ImportDiagnostic } from "@efapiao/tables";
import { codeCacheDir, loadNewestCachedTable } from "@efapiao/tables/node";
import { readCodeTableBytes } from "@efapiao/tables-import";
import { type CliIO, readInputBytes, UsageError } from "./io.js";

/** How many of a rejected file's problems a usage message lists. */
const LISTED_PROBLEMS = 5;

/**
 * Resolves the table in use for a command.
 * @example
 * const table = await loadCodeTable(io, values.codes);
 * io.stderr(`code table ${table.version} (${table.source})\n`);
 */
export async function loadCodeTable(io: CliIO, codesFile?: string): Promise<CodeTable> {
  if (codesFile !== undefined && codesFile !== "") return loadTableFile(io, codesFile, "--codes");
  const fromEnv = io.env.EFAPIAO_CODES;
  if (fromEnv !== undefined && fromEnv !== "") return loadTableFile(io, fromEnv, "EFAPIAO_CODES");
  const cached = await loadNewestCachedTable(codeCacheDir(io.env));
  if (cached === undefined) return builtinCodeTable();
  if (!cached.ok) throw new UsageError(cached.message.zh, cached.message.en);
  return cached.table;
}

async function loadTableFile(io: CliIO, file: string, origin: string): Promise<CodeTable> {
  const bytes = await readInputBytes(io, file);
  const path = file === "-" ? "stdin" : resolve(io.cwd, file);
  const result = await readCodeTableBytes(bytes, path);
  if (!result.ok) {
    const { zh, en } = listProblems(result.diagnostics);
    throw new UsageError(
      `${origin} 指定的编码表 ${file} 无法使用：\n${zh}`,
      `The code table ${file} given by ${origin} cannot be used:\n${en}`,
    );
  }
  return result.table;
}

/** The first few errors of a rejected file, one per line; `codes import FILE` shows them all. */
export function listProblems(diagnostics: readonly ImportDiagnostic[]): { zh: string; en: string } {
  const errors = diagnostics.filter((d) => d.severity === "error");
  const zh = errors.slice(0, LISTED_PROBLEMS).map((d) => `  ${d.message}`);
  const en = errors.slice(0, LISTED_PROBLEMS).map((d) => `  ${d.messageEn}`);
  if (errors.length > LISTED_PROBLEMS) {
    zh.push("  …（完整列表请运行 efapiao codes import FILE）");
    en.push("  … (efapiao codes import FILE lists them all)");
  }
  return { zh: zh.join("\n"), en: en.join("\n") };
}
