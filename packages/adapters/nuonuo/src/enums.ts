/**
 * Nuonuo's codes against efapiao's, as explicit tables. Sources: the requestBillingNew field list
 * (wwbgo/NuoNuoSdk, samples/providers/nuonuo-saas-requestBillingNew.fields.tsv), the queryInvoiceResult
 * field list, and Odoo's l10n_cn_edi_nuonuo client.
 */
import type { InvoiceKind, LineNature } from "@efapiao/model";

/** invoiceLine: bs 数电专票(电子), pc 数电普票(电子); es / ec the 数电 paper forms. */
export const INVOICE_LINE = {
  electronic: { special: "bs", general: "pc" },
  paper: { special: "es", general: "ec" },
} as const satisfies Record<string, Record<InvoiceKind, string>>;

/** invoiceLine back to kind (and whether it is paper). */
export const INVOICE_LINE_KIND: Readonly<Record<string, { kind: InvoiceKind; paper: boolean }>> = {
  bs: { kind: "special", paper: false },
  pc: { kind: "general", paper: false },
  es: { kind: "special", paper: true },
  ec: { kind: "general", paper: true },
};

/** invoiceType: 1 蓝票, 2 红票. */
export const INVOICE_TYPE = { blue: "1", red: "2" } as const;

/** invoiceLineProperty: 0 正常行, 1 折扣行, 2 被折扣行. */
export const LINE_PROPERTY: Readonly<Record<LineNature, string>> = {
  normal: "0",
  discount: "1",
  discounted: "2",
};
export const LINE_NATURE: Readonly<Record<string, LineNature>> = {
  "0": "normal",
  "1": "discount",
  "2": "discounted",
};

/** Red reasons: the shared 1–4 table (note 01 ⇄ 2, 02 ⇄ 1), see provider-utils. */
export {
  RED_REASON_FROM_DIGIT as RED_REASON_FROM_NUONUO,
  RED_REASON_TO_DIGIT as RED_REASON_TO_NUONUO,
} from "@efapiao/provider-utils";

/**
 * 特定业务 (domain-facts.md codes 01–18) against Nuonuo's specificFactor; Nuonuo offers these eight for 数电.
 * Each has its block of extra fields in the order, passed through from `specificBusiness.fields`.
 */
export const SPECIFIC_FACTOR: Readonly<Record<string, string>> = {
  "01": "1", // 成品油
  "02": "2", // 稀土
  "03": "3", // 建筑服务: invoiceBuildingInfo
  "04": "4", // 货物运输服务: invoiceGoodsTransports
  "05": "5", // 不动产销售: realPropertySellInfo
  "06": "6", // 不动产经营租赁服务: realPropertyRentInfo
  "09": "9", // 旅客运输服务: invoiceTravellerTransportInfoList
  "16": "16", // 农产品收购
};
export const SPECIFIC_BUSINESS_CODE: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SPECIFIC_FACTOR).map(([ours, theirs]) => [theirs, ours]),
);
/** The order blocks that carry specific-business fields. */
export const SPECIFIC_BLOCKS = [
  "invoiceBuildingInfo",
  "invoiceGoodsTransports",
  "realPropertySellInfo",
  "realPropertyRentInfo",
  "invoiceTravellerTransportInfoList",
] as const;

/** zeroRateFlag for 0% lines: the shared 零税率标识 table (1 免税, 2 不征税, 3 普通零税率), see provider-utils. */
export { zeroRateMark as zeroRateFlag } from "@efapiao/provider-utils";

/** queryInvoiceResult status: 2 开票完成, 20 开票中, 21 开票成功签章中, 22 开票失败, 24 签章失败, 3 已作废, 31 作废中. */
export const STATUS = {
  issued: "2",
  pending: ["20", "21"],
  failed: "22",
  sealFailed: "24",
  void: ["3", "31"],
} as const;

/** naturalPersonFlag: 0 否 (default), 1 是. */
export const NATURAL_PERSON = { yes: "1", no: "0" } as const;
