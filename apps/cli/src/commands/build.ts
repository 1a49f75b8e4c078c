/**
 * `efapiao build FILE [--view canonical|platform] [--words 圆|元] [--codes FILE]`
 * Sale data → invoice payload (contracts.md §3). Rejections print the diagnostics JSON on stdout and exit 1.
 */
import { buildInvoiceFromJson } from "@efapiao/calc";
import { parseJsonText, toPlatformView } from "@efapiao/model";
import { loadCodeTable } from "../code-table.js";
import type { RunOf } from "../command.js";
import { printDiagnostics, printInvoice } from "../human.js";
import { EXIT, printDiagnosticsJson, printJson, readInput, UsageError } from "../io.js";
import type { buildSpec } from "../specs/build.js";

export const build: RunOf<typeof buildSpec> = async ({ values, positionals, io, format, style }) => {
  if (positionals.length !== 1) {
    throw new UsageError(
      "build 需要一个输入文件（或 - 表示标准输入）",
      "build takes one input FILE (or - for stdin)",
    );
  }
  const { view, words } = values;
  const codes = await loadCodeTable(io, values.codes);
  io.stderr(`efapiao: 分类编码表 / code table ${codes.version} (${codes.source})\n`);

  const json = parseJsonText(await readInput(io, positionals[0]!));
  const result = json.ok ? buildInvoiceFromJson(json.value, { codes, words }) : json;
  if (!result.ok) {
    if (format === "human") printDiagnostics(io, style, result.diagnostics);
    else printDiagnosticsJson(io, result.diagnostics);
    return EXIT.rejected;
  }
  if (format === "human") printInvoice(io, style, result.value);
  else printJson(io, view === "platform" ? toPlatformView(result.value) : result.value);
  return EXIT.ok;
};
