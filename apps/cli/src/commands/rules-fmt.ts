/**
 * `efapiao rules fmt PATH… [--write | --check]`: the canonical layout of rule files (`formatRules`).
 * Prints the formatted text (one file) by default; `--write` rewrites files that change; `--check` lists
 * the files that are not formatted on stderr and exits 1 if there are any, changing nothing.
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { formatRules } from "@efapiao/rules";
import type { RunOf } from "../command.js";
import { EXIT, resolvePath, UsageError } from "../io.js";
import type { rulesFmtSpec } from "../specs/rules.js";

export const rulesFmt: RunOf<typeof rulesFmtSpec> = async ({ values, positionals, io }) => {
  if (positionals.length === 0) {
    throw new UsageError("rules fmt 需要 .rules 文件或目录", "rules fmt takes .rules files or directories");
  }
  if (values.write && values.check) {
    throw new UsageError("--write 与 --check 只能选一个", "Give either --write or --check, not both");
  }
  const files: string[] = [];
  for (const path of positionals) files.push(...(await ruleFiles(resolvePath(io, path), path)));
  if (!values.write && !values.check && files.length !== 1) {
    throw new UsageError(
      "打印格式化结果时只能给一个文件；多个文件请用 --write 或 --check",
      "Printing the formatted text takes one file; use --write or --check for several",
    );
  }
  let unformatted = 0;
  for (const file of files) {
    const text = await readFile(file, "utf8");
    const formatted = formatRules(text);
    if (!values.write && !values.check) {
      io.stdout(formatted);
      return EXIT.ok;
    }
    if (formatted === text) continue;
    unformatted++;
    if (values.check) io.stderr(`未格式化 / not formatted: ${file}\n`);
    else {
      await writeFile(file, formatted);
      io.stderr(`已格式化 / formatted: ${file}\n`);
    }
  }
  if (values.check && unformatted > 0) return EXIT.rejected;
  io.stderr(
    values.check
      ? `✓ ${files.length} 个文件格式正确 / ${files.length} file(s) formatted\n`
      : `${unformatted} 个文件已改写，共 ${files.length} 个 / ${unformatted} of ${files.length} file(s) rewritten\n`,
  );
  return EXIT.ok;
};

/** The `.rules` files of a directory (not recursive, as a pack is read), or the file itself. */
async function ruleFiles(full: string, given: string): Promise<string[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(full);
  } catch {
    throw new UsageError(`找不到规则路径 ${given}`, `No such rule path: ${given}`);
  }
  if (!info.isDirectory()) return [full];
  const names = (await readdir(full)).filter((name) => name.endsWith(".rules")).sort();
  return names.map((name) => join(full, name));
}
