/**
 * The DocBits fapiao document (`urn:china:tax:fapiao:1.0`, root `fapiao`) as DocBits documents it — no
 * public sample or XSD exists, so this follows the field tables of the English and German DocBits pages
 * (see README). Values are in efapiao's canonical text forms: money with two decimals, the rate as a
 * decimal fraction (the XML writes percent), quantities and prices with trailing zeros trimmed.
 */
import { MAX_CODE_TEXT, MoneyText, RateText, TrimmedDecimalText } from "@efapiao/model";
import { z } from "zod";

const optionalText = z.string().min(1).optional();

export const DocbitsPartySchema = z.strictObject({
  name: z.string().min(1),
  /** 纳税人识别号. */
  taxpayerId: optionalText,
  address: optionalText,
  telephone: optionalText,
  bankName: optionalText,
  bankAccount: optionalText,
});

export const DocbitsItemSchema = z.strictObject({
  seq: optionalText,
  /** 项目名称 as printed, `*简称*名称`. */
  name: z.string().min(1),
  spec: optionalText,
  quantity: TrimmedDecimalText.optional(),
  unit: optionalText,
  unitPrice: TrimmedDecimalText.optional(),
  taxRate: RateText,
  taxAmount: MoneyText,
  amount: MoneyText,
  /**
   * 税收分类编码. DocBits documents no element for it; efapiao writes it as `efp:tax_code` in its own
   * namespace so that its files read back into a complete invoice (see {@link EFAPIAO_EXTENSION_NAMESPACE}).
   */
  taxCode: z.string().min(1).max(MAX_CODE_TEXT).optional(),
});

export const DocbitsFapiaoSchema = z.strictObject({
  /** fapiao_type as written: 普通发票, 专用发票 or 电子发票. */
  type: optionalText,
  /** fapiao_number: 8 digits on legacy fapiao, 20 on a 数电票. */
  number: optionalText,
  /** fapiao_code: legacy 10–12 digits; a 数电票 has none. */
  code: optionalText,
  /** issue_date, ISO 8601. */
  issueDate: optionalText,
  checkCode: optionalText,
  machineCode: optionalText,
  seller: DocbitsPartySchema,
  buyer: DocbitsPartySchema,
  items: z.array(DocbitsItemSchema).min(1),
  total: z.strictObject({
    amount: MoneyText,
    tax: MoneyText,
    withTax: MoneyText,
    inWords: optionalText,
  }),
  remarks: optionalText,
  issuer: optionalText,
  taxAuthority: optionalText,
});
export type DocbitsFapiao = z.infer<typeof DocbitsFapiaoSchema>;
export type DocbitsItem = z.infer<typeof DocbitsItemSchema>;
export type DocbitsParty = z.infer<typeof DocbitsPartySchema>;

/** The DocBits namespace (also exported by @efapiao/sta-xml for format detection). */
export { DOCBITS_NAMESPACE } from "@efapiao/sta-xml";

/** efapiao's own namespace for the one element DocBits lacks (the classification code). */
export const EFAPIAO_EXTENSION_NAMESPACE = "urn:efapiao:docbits-extension:1";
