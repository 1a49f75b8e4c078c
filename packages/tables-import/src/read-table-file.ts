/**
 * Reading a classification-code table file from disk or bytes: the STA's xlsx export, a CSV with the same
 * columns (UTF-8, or GB18030 as Chinese Excel saves it), or a pack written by `efapiao codes import`.
 * The kind is told by the bytes, not the file name. Every failure is a diagnostic, never an exception.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { invalidUtf8Offset, type Message } from "@efapiao/model";
import { parse as parseCsv } from "csv-parse/sync";
import readXlsxFile from "read-excel-file/node";
import {
  type Cell,
  type CodeImportResult,
  type CodePack,
  type CodeTable,
  type ImportDiagnostic,
  importCodeGrid,
  parseCodePack,
} from "@efapiao/tables";

export type TableFileKind = "xlsx" | "csv" | "pack";

export type TableFileResult =
  | { ok: true; kind: TableFileKind; pack: CodePack; table: CodeTable; warnings: ImportDiagnostic[] }
  | { ok: false; diagnostics: ImportDiagnostic[] };

export interface ReadTableOptions {
  /** ISO timestamp recorded in an imported pack; defaults to now. */
  importedAt?: string;
}

/**
 * Reads a table file from disk. `source` (default: the path) is how the table names its origin in messages.
 * @example
 * const result = await readCodeTableFile("tax-codes-v32-2019-04-01.xlsx");
 * if (result.ok) result.table.version; // "32.0"
 */
export async function readCodeTableFile(
  path: string,
  options: ReadTableOptions = {},
): Promise<TableFileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
    return fileProblem({
      zh: `无法读取文件 ${path}（${reason}）`,
      en: `Cannot read file ${path} (${reason})`,
    });
  }
  return readCodeTableBytes(bytes, path, options);
}

/**
 * Reads a table from the bytes of a file named `file` (the name is only recorded, not used to guess the kind).
 * @example
 * const result = await readCodeTableBytes(await (await fetch(url)).bytes(), url);
 */
export async function readCodeTableBytes(
  bytes: Uint8Array,
  file: string,
  options: ReadTableOptions = {},
): Promise<TableFileResult> {
  const kind = detectKind(bytes);
  if (kind === "pack") {
    const loaded = parseCodePack(decodeText(bytes), file);
    if (!loaded.ok) return fileProblem(loaded.message);
    return { ok: true, kind, pack: loaded.pack, table: loaded.table, warnings: [] };
  }
  const grid = kind === "xlsx" ? await readXlsxGrid(bytes, file) : readCsvGrid(bytes, file);
  if (!Array.isArray(grid)) return fileProblem(grid);
  const imported: CodeImportResult = importCodeGrid(grid, {
    file: basename(file),
    tableSource: file,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    importedAt: options.importedAt,
  });
  if (!imported.ok) return imported;
  return { ok: true, kind, pack: imported.pack, table: imported.table, warnings: imported.warnings };
}

/** xlsx is a zip (PK\3\4); a pack is JSON (an object); anything else is read as CSV. */
function detectKind(bytes: Uint8Array): TableFileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[start]!)) start++;
  return bytes[start] === 0x7b ? "pack" : "csv";
}

async function readXlsxGrid(bytes: Uint8Array, file: string): Promise<Cell[][] | Message> {
  try {
    // parseNumber keeps numeric cells as the text stored in the file: a 19-digit code typed as a number
    // would otherwise be rounded by JavaScript, and a version "32.0" shortened to 32.
    return (await readXlsxFile(Buffer.from(bytes), { parseNumber: (value: string) => value })) as Cell[][];
  } catch (error) {
    return {
      zh: `无法读取 xlsx 文件 ${file}：${(error as Error).message}`,
      en: `Cannot read the xlsx file ${file}: ${(error as Error).message}`,
    };
  }
}

function readCsvGrid(bytes: Uint8Array, file: string): Cell[][] | Message {
  try {
    // Keep every record (empty ones too) so that record n is spreadsheet row n in messages.
    return parseCsv(decodeText(bytes), { relax_column_count: true, skip_empty_lines: false }) as Cell[][];
  } catch (error) {
    return {
      zh: `无法读取 CSV 文件 ${file}：${(error as Error).message}`,
      en: `Cannot read the CSV file ${file}: ${(error as Error).message}`,
    };
  }
}

/**
 * UTF-8 (with or without BOM), falling back to GB18030, the superset of GBK that Chinese Excel writes. A UTF-8
 * file cut in the middle of a character is still UTF-8 (read as such, its cut last row is then refused);
 * taking it for GB18030 would turn every name into mojibake.
 */
function decodeText(bytes: Uint8Array): string {
  const bad = invalidUtf8Offset(bytes);
  if (bad === -1 || isCutCharacter(bytes, bad)) return new TextDecoder("utf-8").decode(bytes);
  return new TextDecoder("gb18030").decode(bytes);
}

/** True when the bytes from `at` to the end are the start of a UTF-8 sequence that the end of file cut off. */
function isCutCharacter(bytes: Uint8Array, at: number): boolean {
  const lead = bytes[at]!;
  const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
  if (length === 0 || bytes.length - at >= length) return false;
  for (let i = at + 1; i < bytes.length; i++) if (bytes[i]! < 0x80 || bytes[i]! > 0xbf) return false;
  return true;
}

function fileProblem(message: Message): { ok: false; diagnostics: ImportDiagnostic[] } {
  return {
    ok: false,
    diagnostics: [
      {
        rule: "CODES_UNREADABLE_FILE",
        severity: "error",
        path: "",
        message: message.zh,
        messageEn: message.en,
      },
    ],
  };
}
