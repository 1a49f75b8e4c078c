/**
 * Test access to the official table in ../shared/data (read in place, never copied into the repo), and a
 * small grid builder for hand-made tables.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { importCodeGrid } from "../src/code-import.js";
import type { CodeTable } from "../src/code-table.js";

/** /work/shared/data/tax-codes, from packages/tables/test/. */
const TAX_CODES = new URL("../../../../shared/data/tax-codes/", import.meta.url);

export const SHARED_XLSX = fileURLToPath(new URL("tax-codes-v32-2019-04-01.xlsx", TAX_CODES));
export const SHARED_CSV = fileURLToPath(new URL("tax-codes-v32-2019-04-01.csv", TAX_CODES));

/** The official CSV as a grid of strings (header = grid[0] = spreadsheet row 1). */
export function sharedCsvGrid(): string[][] {
  return parse(readFileSync(SHARED_CSV, "utf8")) as string[][];
}

let shared: Promise<CodeTable> | undefined;

/**
 * The official v32.0 table, imported once per test file from the CSV grid (the file readers live in
 * @efapiao/tables-import, which depends on this package; the checks are `importCodeGrid`'s either way).
 */
export function sharedTable(): Promise<CodeTable> {
  shared ??= Promise.resolve().then(() => {
    const result = importCodeGrid(sharedCsvGrid(), {
      file: "tax-codes-v32-2019-04-01.csv",
      tableSource: SHARED_CSV,
    });
    if (!result.ok) throw new Error(`the shared table did not import: ${JSON.stringify(result.diagnostics)}`);
    return result.table;
  });
  return shared;
}

export const HEADER = [
  "BB",
  "QYSJ",
  "GDQJZSJ",
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
];

/**
 * The version of hand-made tables: one with no official row count (OFFICIAL_ROW_COUNTS), since a table of
 * three rows that called itself 32.0 would rightly be refused as cut short.
 */
export const TINY_VERSION = "30.0";

/** A row in the official layout from the few columns a test cares about; the rest are empty or defaults. */
export function row(fields: Partial<Record<string, string>>): string[] {
  const defaults: Record<string, string> = {
    BB: TINY_VERSION,
    QYSJ: "20190401",
    GDQJZSJ: "20190501",
    KYZT: "Y",
    GXSJ: "20190401",
  };
  return HEADER.map((column) => fields[column] ?? defaults[column] ?? "");
}

/** A tiny valid table: 货物 → 谷物 (summary) → 小麦 (leaf, 9%). Rows 2–4 of the spreadsheet. */
export function tinyGrid(): string[][] {
  return [
    HEADER,
    row({ SPBM: "1000000000000000000", SPMC: "货物", SPBMJC: "货物", HZX: "Y", PID: "0" }),
    row({ SPBM: "1010101000000000000", SPMC: "谷物", SPBMJC: "谷物", HZX: "Y", PID: "1000000000000000000" }),
    row({
      SPBM: "1010101010000000000",
      SPMC: "小麦",
      SPBMJC: "谷物",
      ZZSSL: "9%",
      HZX: "N",
      PID: "1010101000000000000",
      GJZ: "小麦、麦子",
    }),
  ];
}
