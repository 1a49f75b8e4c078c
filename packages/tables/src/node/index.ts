/**
 * `@efapiao/tables/node`: the parts that need Node (the local cache of imported packs). The main entry
 * stays free of Node built-ins so that a browser can use the tables and a loaded pack. Reading the STA's
 * xlsx or a CSV is `@efapiao/tables-import`, a package of its own so that the readers are not installed
 * with the tables.
 */
export {
  type CachedPack,
  codeCacheDir,
  compareVersions,
  largerCachedPack,
  listCachedPacks,
  loadNewestCachedTable,
  saveCodePack,
} from "./code-cache.js";
