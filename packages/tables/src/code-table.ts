/**
 * The classification-code table (商品和服务税收分类编码表) as the rest of efapiao sees it: a version and a
 * constant-time look-up by 19-digit code. Where the rows come from (the built-in list, an imported official
 * file, a cached pack) is the loader's business, not the caller's.
 */

/** One row of the official table (columns SPBM, SPMC, SPBMJC, ZZSSL, HZX, ZZSTSGL, PID …). */
export interface CodeEntry {
  /** SPBM: the 19-digit 商品和服务税收分类编码. */
  code: string;
  /** SPMC: 货物和劳务名称. */
  name: string;
  /** SPBMJC: the 简称 printed between the asterisks of the item name (`*简称*名称`). */
  shortName: string;
  /** ZZSSL parsed: the VAT rates allowed for the code, as decimal fractions ("0.13", "0.09", "0"). Empty on summary rows. */
  rates: string[];
  /** HZX = Y: a summary (non-leaf) row, which cannot be used on an invoice. */
  summary: boolean;
  /** ZZSTSGL split into its parts (免税, 不征税, 简易征收, …). */
  specialManagement: string[];
  /** SM: 说明. */
  description?: string;
  /** GJZ: 关键字. */
  keywords?: string;
  /** PID: the parent code, absent on the top rows. */
  parent?: string;
}

/** A loaded classification-code table. */
export interface CodeTable {
  /** BB: the table version, e.g. "32.0"; the built-in list says "built-in". */
  readonly version: string;
  /** QYSJ: the date the version took effect, YYYY-MM-DD, when known. */
  readonly startDate?: string;
  /** Where the table came from (a file path, the cache, or "built-in"), for messages. */
  readonly source: string;
  /** Number of rows. */
  readonly size: number;
  /** Constant-time look-up by 19-digit code. */
  get(code: string): CodeEntry | undefined;
  /** Every row, in table order. */
  entries(): Iterable<CodeEntry>;
}

/** Builds a CodeTable over rows held in memory, indexed by code. */
export function createCodeTable(
  rows: readonly CodeEntry[],
  meta: { version: string; startDate?: string; source: string },
): CodeTable {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  return {
    version: meta.version,
    startDate: meta.startDate,
    source: meta.source,
    size: rows.length,
    get: (code) => byCode.get(code),
    entries: () => rows,
  };
}
