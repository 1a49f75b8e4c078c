/**
 * The invoice payload (contracts.md §2): the canonical JSON efapiao builds from a sale and that adapters
 * map to the platform's and the providers' formats. Money is text with exactly two decimals, rates are
 * decimal fractions, quantities and unit prices are decimal text with trailing zeros trimmed.
 */
import { z } from "zod";
import {
  BuyerSchema,
  InvoiceKindSchema,
  isoDate,
  PolicyFlagSchema,
  patternText,
  SellerSchema,
} from "./sale.js";

/** Money: optional minus, digits, exactly two decimals ("100000.00", "-500.00"). */
export const MoneyText = patternText(
  /^-?\d+\.\d{2}$/,
  "金额应保留两位小数（例如 100.00）",
  "Money is written with exactly two decimals (e.g. 100.00)",
);
/** A decimal with no redundant trailing zeros ("1", "15841.5841584158", "-2"). */
export const TrimmedDecimalText = patternText(
  /^-?\d+(\.\d*[1-9])?$/,
  "数量和单价应为不带多余尾零的数字",
  "Write quantities and unit prices as plain decimals without trailing zeros",
);
/** A rate as a decimal fraction ("0.06", "0.015", "0"). */
export const RateText = patternText(
  /^0(\.\d*[1-9])?$/,
  "税率应为小数形式，例如 0.06",
  "A tax rate is a decimal fraction such as 0.06",
);

/** A classification code longer than this is not a masked code but garbage. */
export const MAX_CODE_TEXT = 40;

/** 发票种类 code in the seed data model and the platform XML: 01 special, 02 general. */
export const KIND_CODES = { special: "01", general: "02" } as const;

/** 发票行性质: normal 正常行, discounted 被折扣行, discount 折扣行. */
export const LineNatureSchema = z.enum(["normal", "discounted", "discount"]);
export type LineNature = z.infer<typeof LineNatureSchema>;

export const InvoiceLineSchema = z.strictObject({
  /** 1-based position on the invoice (序号). */
  index: z.number().int().positive(),
  nature: LineNatureSchema,
  /** 项目名称 as printed: `*简称*名称`. */
  itemName: z.string().min(1),
  name: z.string().min(1),
  shortName: z.string().min(1),
  /**
   * 税收分类编码. The schema takes any short text, so that an issued file with a masked or invalid code
   * (`3040xxxxxxxxxxxxxxx`) can be read and converted; the standard rule FP-CF-01 flags what is not 19
   * digits, and `build` only ever emits 19 digits (the sale schema requires them).
   */
  code: z.string().min(1).max(MAX_CODE_TEXT),
  spec: z.string().optional(),
  unit: z.string().optional(),
  /** Tax-exclusive; omitted on discount lines. */
  quantity: TrimmedDecimalText.optional(),
  unitPrice: TrimmedDecimalText.optional(),
  amount: MoneyText,
  taxRate: RateText,
  tax: MoneyText,
  policy: PolicyFlagSchema.nullable(),
});
export type InvoiceLine = z.infer<typeof InvoiceLineSchema>;

export const TotalsSchema = z.strictObject({
  amount: MoneyText,
  tax: MoneyText,
  total: MoneyText,
  /** 价税合计大写, e.g. 壹拾万陆仟圆整. */
  totalInWords: z.string().min(1),
});
export type Totals = z.infer<typeof TotalsSchema>;

export const InvoiceSchema = z.strictObject({
  kind: InvoiceKindSchema,
  kindCode: z.enum(["01", "02"]),
  issueDate: isoDate(),
  seller: SellerSchema,
  buyer: BuyerSchema,
  lines: z.array(InvoiceLineSchema).min(1),
  totals: TotalsSchema,
  remarks: z.string().optional(),
  drawer: z.string().optional(),
});
/** The canonical invoice payload. */
export type Invoice = z.infer<typeof InvoiceSchema>;
