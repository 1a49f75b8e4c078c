/**
 * 简称 renames between table versions. The platform rejects an item name whose `*简称*` does not match the
 * code ("商品简称不合法"), but the 简称 of some codes changed in later versions of the table, so a name that
 * disagrees with an older table may be right on the platform. Recording the renames lets a rule say
 * "renamed in a later version" instead of "invalid".
 */
import type { Message } from "@efapiao/model";
import type { CodeTable } from "./code-table.js";
import { describeTable } from "./code-lookup.js";

export interface ShortNameRename {
  /** The 19-digit code. */
  readonly code: string;
  /** The 简称 in the older version. */
  readonly from: string;
  /** The 简称 in the newer version (or on the platform today). */
  readonly to: string;
  /** The newest version known to say `from`, when known. */
  readonly fromVersion?: string;
  /** The first version known to say `to`; undefined when only "later than fromVersion" is known. */
  readonly toVersion?: string;
  /** Where the rename was seen. */
  readonly source: string;
}

/** Renames known without a newer official file (which is not public): seen on the e-tax platform. */
export const knownRenames: readonly ShortNameRename[] = [
  {
    code: "3040201990000000000",
    from: "信息技术服务",
    to: "其他软件服务",
    fromVersion: "32.0",
    source: "e-tax platform, per Kingdee 发票云 FAQ (shared/data/SOURCE.md)",
  },
];

export type ShortNameStatus =
  | { status: "match"; expected: string }
  | {
      status: "renamed";
      expected: string;
      given: string;
      /** "newer": the given 简称 comes from a later version than the table in use; "older": from an earlier one. */
      givenIs: "newer" | "older";
      rename: ShortNameRename;
      message: Message;
    }
  | { status: "mismatch"; expected: string; given: string; message: Message }
  | { status: "unknown"; given: string; message: Message };

/**
 * Compares the 简称 given for a code with the table in use, consulting recorded renames.
 * "unknown" means the table does not know the code at all (see `checkInvoiceCode` for that error).
 * @example
 * shortNameStatus(v32, "3040201990000000000", "信息技术服务").status // "match"
 * shortNameStatus(v32, "3040201990000000000", "其他软件服务").status // "renamed" (givenIs "newer")
 * shortNameStatus(v32, "3040201990000000000", "软件服务").status     // "mismatch"
 */
export function shortNameStatus(
  table: CodeTable,
  code: string,
  given: string,
  renames: readonly ShortNameRename[] = knownRenames,
): ShortNameStatus {
  const where = describeTable(table);
  const entry = table.get(code);
  if (entry === undefined) {
    return {
      status: "unknown",
      given,
      message: {
        zh: `税收分类编码 ${code} 不在${where.zh}中`,
        en: `Classification code ${code} is not in ${where.en}`,
      },
    };
  }
  const expected = entry.shortName;
  if (given === expected) return { status: "match", expected };
  for (const rename of renames) {
    if (rename.code !== code) continue;
    if (rename.from === expected && rename.to === given) {
      const since = rename.toVersion ? `${rename.toVersion} 版` : "较新版本";
      return {
        status: "renamed",
        expected,
        given,
        givenIs: "newer",
        rename,
        message: {
          zh: `简称 “${given}” 是编码 ${code} 在${since}编码表中的新简称；当前使用的${where.zh}写作 “${expected}”，请导入较新的官方编码表`,
          en: `"${given}" is the newer short name of code ${code} (renamed in ${rename.toVersion ? `version ${rename.toVersion}` : "a later version"}); ${where.en} in use still says "${expected}": import a newer official table`,
        },
      };
    }
    if (rename.to === expected && rename.from === given) {
      return {
        status: "renamed",
        expected,
        given,
        givenIs: "older",
        rename,
        message: {
          zh: `简称 “${given}” 是编码 ${code} 的旧简称，${where.zh}已改为 “${expected}”`,
          en: `"${given}" is the former short name of code ${code}; ${where.en} renamed it to "${expected}"`,
        },
      };
    }
  }
  return {
    status: "mismatch",
    expected,
    given,
    message: {
      zh: `简称 “${given}” 与编码 ${code}（${entry.name}）的简称 “${expected}” 不符（${where.zh}）`,
      en: `Short name "${given}" does not match "${expected}", the short name of code ${code} (${entry.name}) in ${where.en}`,
    },
  };
}

/**
 * Records the 简称 renames between two versions of the table: every code present in both whose 简称
 * differs. Feed the result (with knownRenames) to {@link shortNameStatus}.
 * @example
 * diffShortNames(v32, v33) // [{ code: "3040201990000000000", from: "信息技术服务", to: "其他软件服务", fromVersion: "32.0", toVersion: "33.0", … }]
 */
export function diffShortNames(older: CodeTable, newer: CodeTable): ShortNameRename[] {
  const renames: ShortNameRename[] = [];
  for (const entry of newer.entries()) {
    const before = older.get(entry.code);
    if (before !== undefined && before.shortName !== entry.shortName) {
      renames.push({
        code: entry.code,
        from: before.shortName,
        to: entry.shortName,
        fromVersion: older.version,
        toVersion: newer.version,
        source: `${older.source} → ${newer.source}`,
      });
    }
  }
  return renames;
}
