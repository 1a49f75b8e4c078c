/**
 * `efapiao preview FILE [--html OUT.html] [--pdf OUT.pdf] [--codes FILE] [--words 圆|元] [--kind special|general]`
 * Renders a sale, an invoice payload, an issued invoice, platform/DocBits XML or a received OFD as the
 * fapiao looks when issued (contracts.md §4). With neither --html nor --pdf the HTML goes to stdout; both may be given.
 * Rejected input prints the diagnostics JSON on stdout (exit 1); warnings go to stderr.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Diagnostic } from "@efapiao/model";
import { readPreviewDocument, readPreviewOfd, renderInvoiceHtml } from "@efapiao/preview";
import { renderInvoicePdf } from "@efapiao/preview/node";
import { loadCodeTable } from "../code-table.js";
import type { RunOf } from "../command.js";
import { type CliIO, EXIT, printJson, resolvePath, UsageError } from "../io.js";
import { readCommandInput } from "../ofd-input.js";
import type { previewSpec } from "../specs/preview.js";

export const preview: RunOf<typeof previewSpec> = async ({ values, positionals, io }) => {
  if (positionals.length !== 1) {
    throw new UsageError(
      "preview 需要一个输入文件（或 - 表示标准输入）",
      "preview takes one input FILE (or - for stdin)",
    );
  }
  const { words, kind } = values;
  const input = await readCommandInput(io, positionals[0]!);
  const read = input.ofd
    ? readPreviewOfd(input.ofd, { kind })
    : readPreviewDocument(input.text, { codes: await loadCodeTable(io, values.codes), words, kind });
  if (!read.ok) {
    printJson(io, { valid: false, diagnostics: read.diagnostics });
    return EXIT.rejected;
  }
  report(io, read.diagnostics);

  if (values.html === undefined && values.pdf === undefined) {
    io.stdout(renderInvoiceHtml(read.value));
    return EXIT.ok;
  }
  if (values.html !== undefined) await save(io, values.html, renderInvoiceHtml(read.value));
  if (values.pdf !== undefined) await save(io, values.pdf, await renderInvoicePdf(read.value));
  return EXIT.ok;
};

async function save(io: CliIO, file: string, content: string | Uint8Array): Promise<void> {
  const path = resolvePath(io, file);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "unwritable";
    throw new UsageError(`无法写入文件 ${file}（${reason}）`, `Cannot write file ${file} (${reason})`);
  }
  io.stderr(`efapiao preview: ${file}\n`);
}

/** Warnings and notes go to stderr, one line each. */
function report(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.severity === "error") continue;
    io.stderr(`efapiao preview: ${d.severity} ${d.rule} ${d.path}: ${d.message} / ${d.messageEn}\n`);
  }
}
