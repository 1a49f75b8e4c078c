/**
 * What the three protocols' 查验 and 用途确认 routes share: the platform's answer written under a
 * provider's field names (the adapter's own table, read backwards), the red status as the bureau's state
 * code, and the platform's refusals of a use confirmation as the bureau's cljg codes.
 */
import { USE_DONE, type VerifyFieldRow } from "@efapiao/provider-utils";
import type { VerifiedInvoice } from "../platform.js";

/**
 * The canonical fields of a verified invoice under a provider's names: the first row naming each
 * canonical path wins; dates are written by `date` (each provider has its own form).
 */
export function providerRecord(
  fields: Record<string, string>,
  table: readonly VerifyFieldRow[],
  date: (isoDay: string) => string,
): Record<string, string> {
  const record: Record<string, string> = {};
  const done = new Set<string>();
  for (const [from, to, type] of table) {
    const value = fields[to];
    if (value === undefined || done.has(to)) continue;
    done.add(to);
    record[from] = type === "date" ? date(value) : value;
  }
  return record;
}

/** The bureau's invoice state (fpzt / state) for a verified invoice: 0 正常, 7 部分红冲, 8 全额红冲. */
export function stateCode(verified: VerifiedInvoice): string {
  return verified.redStatus === "full" ? "8" : verified.redStatus === "partial" ? "7" : "0";
}

/**
 * The platform's refusal of one invoice as the bureau's cljg (乐企增值税抵扣勾选能力 §五 3): 02 查无此票,
 * 03 该票异常无法勾选, 06 已勾选无法重复勾选, 07 未到期发票不可勾选. A cancel of an invoice not confirmed
 * has no code of its own in the document: it answers 03 with the platform's words.
 */
export const CLJG_OF_REFUSAL: Readonly<Record<string, string>> = {
  NOT_FOUND: "02",
  NOT_SPECIAL: "03",
  NOT_CONFIRMED: "03",
  ALREADY_CONFIRMED: "06",
  PERIOD: "07",
};

/** YYYYMM or YYYY-MM → YYYY-MM. */
export function periodOf(text: string): string {
  return /^\d{6}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4)}` : text;
}

/** One invoice's use change on the platform, as a cljg code and the platform's words. */
export function setUseCode(result: { code: string; zh: string } | undefined): {
  code: string;
  message?: string;
} {
  return result ? { code: CLJG_OF_REFUSAL[result.code] ?? "03", message: result.zh } : { code: USE_DONE };
}
