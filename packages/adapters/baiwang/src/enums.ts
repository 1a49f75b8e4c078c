/**
 * 百望's codes against efapiao's, as explicit tables. Sources: the request and answer samples
 * (samples/providers/baiwang-*), the field descriptions in nuecms/baiwang-sdk `src/types/invoicing.ts`.
 */
import type { InvoiceKind, LineNature } from "@efapiao/model";
import { POLICY_FLAGS } from "@efapiao/tables";

/** invoiceTypeCode: 01 数电专票, 02 数电普票 (004/007/026/028 are the legacy tax-control kinds). */
export const INVOICE_TYPE_CODE: Readonly<Record<InvoiceKind, string>> = { special: "01", general: "02" };
export const KIND_OF_TYPE_CODE: Readonly<Record<string, InvoiceKind>> = { "01": "special", "02": "general" };

/** invoiceType: 0 正数发票 (blue), 1 负数发票 (red). */
export const INVOICE_TYPE = { blue: "0", red: "1" } as const;

/** invoiceLineNature: 0 正常行, 1 折扣行, 2 被折扣行. */
export const LINE_NATURE_CODE: Readonly<Record<LineNature, string>> = {
  normal: "0",
  discount: "1",
  discounted: "2",
};
export const LINE_NATURE: Readonly<Record<string, LineNature>> = {
  "0": "normal",
  "1": "discount",
  "2": "discounted",
};

/** priceTaxMark: 0 不含税, 1 含税. */
export const PRICE_TAX_MARK = { exclusive: "0", inclusive: "1" } as const;

/** Red reasons: redIssueReason uses the shared 1–4 table (1 销货退回, 2 开票有误, …), see provider-utils. */
export {
  RED_REASON_FROM_DIGIT as RED_REASON_FROM_BAIWANG,
  RED_REASON_TO_DIGIT as RED_REASON_TO_BAIWANG,
  zeroRateMark as freeTaxMark,
} from "@efapiao/provider-utils";

/**
 * 特定业务 (domain-facts.md 01–18) against invoiceSpecialMark: 00 普通, 01 农产品销售, 02 农产品收购,
 * 08 成品油, 12 机动车, and for 数电 03 建筑服务, 04 货物运输, 05 不动产销售, 06 不动产租赁, 09 旅客运输.
 * The extra fields travel in `invoiceSpecialinfoList`.
 */
export const SPECIAL_MARK: Readonly<Record<string, string>> = {
  "01": "08", // 成品油
  "03": "03", // 建筑服务
  "04": "04", // 货物运输
  "05": "05", // 不动产销售
  "06": "06", // 不动产经营租赁
  "09": "09", // 旅客运输
  "12": "01", // 自产农产品销售
  "14": "12", // 机动车
  "16": "02", // 农产品收购
};
export const SPECIFIC_OF_MARK: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SPECIAL_MARK).map(([ours, theirs]) => [theirs, ours]),
);

/**
 * preferentialMarkFlag 1 with vatSpecialManagement = the policy's name (免税, 即征即退50% …), the same words
 * as the 优惠政策标识 table; 0 without a policy.
 */
export const POLICY_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  POLICY_FLAGS.map((f) => [f.code, f.zh]),
);
export const POLICY_OF_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  POLICY_FLAGS.map((f) => [f.zh, f.code]),
);

/** Red-letter forms: entryIdentity 01 销方 / 02 购方 (录入方); buySelSelector 0 销方 / 1 购方. */
export const ENTRY_IDENTITY = { seller: "01", buyer: "02" } as const;
export const BUY_SEL_SELECTOR = { seller: "0", buyer: "1" } as const;

/**
 * confirmType of baiwang.output.redinvoice.operate. The sample sends 03 without saying what it means;
 * 01 确认 / 02 拒绝 / 03 撤销 follows the platform's order (乐企 qrlx Y / N / C) — unverified, so a caller
 * can override it through the provider options.
 */
export const CONFIRM_TYPE = { confirm: "01", refuse: "02", cancel: "03" } as const;
