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
  const diagnostics: Diagnostic[] = [];
  const value = itemNameOf(name, code, codes, path, diagnostics);
  return value === undefined ? { ok: false, diagnostics } : { ok: true, value, diagnostics };
}

/**
 * {@link resolveItemName} for a loop over many lines: a problem is appended to `diagnostics` and gives
 * undefined, so a line costs no result object and no array of its own.
 * @param at  the line's JSON path ("lines[0]"), or its index in the sale: the path is then only written
 *            when there is a diagnostic
 */
export function itemNameOf(
  name: string,
  code: string,
  codes: CodeLookup,
  at: string | number,
  diagnostics: Diagnostic[],
): ItemName | undefined {
  const entry = codes.get(code);
  if (entry === undefined) {
    diagnostics.push(
      error("CALC_CODE_UNKNOWN", `${pathOf(at)}.code`, {
        zh: `税收分类编码 ${code} 不在所用的分类编码表（版本 ${codes.version}）中`,
        en: `The classification code ${code} is not in the code table in use (version ${codes.version})`,
      }),
    );
    return undefined;
  }
  if (entry.summary) {
    diagnostics.push(
      error("CALC_CODE_SUMMARY", `${pathOf(at)}.code`, {
        zh: `税收分类编码 ${code}（${entry.name}）是汇总项，汇总项不能开票`,
        en: `The classification code ${code} (${entry.name}) is a summary row, which cannot be invoiced`,
      }),
    );
    return undefined;
  }
  const prefix = name.startsWith("*") ? PREFIX.exec(name) : null;
  const bare = prefix ? name.slice(prefix[0].length) : name;
  if (prefix && prefix[1] !== entry.shortName) {
    diagnostics.push(
      error("CALC_SHORT_NAME_MISMATCH", `${pathOf(at)}.name`, {
        zh: `项目名称的简称 “*${prefix[1]}*” 与分类编码表（版本 ${codes.version}）不符：编码 ${code} 的简称是 “${entry.shortName}”`,
        en: `The short name "*${prefix[1]}*" in the item name does not match the code table (version ${codes.version}): code ${code} has "${entry.shortName}"`,
      }),
    );
    return undefined;
  }
  if (bare.trim() === "") {
    diagnostics.push(
      error("CALC_NAME_EMPTY", `${pathOf(at)}.name`, {
        zh: "去掉 *简称* 前缀后项目名称为空",
        en: "The item name is empty once its *short name* prefix is removed",
      }),
    );
    return undefined;
  }
  const shortName = entry.shortName;
  return { itemName: `*${shortName}*${bare}`, name: bare, shortName };
}

/** The JSON path of a sale line given by its path or by its index. */
export function pathOf(at: string | number): string {
  return typeof at === "string" ? at : `lines[${at}]`;
}
