/**
 * `@efapiao/tables/node`: the parts that need Node (files, the xlsx reader, the local cache). The main
 * entry stays free of Node built-ins so that a browser can use the tables and a loaded pack.
 */
export {
  readCodeTableBytes,
  readCodeTableFile,
  type ReadTableOptions,
  type TableFileKind,
  type TableFileResult,
} from "./read-table-file.js";
export {
  type CachedPack,
  codeCacheDir,
  compareVersions,
  largerCachedPack,
  listCachedPacks,
  loadNewestCachedTable,
  saveCodePack,
} from "./code-cache.js";
