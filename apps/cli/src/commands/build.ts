/**
 * `efapiao build FILE [--view canonical|platform] [--words 圆|元] [--codes FILE]`
 * Sale data → invoice payload (contracts.md §3). Rejections print the diagnostics JSON on stdout and exit 1.
 */
import { buildInvoiceFromJson } from "@efapiao/calc";
import { parseJsonText, toPlatformView } from "@efapiao/model";
import { oneOf, parseCommandArgs } from "../args.js";
import { loadCodeTable } from "../code-table.js";
import { EXIT, printDiagnostics, printJson, readInput, UsageError } from "../io.js";
import type { Command } from "../main.js";

export const build: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    view: { type: "string" },
    words: { type: "string" },
    codes: { type: "string" },
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      "build 需要一个输入文件（或 - 表示标准输入）",
      "build takes one input FILE (or - for stdin)",
    );
  }
  const view = oneOf("view", values.view, ["canonical", "platform"], "canonical");
  const words = oneOf("words", values.words, ["圆", "元"], "圆");
  const codes = await loadCodeTable(io, values.codes);
  io.stderr(`efapiao: 分类编码表 / code table ${codes.version} (${codes.source})\n`);

  const json = parseJsonText(await readInput(io, positionals[0]!));
  const result = json.ok ? buildInvoiceFromJson(json.value, { codes, words }) : json;
  if (!result.ok) {
    printDiagnostics(io, result.diagnostics);
    return EXIT.rejected;
  }
  printJson(io, view === "platform" ? toPlatformView(result.value) : result.value);
  return EXIT.ok;
};
