/**
 * Code tables more than one provider shares, kept once. Each adapter's own tables name these where they
 * apply, so a reader of an adapter still sees every translation it makes.
 */
import type { RedReasonCode } from "@efapiao/provider";

/**
 * The bureau's red reason (01 开票有误, 02 销货退回, 03 服务中止, 04 销售折让) against the one-digit codes of
 * Nuonuo's `redReason` and Baiwang's `redIssueReason` (1 销货退回, 2 开票有误, 3 服务中止, 4 销售折让).
 * Note 01 ⇄ 2 and 02 ⇄ 1: both providers' field lists, and Odoo's Nuonuo client, agree on this order,
 * which providers.md's "01 … 04 is Nuonuo's 1 … 4" gets wrong.
 */
export const RED_REASON_TO_DIGIT: Readonly<Record<RedReasonCode, string>> = {
  "01": "2",
  "02": "1",
  "03": "3",
  "04": "4",
};
export const RED_REASON_FROM_DIGIT: Readonly<Record<string, RedReasonCode>> = {
  "2": "01",
  "1": "02",
  "3": "03",
  "4": "04",
};

/**
 * 零税率标识 (Nuonuo `zeroRateFlag`, Baiwang `freeTaxMark`) of a line: empty unless the rate is 0; then
 * 1 免税 (policy 03), 2 不征税 (policy 04), 3 普通零税率.
 * @example
 * zeroRateMark("0", "03") // "1"
 * zeroRateMark("0.13", null) // ""
 */
export function zeroRateMark(taxRate: string, policy: string | null): string {
  if (taxRate !== "0") return "";
  if (policy === "03") return "1";
  if (policy === "04") return "2";
  return "3";
}
