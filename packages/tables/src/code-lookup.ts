/**
 * Questions asked of a classification-code table by code: may this code go on an invoice, what are its
 * ancestors, which table is this (for messages). All look-ups are by the table's constant-time `get`.
 */
import type { Message } from "@efapiao/model";
import type { CodeEntry, CodeTable } from "./code-table.js";

/** The version the built-in short list reports. */
export const BUILTIN_VERSION = "built-in";

const CODE_19 = /^\d{19}$/;

/**
 * Turns a code as people write it into the 19-digit form: codes are often written without their trailing
 * zeros ("304020101" for 3040201010000000000). Returns undefined for anything that is not 1–19 digits.
 * @example
 * normalizeCode("304020101")          // "3040201010000000000"
 * normalizeCode(" 3040201010000000000") // "3040201010000000000"
 * normalizeCode("30402x")              // undefined
 */
export function normalizeCode(input: string): string | undefined {
  const digits = input.trim();
  if (!/^\d{1,19}$/.test(digits)) return undefined;
  return digits.padEnd(19, "0");
}

/**
 * The ancestors of a code, nearest first (parent, grandparent, … up to the top row). A parent missing from
 * the table ends the chain, which happens in the built-in short list.
 * @example
 * parentChain(table, "3040201010000000000").map((e) => e.name)
 * // ["软件服务", "信息技术服务", "现代服务", "销售服务"]
 */
export function parentChain(table: CodeTable, code: string): CodeEntry[] {
  const chain: CodeEntry[] = [];
  let parentCode = table.get(code)?.parent;
  // A code has at most 19 levels; the bound also stops a corrupt table whose parents form a loop.
  while (parentCode !== undefined && chain.length < 19) {
    const parent = table.get(parentCode);
    if (parent === undefined) break;
    chain.push(parent);
    parentCode = parent.parent;
  }
  return chain;
}

/**
 * How a table is named in messages: its version and start date, or the built-in list with a hint.
 * @example
 * describeTable(table).en // "code table version 32.0 (in force from 2019-04-01)"
 */
export function describeTable(table: Pick<CodeTable, "version" | "startDate">): Message {
  if (table.version === BUILTIN_VERSION) {
    return {
      zh: "内置常用编码清单（仅含少量常用编码；请用 efapiao codes import 导入官方编码表）",
      en: "the built-in list of common codes (import the official table with efapiao codes import)",
    };
  }
  const zhStart = table.startDate ? `（${table.startDate} 启用）` : "";
  const enStart = table.startDate ? ` (in force from ${table.startDate})` : "";
  return { zh: `编码表 ${table.version} 版${zhStart}`, en: `code table version ${table.version}${enStart}` };
}

export type InvoiceCodeCheck =
  | { ok: true; entry: CodeEntry }
  | {
      ok: false;
      reason: "malformed" | "unknown" | "summary" | "unavailable";
      entry?: CodeEntry;
      message: Message;
    };

/**
 * Checks that a code may be used on an invoice line: 19 digits, known to the table in use, a leaf
 * (HZX = N) and not marked unavailable. Every refusal names the table version.
 * @example
 * checkInvoiceCode(table, "3040201010000000000") // { ok: true, entry: { name: "软件开发服务", … } }
 * checkInvoiceCode(table, "3040201000000000000") // { ok: false, reason: "summary", … }
 */
export function checkInvoiceCode(table: CodeTable, code: string): InvoiceCodeCheck {
  const where = describeTable(table);
  if (!CODE_19.test(code)) {
    return {
      ok: false,
      reason: "malformed",
      message: {
        zh: `税收分类编码应为 19 位数字，收到 “${clip(code)}”`,
        en: `A classification code has 19 digits, got "${clip(code)}"`,
      },
    };
  }
  const entry = table.get(code);
  if (entry === undefined) {
    return {
      ok: false,
      reason: "unknown",
      message: {
        zh: `税收分类编码 ${code} 不在${where.zh}中`,
        en: `Classification code ${code} is not in ${where.en}`,
      },
    };
  }
  if (entry.summary) {
    return {
      ok: false,
      reason: "summary",
      entry,
      message: {
        zh: `税收分类编码 ${code}（${entry.name}）是汇总项，不能用于开票，请选用其下级编码（${where.zh}）`,
        en: `Classification code ${code} (${entry.name}) is a summary row and cannot be used on an invoice; pick one of its sub-codes (${where.en})`,
      },
    };
  }
  if (entry.available === false) {
    return {
      ok: false,
      reason: "unavailable",
      entry,
      message: {
        zh: `税收分类编码 ${code}（${entry.name}）在${where.zh}中标记为不可用`,
        en: `Classification code ${code} (${entry.name}) is marked unavailable in ${where.en}`,
      },
    };
  }
  return { ok: true, entry };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
