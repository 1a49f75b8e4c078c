/**
 * The code pack: an imported official table stored as compact columnar JSON. One array per official column
 * (rows in table order); a column with few distinct values (HZX, ZZSSL, SPBMJC, PID …) is stored as a
 * dictionary plus an index array. Columnar arrays of short strings and small integers are what JSON.parse
 * is fastest at, and the dictionaries mean each distinct ZZSSL / ZZSTSGL text is parsed once at load.
 *
 * The pack keeps the table's own wording (ZZSSL "13%、9%", ZZSTSGL "免税") rather than parsed values, so
 * that one parser (rate-text.ts, policy-flags.ts) serves both the importer and the loader.
 */
import type { Message } from "@efapiao/model";
import type { CodeEntry, CodeTable } from "./code-table.js";
import { registerSearchColumns } from "./search-columns.js";
import { policyFlagsForSpecialManagement } from "./policy-flags.js";
import { parseRateText } from "./rate-text.js";

export const CODE_PACK_FORMAT = "efapiao-code-pack";
export const CODE_PACK_FORMAT_VERSION = 1;

/** The per-row official columns a pack stores (BB, QYSJ and GDQJZSJ are constant and live in the header). */
export const PACK_COLUMNS = [
  "SPBM",
  "SPMC",
  "SPBMJC",
  "SM",
  "ZZSSL",
  "GJZ",
  "HZX",
  "KYZT",
  "ZZSTSGL",
  "ZZSZCYJ",
  "ZZSTSNRDM",
  "XFSGL",
  "XFSZCYJ",
  "XFSTSNRDM",
  "TJJBM",
  "HGJCKSPPM",
  "PID",
  "GXSJ",
] as const;
export type PackColumnName = (typeof PACK_COLUMNS)[number];

/** A column: plain values, or a dictionary of distinct values and each row's index into it. */
export type PackColumn = string[] | { values: string[]; index: number[] };

export interface CodePack {
  format: typeof CODE_PACK_FORMAT;
  formatVersion: typeof CODE_PACK_FORMAT_VERSION;
  /** BB, e.g. "32.0". */
  version: string;
  /** QYSJ as YYYY-MM-DD. */
  startDate: string;
  /** GDQJZSJ (过渡期截止时间) as YYYY-MM-DD, when the file gives it. */
  transitionEnd?: string;
  /** The file the pack was imported from. */
  source: { file: string; sha256?: string; importedAt: string };
  rows: number;
  /** One column per official column; empty cells are "", PID of a top row is "". */
  columns: Record<PackColumnName, PackColumn>;
}

/** One validated row of an official file, keyed by official column, before encoding. */
export type OfficialRow = Record<PackColumnName, string>;

/**
 * Encodes validated rows as a pack (the importer calls this once its checks pass).
 * @example
 * const pack = encodeCodePack(rows, { version: "32.0", startDate: "2019-04-01", source: { file: "t.xlsx", importedAt } });
 */
export function encodeCodePack(
  rows: readonly OfficialRow[],
  meta: Pick<CodePack, "version" | "startDate" | "transitionEnd" | "source">,
): CodePack {
  const columns = {} as Record<PackColumnName, PackColumn>;
  for (const name of PACK_COLUMNS) columns[name] = encodeColumn(rows.map((row) => row[name]));
  return {
    format: CODE_PACK_FORMAT,
    formatVersion: CODE_PACK_FORMAT_VERSION,
    version: meta.version,
    startDate: meta.startDate,
    ...(meta.transitionEnd ? { transitionEnd: meta.transitionEnd } : {}),
    source: meta.source,
    rows: rows.length,
    columns,
  };
}

/** A dictionary pays off when values repeat: under a quarter distinct (HZX has 2, ZZSSL 8, SPBMJC 476). */
function encodeColumn(values: string[]): PackColumn {
  const positions = new Map<string, number>();
  const index = values.map((value) => {
    let position = positions.get(value);
    if (position === undefined) {
      position = positions.size;
      positions.set(value, position);
    }
    return position;
  });
  return positions.size * 4 <= values.length ? { values: [...positions.keys()], index } : values;
}

export type PackLoadResult = { ok: true; table: CodeTable; pack: CodePack } | { ok: false; message: Message };

/**
 * Parses pack JSON text into a table. Anything that is not a well-formed pack (truncated file, another
 * JSON file, a pack written by a newer efapiao) is a message, never an exception.
 * @example
 * const loaded = parseCodePack(readFileSync(path, "utf8"), path);
 * if (loaded.ok) loaded.table.get("3040201010000000000");
 */
export function parseCodePack(text: string, source: string): PackLoadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return corrupt(source, `JSON: ${(error as Error).message}`);
  }
  return codeTableFromPack(json, source);
}

/**
 * Builds a table over a parsed pack. Loading checks the whole pack (every column present and as long as the
 * table, every cell a string, every ZZSSL readable, codes 19 characters) and indexes codes in a Map; the
 * CodeEntry objects are built on first access, so loading costs little more than JSON.parse.
 * @example
 * const loaded = codeTableFromPack(JSON.parse(text), "cache/codes-32.0.json");
 */
export function codeTableFromPack(json: unknown, source: string): PackLoadResult {
  const problem = checkHeader(json);
  if (problem !== undefined) return corrupt(source, problem);
  const pack = json as CodePack;
  const columns = {} as Record<PackColumnName, ColumnView>;
  for (const name of PACK_COLUMNS) {
    const view = columnView(pack.columns[name], pack.rows);
    if (view === undefined) return corrupt(source, `column ${name}`);
    columns[name] = view;
  }
  const rates = new Map<string, readonly string[]>();
  for (const text of columns.ZZSSL.distinct()) {
    const parsed = parseRateText(text);
    if (!parsed.ok) return corrupt(source, `ZZSSL "${text}"`);
    rates.set(text, Object.freeze(parsed.rates));
  }
  const rowOf = new Map<string, number>();
  for (let row = 0; row < pack.rows; row++) {
    const code = columns.SPBM.at(row);
    if (code.length !== 19 || rowOf.has(code)) return corrupt(source, `SPBM row ${row + 1}`);
    rowOf.set(code, row);
  }
  const entryAt = entryReader(columns, rates, pack.rows);
  const table: CodeTable = {
    version: pack.version,
    startDate: pack.startDate,
    source,
    size: pack.rows,
    get: (code) => {
      const row = rowOf.get(code);
      return row === undefined ? undefined : entryAt(row);
    },
    entries: function* () {
      for (let row = 0; row < pack.rows; row++) yield entryAt(row);
    },
  };
  registerSearchColumns(table, {
    entryAt,
    code: () => columns.SPBM.strings(),
    name: () => columns.SPMC.strings(),
    shortName: () => columns.SPBMJC.strings(),
    keywords: () => columns.GJZ.strings(),
    description: () => columns.SM.strings(),
    summary: () => columns.HZX.strings().map((flag) => flag === "Y"),
  });
  return { ok: true, table, pack };
}

/** A checked column: cell access, its distinct values, and all cells as a plain array. */
interface ColumnView {
  at(row: number): string;
  distinct(): Iterable<string>;
  strings(): readonly string[];
}

/** Checks a column (right length, strings only, dictionary indexes in range) and gives access to it. */
function columnView(column: unknown, rows: number): ColumnView | undefined {
  if (Array.isArray(column)) {
    if (column.length !== rows || !column.every((cell) => typeof cell === "string")) return undefined;
    const cells = column as string[];
    return { at: (row) => cells[row]!, distinct: () => new Set(cells), strings: () => cells };
  }
  if (typeof column !== "object" || column === null) return undefined;
  const { values, index } = column as { values?: unknown; index?: unknown };
  if (!Array.isArray(values) || !values.every((value) => typeof value === "string")) return undefined;
  if (!Array.isArray(index) || index.length !== rows) return undefined;
  if (!index.every((position) => Number.isInteger(position) && position >= 0 && position < values.length)) {
    return undefined;
  }
  const dictionary = values as string[];
  const positions = index as number[];
  let strings: string[] | undefined;
  return {
    at: (row) => dictionary[positions[row]!]!,
    distinct: () => dictionary,
    strings: () => {
      strings ??= positions.map((position) => dictionary[position]!);
      return strings;
    },
  };
}

/**
 * Entries built on first access and kept. Rates and special-management lists are shared (frozen) between
 * the rows whose ZZSSL / ZZSTSGL read the same.
 */
function entryReader(
  columns: Record<PackColumnName, ColumnView>,
  rates: Map<string, readonly string[]>,
  rows: number,
): (row: number) => CodeEntry {
  const built: (CodeEntry | undefined)[] = new Array(rows);
  const special = new Map<string, { words: readonly string[]; flags: readonly string[] }>();
  const specialOf = (text: string) => {
    let parsed = special.get(text);
    if (parsed === undefined) {
      const words = Object.freeze(text === "" ? [] : text.split("、"));
      parsed = { words, flags: Object.freeze(policyFlagsForSpecialManagement(words).flags) };
      special.set(text, parsed);
    }
    return parsed;
  };
  const cell = (name: PackColumnName, row: number) => columns[name].at(row);
  const optional = (name: PackColumnName, row: number) => columns[name].at(row) || undefined;
  return (row) => {
    let entry = built[row];
    if (entry === undefined) {
      const rateText = cell("ZZSSL", row);
      const { words, flags } = specialOf(cell("ZZSTSGL", row));
      entry = {
        code: cell("SPBM", row),
        name: cell("SPMC", row),
        shortName: cell("SPBMJC", row),
        rates: rates.get(rateText) as string[],
        summary: cell("HZX", row) === "Y",
        specialManagement: words as string[],
        description: optional("SM", row),
        keywords: optional("GJZ", row),
        parent: optional("PID", row),
        policyFlags: flags as string[],
        rateText,
        available: cell("KYZT", row) !== "N",
        official: {
          vatPolicyBasis: optional("ZZSZCYJ", row),
          vatSpecialContentCode: optional("ZZSTSNRDM", row),
          consumptionTaxManagement: optional("XFSGL", row),
          consumptionTaxPolicyBasis: optional("XFSZCYJ", row),
          consumptionTaxSpecialContentCode: optional("XFSTSNRDM", row),
          statisticsCode: optional("TJJBM", row),
          customsHeading: optional("HGJCKSPPM", row),
          updated: optional("GXSJ", row),
        },
      };
      built[row] = entry;
    }
    return entry;
  };
}

/** What is wrong with the pack's header, or undefined when it is right. */
function checkHeader(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null) return "not an object";
  const pack = json as Partial<CodePack>;
  if (pack.format !== CODE_PACK_FORMAT) return "format";
  if (pack.formatVersion !== CODE_PACK_FORMAT_VERSION) return `format version ${String(pack.formatVersion)}`;
  if (typeof pack.version !== "string" || typeof pack.startDate !== "string") return "version";
  if (!Number.isInteger(pack.rows) || (pack.rows as number) < 1) return "rows";
  if (typeof pack.columns !== "object" || pack.columns === null) return "columns";
  return undefined;
}

function corrupt(source: string, detail: string): { ok: false; message: Message } {
  return {
    ok: false,
    message: {
      zh: `编码表文件 ${source} 已损坏或不是 efapiao 编码包（${detail}），请重新运行 efapiao codes import`,
      en: `Code table file ${source} is corrupt or not an efapiao code pack (${detail}); run efapiao codes import again`,
    },
  };
}
