/**
 * The received invoice: the canonical invoice's fields and text forms (@efapiao/model), for what a file a
 * buyer receives actually shows. A printed fapiao does not carry everything the canonical model asks of an
 * invoice being issued — the page has no classification code, a legacy (税控) e-invoice has an 8-digit
 * number with a 12-digit invoice code and prints address and phone as one text — so those fields are
 * optional here, and the few a received file adds (invoice code, check code, payee, reviewer) are named.
 * Nothing is guessed to fill a gap: a field the file does not show is absent.
 */
import {
  BuyerSchema,
  type Invoice,
  type IssuedInvoice,
  InvoiceLineSchema,
  InvoiceSchema,
  patternText,
  type Result,
  SellerSchema,
  zodIssuesToDiagnostics,
} from "@efapiao/model";
import { z } from "zod";

/** What the legacy layout prints as one text: 地址、电话 and 开户行及账号. */
const combinedContact = {
  /** 地址、电话 as printed on a legacy invoice (address and phone in one text). */
  addressAndPhone: z.string().min(1).optional(),
  /** 开户行及账号 as printed on a legacy invoice (bank and account in one text). */
  bankAndAccount: z.string().min(1).optional(),
};

export const ReceivedSellerSchema = SellerSchema.extend(combinedContact);
export const ReceivedBuyerSchema = BuyerSchema.extend(combinedContact);

export const ReceivedLineSchema = InvoiceLineSchema.extend({
  /** 税收分类编码: not printed on the fapiao, so present only when an attached XML carries it. */
  code: InvoiceLineSchema.shape.code.optional(),
  /** Present when the item name reads `*简称*名称`. */
  name: InvoiceLineSchema.shape.name.optional(),
  shortName: InvoiceLineSchema.shape.shortName.optional(),
});

export const ReceivedInvoiceSchema = InvoiceSchema.extend({
  /** From the title printed on the page or the legacy QR data; absent when the file does not say. */
  kind: InvoiceSchema.shape.kind.optional(),
  kindCode: InvoiceSchema.shape.kindCode.optional(),
  seller: ReceivedSellerSchema,
  buyer: ReceivedBuyerSchema,
  lines: z.array(ReceivedLineSchema).min(1),
  /** 发票号码: 20 digits for a 数电票, 8 digits (with `invoiceCode`) for a legacy e-invoice. */
  number: patternText(
    /^(\d{20}|\d{8})$/,
    "发票号码应为 20 位（数电票）或 8 位（税控电子发票）数字",
    "The invoice number has 20 digits (数电票) or 8 digits (legacy e-invoice)",
  ),
  /** 发票代码 of a legacy e-invoice (10 or 12 digits). */
  invoiceCode: patternText(
    /^\d{10}(\d{2})?$/,
    "发票代码应为 10 或 12 位数字",
    "The invoice code has 10 or 12 digits",
  ).optional(),
  /** 校验码 of a legacy e-invoice (20 digits; the page prints it in groups of five). */
  checkCode: patternText(/^\d{20}$/, "校验码应为 20 位数字", "The check code has 20 digits").optional(),
  /** 机器编号 of a legacy e-invoice. */
  machineNumber: z.string().min(1).optional(),
  /** 蓝字 or 红字: red when the totals are negative. */
  direction: z.enum(["blue", "red"]),
  /** 收款人. */
  payee: z.string().min(1).optional(),
  /** 复核人. */
  reviewer: z.string().min(1).optional(),
});
/** An invoice as read from a received file. */
export type ReceivedInvoice = z.infer<typeof ReceivedInvoiceSchema>;
export type ReceivedLine = ReceivedInvoice["lines"][number];

/**
 * Checks a value against {@link ReceivedInvoiceSchema}.
 * @example
 * parseReceivedInvoice({ number: "123" }) // { ok: false, diagnostics: [{ path: "number", … }, …] }
 */
export function parseReceivedInvoice(json: unknown): Result<ReceivedInvoice> {
  const parsed = ReceivedInvoiceSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data, diagnostics: [] };
  return { ok: false, diagnostics: zodIssuesToDiagnostics(parsed.error.issues, "RECEIVED") };
}

/**
 * The canonical invoice fields of a received invoice, for the rule packs: the fields the received file
 * adds are left out, those it lacks stay absent (rules about them then do not apply, and the schema's
 * requirements are reported by whoever needs a complete invoice).
 * @example
 * validate(receivedToInvoice(read.value.invoice), { packs: [standard] })
 */
export function receivedToInvoice(received: ReceivedInvoice): Partial<Invoice> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(InvoiceSchema.shape)) {
    const value = (received as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  const party = ({ addressAndPhone: _a, bankAndAccount: _b, ...rest }: Record<string, unknown>) => rest;
  out.seller = party(received.seller);
  out.buyer = party(received.buyer);
  return out as Partial<Invoice>;
}

/**
 * The received invoice inside an issued one (the platform's EInvoice XML): its fields that the received
 * model has; the issued invoice is complete, so nothing is missing.
 * @example
 * const read = parseStaXml(xml);
 * if (read.ok) issuedToReceived(read.value).lines[0].code // "3040201010000000000"
 */
export function issuedToReceived(issued: IssuedInvoice): ReceivedInvoice {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(ReceivedInvoiceSchema.shape)) {
    const value = (issued as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as ReceivedInvoice;
}
