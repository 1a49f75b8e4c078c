/**
 * The importer for the official table layout (the STA's xlsx export, or CSV with the same columns), working
 * on the grid of cells a spreadsheet reader returns, so it does not care which file format the cells came
 * from. It checks everything before producing anything: on any error the result is the list of problems,
 * each with its spreadsheet row number (header = row 1) and cell reference, and no pack at all.
 */
import type { Diagnostic, Message } from "@efapiao/model";
import type { CodeTable } from "./code-table.js";
import {
  type CodePack,
  codeTableFromPack,
  encodeCodePack,
  type OfficialRow,
  PACK_COLUMNS,
} from "./code-pack.js";
import { policyFlagsForSpecialManagement } from "./policy-flags.js";
import { parseRateText } from "./rate-text.js";

/** The official export's columns, in its order. */
export const OFFICIAL_COLUMNS = ["BB", "QYSJ", "GDQJZSJ", ...PACK_COLUMNS] as const;
export type OfficialColumn = (typeof OFFICIAL_COLUMNS)[number];

/** Without these a row cannot become an entry; the others are carried along when present. */
const REQUIRED_COLUMNS: readonly OfficialColumn[] = [
  "BB",
  "QYSJ",
  "SPBM",
  "SPMC",
  "SPBMJC",
  "ZZSSL",
  "HZX",
  "PID",
];

/** A cell as spreadsheet readers return it. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A diagnostic about one cell (or row) of the imported file. */
export interface ImportDiagnostic extends Diagnostic {
  /** Spreadsheet row number, header = 1. */
  row?: number;
  /** Official column name (SPBM, ZZSSL …). */
  column?: string;
}

export interface CodeImportOptions {
  /** The file's name, recorded in the pack. */
  file: string;
  /** How the resulting table names its origin in messages (default: `file`), e.g. the full path. */
  tableSource?: string;
  /** SHA-256 of the file's bytes, recorded in the pack. */
  sha256?: string;
  /** ISO timestamp recorded in the pack; defaults to now. */
  importedAt?: string;
  /** At most this many problems are listed (then one summary line); default 100. */
  maxDiagnostics?: number;
}

export type CodeImportResult =
  | { ok: true; pack: CodePack; table: CodeTable; warnings: ImportDiagnostic[] }
  | { ok: false; diagnostics: ImportDiagnostic[] };

/**
 * Data rows of each official table version, as published (data/SOURCE.md: version 32.0 of 2019-04-01 has
 * 4,236 rows). A file of a listed version with fewer rows is cut short or edited, and is refused, so that it
 * can never replace the complete table of that version in the cache. Versions not listed are checked
 * against the cache instead (`codes import` keeps the larger table of a version).
 */
export const OFFICIAL_ROW_COUNTS: Readonly<Record<string, number>> = { "32.0": 4236 };

const CODE_19 = /^\d{19}$/;
const VERSION = /^\d+(\.\d+)*$/;
/** How many leading rows may precede the header (a title line, an empty row). */
const HEADER_SEARCH_ROWS = 5;

/**
 * Validates a grid of cells in the official layout and encodes it as a pack.
 * @example
 * const result = importCodeGrid(await readXlsxFile(bytes), { file: "tax-codes.xlsx" });
 * if (result.ok) result.table.get("3040201010000000000")?.rates; // ["0.06"]
 * else result.diagnostics; // [{ row: 7, column: "SPBM", path: "D7", message: "…", … }]
 */
export function importCodeGrid(
  grid: readonly (readonly Cell[])[],
  options: CodeImportOptions,
): CodeImportResult {
  const problems = new Problems();
  const header = findHeader(grid, problems);
  const rows: OfficialRow[] = [];
  const meta = new TableMeta(problems);
  if (header !== undefined) {
    const firstCodeRow = new Map<string, number>();
    const parentRefs: { code: string; row: number }[] = [];
    for (let index = header.rowIndex + 1; index < grid.length; index++) {
      const cells = grid[index] ?? [];
      if (cells.every((cell) => text(cell) === "")) continue;
      if (cells.length < header.width) {
        // A CSV cut in the middle of a row: the record ends before the header's last column.
        problems.error("CODES_ROW_CUT", index + 1, undefined, header.columns, {
          zh: `这一行只有 ${cells.length} 列，表头有 ${header.width} 列：文件可能在这一行被截断`,
          en: `This row has ${cells.length} cells where the header has ${header.width}: the file may be cut short here`,
        });
      }
      const row = readRow(cells, index + 1, header.columns, problems, meta);
      const previous = firstCodeRow.get(row.SPBM);
      if (previous !== undefined && row.SPBM !== "") {
        problems.error("CODES_DUPLICATE_CODE", index + 1, "SPBM", header.columns, {
          zh: `编码 ${row.SPBM} 重复（第 ${previous} 行已出现）`,
          en: `Code ${row.SPBM} appears twice (first on row ${previous})`,
        });
      } else firstCodeRow.set(row.SPBM, index + 1);
      if (row.PID !== "") parentRefs.push({ code: row.PID, row: index + 1 });
      rows.push(row);
    }
    for (const ref of parentRefs) {
      if (!firstCodeRow.has(ref.code)) {
        problems.error("CODES_MISSING_PARENT", ref.row, "PID", header.columns, {
          zh: `上级编码 ${ref.code} 不在表中`,
          en: `Parent code ${ref.code} is not in the table`,
        });
      }
    }
    const official = meta.version === undefined ? undefined : OFFICIAL_ROW_COUNTS[meta.version];
    if (official !== undefined && rows.length > 0 && rows.length < official) {
      problems.error("CODES_TOO_FEW_ROWS", header.rowIndex + 1, undefined, header.columns, {
        zh: `版本 ${meta.version} 的官方编码表有 ${official} 行，这个文件只有 ${rows.length} 行：文件不完整（被截断或删改），未导入`,
        en: `The official table of version ${meta.version} has ${official} rows; this file has ${rows.length}: it is incomplete (cut short or edited) and was not imported`,
      });
    }
    if (rows.length === 0) {
      problems.error("CODES_EMPTY", header.rowIndex + 1, undefined, header.columns, {
        zh: "表头之后没有数据行",
        en: "There are no data rows after the header",
      });
    }
  }
  const diagnostics = problems.list(options.maxDiagnostics ?? 100);
  if (problems.errors > 0 || meta.version === undefined || meta.startDate === undefined) {
    return { ok: false, diagnostics };
  }
  const pack = encodeCodePack(rows, {
    version: meta.version,
    startDate: meta.startDate,
    transitionEnd: meta.transitionEnd,
    source: {
      file: options.file,
      ...(options.sha256 ? { sha256: options.sha256 } : {}),
      importedAt: options.importedAt ?? new Date().toISOString(),
    },
  });
  const loaded = codeTableFromPack(pack, options.tableSource ?? options.file);
  // The pack was built from rows checked above, so decoding it cannot fail; if it ever did, say so.
  if (!loaded.ok)
    return { ok: false, diagnostics: [...diagnostics, importError("CODES_INTERNAL", "", loaded.message)] };
  return { ok: true, pack, table: loaded.table, warnings: diagnostics };
}

interface Header {
  rowIndex: number;
  /** Cells up to the header's last named column: a data row with fewer was cut short. */
  width: number;
  /** Official column → 0-based column index. */
  columns: Map<OfficialColumn, number>;
}

function findHeader(grid: readonly (readonly Cell[])[], problems: Problems): Header | undefined {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const names = (grid[rowIndex] ?? []).map((cell) => text(cell).toUpperCase());
    if (!names.includes("SPBM")) continue;
    const columns = new Map<OfficialColumn, number>();
    names.forEach((name, index) => {
      if ((OFFICIAL_COLUMNS as readonly string[]).includes(name) && !columns.has(name as OfficialColumn)) {
        columns.set(name as OfficialColumn, index);
      }
    });
    const missing = REQUIRED_COLUMNS.filter((name) => !columns.has(name));
    if (missing.length > 0) {
      problems.error("CODES_MISSING_COLUMN", rowIndex + 1, undefined, columns, {
        zh: `表头缺少列：${missing.join("、")}`,
        en: `The header lacks column(s): ${missing.join(", ")}`,
      });
      return undefined;
    }
    let width = names.length;
    while (width > 0 && names[width - 1] === "") width--;
    return { rowIndex, width, columns };
  }
  problems.error("CODES_NO_HEADER", 1, undefined, new Map(), {
    zh: `前 ${HEADER_SEARCH_ROWS} 行中没有找到官方编码表的表头（BB, QYSJ, SPBM, SPMC, SPBMJC, ZZSSL, HZX, PID …）`,
    en: `No header of the official table layout (BB, QYSJ, SPBM, SPMC, SPBMJC, ZZSSL, HZX, PID …) in the first ${HEADER_SEARCH_ROWS} rows`,
  });
  return undefined;
}

/** Reads and checks one data row; problems are recorded, and the row is returned as far as it could be read. */
function readRow(
  cells: readonly Cell[],
  rowNumber: number,
  columns: Map<OfficialColumn, number>,
  problems: Problems,
  meta: TableMeta,
): OfficialRow {
  const get = (name: OfficialColumn): Cell => {
    const index = columns.get(name);
    return index === undefined ? undefined : cells[index];
  };
  const fail = (rule: string, column: OfficialColumn, message: Message) =>
    problems.error(rule, rowNumber, column, columns, message);

  meta.check("BB", readVersion(get("BB")), rowNumber, columns);
  meta.check("QYSJ", readDate(get("QYSJ")), rowNumber, columns);
  if (text(get("GDQJZSJ")) !== "") meta.check("GDQJZSJ", readDate(get("GDQJZSJ")), rowNumber, columns);

  const row = {} as OfficialRow;
  for (const name of PACK_COLUMNS) row[name] = text(get(name));

  const code = row.SPBM;
  if (!CODE_19.test(code)) {
    const hint = /e\+?\d+$/i.test(code) ? "（单元格被存为数字，丢失了位数；请把该列设为文本）" : "";
    const hintEn = /e\+?\d+$/i.test(code)
      ? " (the cell was stored as a number and lost digits; format the column as text)"
      : "";
    fail("CODES_BAD_CODE", "SPBM", {
      zh: code === "" ? "缺少编码 SPBM" : `编码 “${clip(code)}” 不是 19 位数字${hint}`,
      en: code === "" ? "The code SPBM is missing" : `Code "${clip(code)}" is not 19 digits${hintEn}`,
    });
  }
  if (row.SPMC === "")
    fail("CODES_MISSING_NAME", "SPMC", { zh: "缺少名称 SPMC", en: "The name SPMC is missing" });
  if (row.SPBMJC === "")
    fail("CODES_MISSING_SHORT_NAME", "SPBMJC", {
      zh: "缺少简称 SPBMJC",
      en: "The short name SPBMJC is missing",
    });
  if (row.HZX !== "Y" && row.HZX !== "N") {
    fail("CODES_BAD_SUMMARY_FLAG", "HZX", {
      zh: `汇总项 HZX 应为 Y 或 N，收到 “${clip(row.HZX)}”`,
      en: `HZX (summary row) must be Y or N, got "${clip(row.HZX)}"`,
    });
  }
  if (row.KYZT !== "" && row.KYZT !== "Y" && row.KYZT !== "N") {
    fail("CODES_BAD_AVAILABLE_FLAG", "KYZT", {
      zh: `可用状态 KYZT 应为 Y 或 N，收到 “${clip(row.KYZT)}”`,
      en: `KYZT (available) must be Y or N, got "${clip(row.KYZT)}"`,
    });
  }
  const rates = parseRateText(row.ZZSSL);
  if (!rates.ok) fail("CODES_BAD_RATE", "ZZSSL", rates.message);
  else if (rates.rates.length === 0 && row.HZX === "N") {
    fail("CODES_LEAF_WITHOUT_RATE", "ZZSSL", {
      zh: "非汇总项（HZX=N）必须有税率 ZZSSL",
      en: "A leaf row (HZX=N) needs a rate in ZZSSL",
    });
  }
  const unknownWords = policyFlagsForSpecialManagement(
    row.ZZSTSGL === "" ? [] : row.ZZSTSGL.split("、"),
  ).unknown;
  if (unknownWords.length > 0) {
    problems.warning("CODES_UNKNOWN_SPECIAL_MANAGEMENT", rowNumber, "ZZSTSGL", columns, {
      zh: `增值税特殊管理 “${unknownWords.join("、")}” 不对应任何优惠政策标识，已原样保留`,
      en: `Special management "${unknownWords.join("、")}" matches no policy flag; kept as written`,
    });
  }

  // PID "0" (or empty) marks a top row; anything else must be a 19-digit code (its existence is checked
  // once all rows are read, since a parent may come after its children in a hand-edited file).
  if (row.PID === "0") row.PID = "";
  if (row.PID !== "" && !CODE_19.test(row.PID)) {
    fail("CODES_BAD_PARENT", "PID", {
      zh: `上级编码 PID “${clip(row.PID)}” 不是 19 位数字（顶层行写 0）`,
      en: `Parent code PID "${clip(row.PID)}" is not 19 digits (top rows say 0)`,
    });
  } else if (row.PID !== "" && row.PID === code) {
    fail("CODES_BAD_PARENT", "PID", { zh: "上级编码不能是自身", en: "A code cannot be its own parent" });
  }
  if (row.GXSJ !== "") {
    const updated = readDate(get("GXSJ"));
    if (updated.ok) row.GXSJ = updated.value;
    else {
      problems.warning("CODES_BAD_UPDATE_DATE", rowNumber, "GXSJ", columns, updated.message);
      row.GXSJ = "";
    }
  }
  return row;
}

type Read = { ok: true; value: string } | { ok: false; message: Message };

/** The version as the file writes it; a bare "32" (a spreadsheet that turned "32.0" into a number) becomes "32.0". */
function readVersion(cell: Cell): Read {
  const value = text(cell);
  if (value === "") return { ok: false, message: { zh: "缺少版本 BB", en: "The version BB is missing" } };
  if (!VERSION.test(value)) {
    return {
      ok: false,
      message: {
        zh: `版本 BB “${clip(value)}” 无效（例如 32.0）`,
        en: `Version BB "${clip(value)}" is invalid (e.g. 32.0)`,
      },
    };
  }
  return { ok: true, value: value.includes(".") ? value : `${value}.0` };
}

/** Dates as the official file writes them (20190401), as people retype them (2019-04-01, 2019/4/1), or as date cells. */
function readDate(cell: Cell): Read {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return badDate("?");
    return { ok: true, value: cell.toISOString().slice(0, 10) };
  }
  const value = text(cell);
  if (value === "") return { ok: false, message: { zh: "缺少日期", en: "The date is missing" } };
  const match = /^(\d{4})(?:(\d{2})(\d{2})|[-/.](\d{1,2})[-/.](\d{1,2}))(?:[ T][\d:.]+)?$/.exec(value);
  if (!match) return badDate(value);
  const [, year, month = match[4]!, day = match[5]!] = match;
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  // A real calendar date survives the round trip through Date (2019-02-30 does not).
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) return badDate(value);
  return { ok: true, value: iso };
}

function badDate(value: string): Read {
  return {
    ok: false,
    message: {
      zh: `日期 “${clip(value)}” 无效（例如 20190401）`,
      en: `Date "${clip(value)}" is invalid (e.g. 20190401)`,
    },
  };
}

/**
 * The table-wide values (BB version, QYSJ start date, GDQJZSJ transition end): every row must carry them and
 * agree with the first row that did.
 */
class TableMeta {
  version?: string;
  startDate?: string;
  transitionEnd?: string;
  private readonly firstRow = new Map<string, number>();

  constructor(private readonly problems: Problems) {}

  check(
    column: "BB" | "QYSJ" | "GDQJZSJ",
    read: Read,
    rowNumber: number,
    columns: Map<OfficialColumn, number>,
  ) {
    const rule = column === "BB" ? "CODES_BAD_VERSION" : "CODES_BAD_DATE";
    if (!read.ok) {
      this.problems.error(rule, rowNumber, column, columns, read.message);
      return;
    }
    const field = column === "BB" ? "version" : column === "QYSJ" ? "startDate" : "transitionEnd";
    const current = this[field];
    if (current === undefined) {
      this[field] = read.value;
      this.firstRow.set(column, rowNumber);
    } else if (current !== read.value) {
      this.problems.error(rule, rowNumber, column, columns, {
        zh: `${column} “${read.value}” 与第 ${this.firstRow.get(column)} 行的 “${current}” 不一致：一个文件只能是一个版本`,
        en: `${column} "${read.value}" differs from "${current}" on row ${this.firstRow.get(column)}: a file holds one version`,
      });
    }
  }
}

/** Collects diagnostics in row order and counts errors, however many are later listed. */
class Problems {
  errors = 0;
  private readonly items: ImportDiagnostic[] = [];

  error(
    rule: string,
    row: number,
    column: OfficialColumn | undefined,
    columns: Map<OfficialColumn, number>,
    message: Message,
  ) {
    this.errors++;
    this.items.push(cellDiagnostic("error", rule, row, column, columns, message));
  }

  warning(
    rule: string,
    row: number,
    column: OfficialColumn,
    columns: Map<OfficialColumn, number>,
    message: Message,
  ) {
    this.items.push(cellDiagnostic("warning", rule, row, column, columns, message));
  }

  list(max: number): ImportDiagnostic[] {
    const sorted = [...this.items].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    if (sorted.length <= max) return sorted;
    const rest = sorted.length - max;
    return [
      ...sorted.slice(0, max),
      importError("CODES_MORE_PROBLEMS", "", {
        zh: `另有 ${rest} 个问题未列出`,
        en: `${rest} more problem(s) not listed`,
      }),
    ];
  }
}

function cellDiagnostic(
  severity: "error" | "warning",
  rule: string,
  row: number,
  column: OfficialColumn | undefined,
  columns: Map<OfficialColumn, number>,
  message: Message,
): ImportDiagnostic {
  const index = column === undefined ? undefined : columns.get(column);
  const path = index === undefined ? `${row}:${row}` : `${columnLetter(index)}${row}`;
  const where = column === undefined ? `第 ${row} 行` : `第 ${row} 行 ${column}（${path}）`;
  const whereEn = column === undefined ? `Row ${row}` : `Row ${row}, ${column} (${path})`;
  return {
    rule,
    severity,
    path,
    message: `${where}：${message.zh}`,
    messageEn: `${whereEn}: ${message.en}`,
    row,
    ...(column === undefined ? {} : { column }),
  };
}

function importError(rule: string, path: string, message: Message): ImportDiagnostic {
  return { rule, severity: "error", path, message: message.zh, messageEn: message.en };
}

/** 0 → A, 25 → Z, 26 → AA: the spreadsheet's own column names, so a user can jump to the cell. */
function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell as trimmed text: numbers through their shortest form, dates as YYYY-MM-DD, empty cells as "". */
function text(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}…` : value;
}
