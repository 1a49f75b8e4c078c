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
  /** ZZSSL parsed: the VAT rates allowed for the code, as decimal fractions ("0.13", "0.09", "0"). Usually empty on summary rows. */
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
  /** ZZSTSGL mapped to 优惠政策标识 01–18 (see POLICY_FLAGS); absent when the row was written without them. */
  policyFlags?: string[];
  /** ZZSSL exactly as the table writes it ("13%、9%"). */
  rateText?: string;
  /** KYZT = Y (可用状态); false when the table marks the code unavailable. Absent means available. */
  available?: boolean;
  /** The remaining official columns, when the row came from an official file. */
  official?: OfficialExtras;
}

/** Official columns efapiao carries along without interpreting them. */
export interface OfficialExtras {
  /** ZZSZCYJ 增值税政策依据. */
  vatPolicyBasis?: string;
  /** ZZSTSNRDM 增值税特殊内容代码. */
  vatSpecialContentCode?: string;
  /** XFSGL 消费税管理. */
  consumptionTaxManagement?: string;
  /** XFSZCYJ 消费税政策依据. */
  consumptionTaxPolicyBasis?: string;
  /** XFSTSNRDM 消费税特殊内容代码. */
  consumptionTaxSpecialContentCode?: string;
  /** TJJBM 统计局编码. */
  statisticsCode?: string;
  /** HGJCKSPPM 海关进出口商品品目. */
  customsHeading?: string;
  /** GXSJ 更新时间 (YYYY-MM-DD). */
  updated?: string;
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

/** What a table says about itself besides its rows. */
export interface CodeTableMeta {
  version: string;
  startDate?: string;
  source: string;
}

/**
 * Builds a CodeTable over rows held in memory, indexed by code.
 * @example
 * const table = createCodeTable([entry], { version: "32.0", startDate: "2019-04-01", source: "test" });
 * table.get("3040201010000000000")?.shortName // "信息技术服务"
 */
export function createCodeTable(rows: readonly CodeEntry[], meta: CodeTableMeta): CodeTable {
  const byCode = new Map<string, CodeEntry>();
  for (const row of rows) byCode.set(row.code, row);
  return {
    version: meta.version,
    startDate: meta.startDate,
    source: meta.source,
    size: rows.length,
    get: (code) => byCode.get(code),
    entries: () => rows,
  };
}
