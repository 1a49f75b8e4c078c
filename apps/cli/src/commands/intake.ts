/**
 * `efapiao intake PATH [--csv FILE] [--rules PATH]… [--profile NAME] [--codes FILE] [--provider P --url URL]`
 * A directory or zip of received files → one report (@efapiao/receiving): the JSON report on stdout,
 * optionally CSV in a file, progress on stderr when it is a terminal.
 */
import { writeFile } from "node:fs/promises";
import { intakeCsv, intake as takeIn } from "@efapiao/receiving";
import { collectFiles } from "@efapiao/receiving/node";
import { createValidator } from "@efapiao/rules";
import { loadCodeTable } from "../code-table.js";
import type { RunOf } from "../command.js";
import { type CliIO, EXIT, printJson, resolvePath, UsageError } from "../io.js";
import type { intakeSpec } from "../specs/intake.js";
import { verificationOf } from "../verification-provider.js";
import { checkProfile, loadPacks } from "./validate.js";

export const intake: RunOf<typeof intakeSpec> = async ({ values, positionals, io }) => {
  if (positionals.length !== 1) {
    throw new UsageError(
      "intake 需要一个目录、zip 或文件",
      "intake takes one PATH: a directory, a zip or a file",
    );
  }
  const collected = await collectFiles(resolvePath(io, positionals[0]!));
  if (!collected.ok) {
    const d = collected.diagnostics[0]!;
    throw new UsageError(d.message, d.messageEn);
  }
  const packs = await loadPacks(io, values.rules ?? []);
  const profile = checkProfile(values.profile, packs);
  const codes = await loadCodeTable(io, values.codes);
  const { files, skipped } = collected.value;
  io.stderr(
    `efapiao intake: ${files.length} 个文件 / file(s)` +
      (skipped.length > 0
        ? `，跳过 / skipped ${skipped.length}（${skipped.slice(0, 5).join(", ")}${skipped.length > 5 ? " …" : ""}）`
        : "") +
      `\n`,
  );
  const progress = io.stderrIsTTY ? progressBar(io) : undefined;
  const verify = values.provider !== undefined ? await verificationOf(values, io) : undefined;
  const report = await takeIn(files, {
    check: createValidator({ packs, profile, codes }),
    onProgress: progress,
    ...(verify ? { verify } : {}),
  });
  if (progress) io.stderr("\n");
  if (values.csv !== undefined) await writeFile(resolvePath(io, values.csv), intakeCsv(report));
  printJson(io, report);
  io.stderr(
    `读取 ${report.read}，拒绝 ${report.refused}，有错误 ${report.withErrors}，重复 ${report.duplicated} / ` +
      `read ${report.read}, refused ${report.refused}, with errors ${report.withErrors}, duplicated ${report.duplicated}\n`,
  );
  const notGenuine = verify ? report.entries.filter((e) => e.verification?.status !== "genuine").length : 0;
  return report.refused + report.withErrors + report.duplicated + notGenuine === 0 ? EXIT.ok : EXIT.rejected;
};

/** A one-line bar redrawn in place (carriage return), at most every 1% so a big batch is not slowed. */
function progressBar(io: CliIO) {
  let shown = -1;
  return (done: number, total: number) => {
    const percent = Math.floor((done / total) * 100);
    if (percent === shown && done !== total) return;
    shown = percent;
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
  };
}
