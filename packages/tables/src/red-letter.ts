/**
 * Red-letter (红字) reversal: the reasons a 红字发票信息确认单 is raised and the states the platform reports
 * for it (`chyyDm` and `hzqrxxztDm` in the 乐企 interface; Nuonuo and Baiwang pass them through).
 *
 * Sources: domain-facts.md ("Red-letter invoices") for reasons 01–04 and states 01–07; the 乐企 field
 * descriptions of `hzqrxxztDm` (seen in public integration code, e.g. find_string ids 68916172620 and
 * 69060100830) and Nuonuo's `billStatus` list for 05, 06, 08–13. Note that domain-facts.md lists
 * "10 申请中"; every interface description found says 10 = 作废（异常凭证）, and Nuonuo reports its own
 * 申请中 / 申请失败 as 15 / 16 (provider states, not platform states), so 10 follows the platform here.
 */
import { codeLookup, type LabelledCode } from "./labels.js";

export const RED_LETTER_REASONS: readonly LabelledCode[] = [
  { code: "01", zh: "开票有误", en: "Invoice issued in error" },
  { code: "02", zh: "销货退回", en: "Goods returned" },
  { code: "03", zh: "服务中止", en: "Service terminated" },
  { code: "04", zh: "销售折让", en: "Sales allowance" },
];

export interface RedLetterFormState extends LabelledCode {
  /** The red invoice can be issued (01 no confirmation needed, 04 confirmed by both sides). */
  readonly allowsRedInvoice: boolean;
  /** Waiting for the other side (02, 03); 72 hours later the form becomes void (07). */
  readonly pending: boolean;
  /** A 作废 state: the form is dead and a new one must be raised. */
  readonly void: boolean;
}

const state = (
  code: string,
  zh: string,
  en: string,
  kind: "ready" | "pending" | "void",
): RedLetterFormState => ({
  code,
  zh,
  en,
  allowsRedInvoice: kind === "ready",
  pending: kind === "pending",
  void: kind === "void",
});

export const RED_LETTER_FORM_STATES: readonly RedLetterFormState[] = [
  state("01", "无需确认", "No confirmation needed", "ready"),
  state("02", "销方录入待购方确认", "Entered by the seller, awaiting the buyer", "pending"),
  state("03", "购方录入待销方确认", "Entered by the buyer, awaiting the seller", "pending"),
  state("04", "购销双方已确认", "Confirmed by both parties", "ready"),
  state("05", "作废（销方录入购方否认）", "Void: entered by the seller, refused by the buyer", "void"),
  state("06", "作废（购方录入销方否认）", "Void: entered by the buyer, refused by the seller", "void"),
  state("07", "作废（超72小时未确认）", "Void: not confirmed within 72 hours", "void"),
  state("08", "作废（发起方已撤销）", "Void: withdrawn by the initiator", "void"),
  state("09", "作废（确认后撤销）", "Void: withdrawn after confirmation", "void"),
  state("10", "作废（异常凭证）", "Void: abnormal voucher", "void"),
  state("11", "作废（纳税人状态异常阻断）", "Void: blocked, taxpayer status abnormal", "void"),
  state("12", "作废（自然人拒收）", "Void: refused by the natural-person buyer", "void"),
  state("13", "作废（已开具退税申请单）", "Void: a tax refund application was issued", "void"),
];

/**
 * The red-letter reason with this code.
 * @example
 * redLetterReason("04")?.zh // "销售折让"
 */
export const redLetterReason: (code: string) => LabelledCode | undefined = codeLookup(RED_LETTER_REASONS);

/**
 * The red-letter confirmation-form state with this code.
 * @example
 * redLetterFormState("07")?.void // true
 */
export const redLetterFormState: (code: string) => RedLetterFormState | undefined =
  codeLookup(RED_LETTER_FORM_STATES);
