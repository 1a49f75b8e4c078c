/** Sale documents and code tables for the tests. */
import { parseSale, type Sale, type SaleInput } from "@efapiao/model";
import { builtinCodeTable, type CodeEntry } from "@efapiao/tables";
import type { CodeLookup } from "../src/index.js";

export const SELLER = { name: "上海示例科技有限公司", taxId: "91310115MA1K3XYZ7A" };
export const BUYER = { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1B" };
/** 软件开发服务, 简称 信息技术服务, 6%, in the built-in table. */
export const SOFTWARE = "3040201010000000000";

/** A parsed sale; a test that writes an invalid one fails loudly here. */
export function saleOf(lines: SaleInput["lines"], extra: Partial<SaleInput> = {}): Sale {
  const parsed = parseSale({
    kind: "special",
    issueDate: "2026-05-18",
    seller: SELLER,
    buyer: BUYER,
    lines,
    ...extra,
  });
  if (!parsed.ok) throw new Error(`test sale is invalid: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.value;
}

/**
 * A code table holding the given rows. Rows start from a built-in one, so every field the table type
 * may require is present, and override what the test cares about.
 */
export function tableOf(version: string, ...rows: (Partial<CodeEntry> & { code: string })[]): CodeLookup {
  const base = builtinCodeTable().get(SOFTWARE)!;
  const byCode = new Map(rows.map((row) => [row.code, { ...base, ...row }]));
  return { version, get: (code) => byCode.get(code) };
}
