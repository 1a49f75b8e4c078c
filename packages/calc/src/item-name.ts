/**
 * The printed item name `*简称*名称`: 简称 comes from the classification-code table for the line's code,
 * never from the user, because the platform rejects a 简称 that does not match its table
 * ("商品简称不合法"). A name the user already wrote with a `*x*` prefix is accepted only when x is the
 * table's 简称, so a stale prefix from an older table is caught here rather than by the platform.
 */
import { type Diagnostic, error, type Result } from "@efapiao/model";
import type { CodeTable } from "@efapiao/tables";

/** What calc needs of a classification-code table: its version (for messages) and a look-up by code. */
export type CodeLookup = Pick<CodeTable, "version" | "get">;

export interface ItemName {
  /** `*简称*名称` as printed. */
  itemName: string;
  /** 名称 without the prefix. */
  name: string;
  shortName: string;
}

const PREFIX = /^\*([^*]*)\*/;

/**
 * Resolves the printed item name of a line.
 * @param path JSON path of the line, e.g. "lines[0]"
 * @example
 * resolveItemName("软件开发", "3040201010000000000", builtinCodeTable(), "lines[0]")
 * // { ok: true, value: { itemName: "*信息技术服务*软件开发", name: "软件开发", shortName: "信息技术服务" } }
 */
export function resolveItemName(
  name: string,
  code: string,
  codes: CodeLookup,
  path: string,
): Result<ItemName> {
  const entry = codes.get(code);
  if (entry === undefined) {
    return failed(
      error("CALC_CODE_UNKNOWN", `${path}.code`, {
        zh: `税收分类编码 ${code} 不在所用的分类编码表（版本 ${codes.version}）中`,
        en: `The classification code ${code} is not in the code table in use (version ${codes.version})`,
      }),
    );
  }
  if (entry.summary) {
    return failed(
      error("CALC_CODE_SUMMARY", `${path}.code`, {
        zh: `税收分类编码 ${code}（${entry.name}）是汇总项，汇总项不能开票`,
        en: `The classification code ${code} (${entry.name}) is a summary row, which cannot be invoiced`,
      }),
    );
  }
  const prefix = name.startsWith("*") ? PREFIX.exec(name) : null;
  const bare = prefix ? name.slice(prefix[0].length) : name;
  if (prefix && prefix[1] !== entry.shortName) {
    return failed(
      error("CALC_SHORT_NAME_MISMATCH", `${path}.name`, {
        zh: `项目名称的简称 “*${prefix[1]}*” 与分类编码表（版本 ${codes.version}）不符：编码 ${code} 的简称是 “${entry.shortName}”`,
        en: `The short name "*${prefix[1]}*" in the item name does not match the code table (version ${codes.version}): code ${code} has "${entry.shortName}"`,
      }),
    );
  }
  if (bare.trim() === "") {
    return failed(
      error("CALC_NAME_EMPTY", `${path}.name`, {
        zh: "去掉 *简称* 前缀后项目名称为空",
        en: "The item name is empty once its *short name* prefix is removed",
      }),
    );
  }
  const shortName = entry.shortName;
  return { ok: true, value: { itemName: `*${shortName}*${bare}`, name: bare, shortName }, diagnostics: [] };
}

function failed(diagnostic: Diagnostic): Result<never> {
  return { ok: false, diagnostics: [diagnostic] };
}
