/**
 * `@efapiao/tables-import`: reads the official classification-code table from a file — the STA's xlsx
 * export, a CSV with the same columns, or a pack written by `efapiao codes import` — into a `CodeTable`.
 * It is a package of its own so that `@efapiao/tables` (and `@efapiao/calc` above it) install without the
 * xlsx and CSV readers; the checks themselves (`importCodeGrid`) live in `@efapiao/tables`.
 */
export {
  readCodeTableBytes,
  readCodeTableFile,
  type ReadTableOptions,
  type TableFileKind,
  type TableFileResult,
} from "./read-table-file.js";
