/**
 * 乐企's codes against efapiao's, as explicit tables. Sources: samples/providers/leqi-QDFPSC.fields.txt and
 * leqi-hzqrdqr-confirm.fields.txt (lucymao9/leqi-invoice, an apifox 乐企 section).
 */
import type { InvoiceKind, LineNature } from "@efapiao/model";
import type { FormInitiator } from "@efapiao/provider";

/** fppz 发票票种: 01 数电专, 02 数电普. */
export const FPPZ: Readonly<Record<InvoiceKind, string>> = { special: "01", general: "02" };
export const KIND_OF_FPPZ: Readonly<Record<string, InvoiceKind>> = { "01": "special", "02": "general" };

/** lzfpbz 蓝字发票标志: 0 蓝字, 1 红字. */
export const LZFPBZ = { blue: "0", red: "1" } as const;

/** gmfzrrbz 购买方自然人标志: Y 是, N 否. */
export const ZRRBZ = { yes: "Y", no: "N" } as const;

/** fphxz 发票行性质: 00 正常行, 01 折扣行, 02 被折扣行 (two digits, where Nuonuo and Baiwang write one). */
export const FPHXZ: Readonly<Record<LineNature, string>> = { normal: "00", discount: "01", discounted: "02" };
export const NATURE_OF_FPHXZ: Readonly<Record<string, LineNature>> = {
  "00": "normal",
  "01": "discount",
  "02": "discounted",
};

/** 乐企 uses the bureau's codes as they are: tdys = 特定业务 01–18, yhzcbs = 优惠政策 01–18, chyyDm = 冲红原因 01–04. */

/** lrfsf 录入方身份 / yhjslx 用户角色类型: 0 销方, 1 购方. */
export const ROLE: Readonly<Record<FormInitiator, string>> = { seller: "0", buyer: "1" };

/** qrlx 确认类型 of QDHZQRDQR: Y 同意, N 不同意, C 撤销. */
export const QRLX = { confirm: "Y", refuse: "N", cancel: "C" } as const;

/** The service codes (fwbm) efapiao calls. */
export const LEQI_SERVICES = {
  issue: "QDFPSC",
  issueResult: "CXQDFPSCJG",
  numbers: "QDFPPLFM",
  applyForm: "QDHZQRDSQ",
  confirmForm: "QDHZQRDQR",
  listForms: "CXQDHZQRDLB",
  formDetail: "CXQDHZQRDMX",
} as const;

/**
 * sczt of a CXQDFPSCJG result (an upload's outcome): 0 处理中, 1 成功, 2 失败. Unverified — no published
 * answer — and so shared with the sandbox through this table.
 */
export const SCZT = { pending: "0", issued: "1", failed: "2" } as const;
