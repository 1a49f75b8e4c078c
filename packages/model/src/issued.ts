/**
 * The issued invoice: the canonical {@link Invoice} plus what exists only once the platform has issued it
 * (number, issue time, tax bureau, signature) or only in a received file (header labels, taxpayer type,
 * specific-business blocks, the XML version). Readers of the platform's EInvoice XML produce it; the
 * writers take it. `toInvoice` gives back the canonical invoice, so the rule packs that check an invoice
 * payload check a received file the same way.
 *
 * Blocks the model does not interpret (特定业务 data, the seller's authentication, the tax bureau's SM2
 * signature) are kept as {@link XmlBlock}s — element name, attributes, text and children in document
 * order — so that nothing a file carries is dropped on the way through efapiao.
 */
import { z } from "zod";
import type { Result } from "./diagnostic.js";
import { type Invoice, InvoiceSchema } from "./invoice.js";
import { parseInvoiceNumber } from "./invoice-number.js";
import { isCalendarDate } from "./dates.js";
import { patternText } from "./sale.js";
import { DIRECTION_VALUES } from "./values.js";
import { zodIssuesToDiagnostics } from "./zod-diagnostics.js";

/** An XML name, optionally prefixed (`Toll`, `efp:code`); XML allows Chinese letters in names. */
const XML_NAME = /^[\p{L}_][\p{L}\p{N}_.-]*(:[\p{L}_][\p{L}\p{N}_.-]*)?$/u;

/**
 * An XML element kept as data. `text` is the element's own text (absent when empty), `children` its child
 * elements in document order. Comments and processing instructions are not kept.
 */
export interface XmlBlock {
  name: string;
  attributes?: Record<string, string>;
  text?: string;
  children?: XmlBlock[];
}

export const XmlBlockSchema: z.ZodType<XmlBlock> = z.strictObject({
  name: patternText(XML_NAME, "不是有效的 XML 元素名", "Not an XML element name"),
  attributes: z
    .record(patternText(XML_NAME, "不是有效的 XML 属性名", "Not an XML attribute name"), z.string())
    .optional(),
  text: z.string().min(1).optional(),
  get children() {
    return z.array(XmlBlockSchema).min(1).optional();
  },
});

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * True for `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` (or with `T`) naming a real day and time — the forms the
 * platform writes in IssueTime and RequestTime (`2024-01-24`, `2023-02-23 10:08:05`).
 * @example
 * isDateOrDateTime("2023-02-23 10:08:05") // true
 * isDateOrDateTime("2023-02-30")          // false
 */
export function isDateOrDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match || !isCalendarDate(match[1]!)) return false;
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0));
  return hours! <= 23 && minutes! <= 59 && seconds! <= 59;
}

/**
 * The calendar day of a date or date-time text.
 * @example
 * datePart("2023-02-23 10:08:05") // "2023-02-23"
 */
export function datePart(dateTime: string): string {
  return dateTime.slice(0, 10);
}

/** A date or a date-time, kept as written. */
export const DateTimeText = z.string().refine(isDateOrDateTime, {
  message: "Write a date as YYYY-MM-DD, optionally followed by a time HH:MM:SS (e.g. 2024-01-24 16:23:48)",
  params: {
    zh: "日期应写作 YYYY-MM-DD，可带时间 HH:MM:SS（例如 2024-01-24 16:23:48）",
    rule: "ISSUED_DATE_TIME",
  },
});

/** A 20-digit 数电票号码, checked by {@link parseInvoiceNumber} (its warnings, e.g. masked years, pass). */
export const InvoiceNumberText = z.string().superRefine((value, ctx) => {
  const parsed = parseInvoiceNumber(value, "");
  if (parsed.ok) return;
  for (const d of parsed.diagnostics) {
    ctx.addIssue({ code: "custom", message: d.messageEn, params: { zh: d.message, rule: d.rule } });
  }
});

/** A coded label as the platform writes it: `LabelCode` and `LabelName`. */
export const CodeNameSchema = z.strictObject({ code: z.string(), name: z.string() });
export type CodeName = z.infer<typeof CodeNameSchema>;

/** A header label (`UndefinedLabel/Label`): `LabelType`, `LabelCode`, `LabelName`, e.g. 发票开具方式标签 / 1 / 网页开票. */
export const LabelSchema = z.strictObject({ type: z.string(), code: z.string(), name: z.string() });
export type Label = z.infer<typeof LabelSchema>;

/** What a red-letter invoice reverses (`SpecificInformation/RedEInvoice`). */
export const RedReferenceSchema = z.strictObject({
  /** 被红冲蓝字数电票号码 (`OriginalInvoiceCode`). */
  originalNumber: InvoiceNumberText,
  /** 红字发票信息确认单编号 (`CreditNoteNumber`). */
  confirmationFormNumber: z.string().min(1).max(40),
});
export type RedReference = z.infer<typeof RedReferenceSchema>;

export const TaxBureauSchema = z.strictObject({
  /** `TaxBureauCode`, e.g. 14400000000. */
  code: z.string().min(1),
  /** `TaxBureauName`, e.g. 国家税务总局广东省税务局. */
  name: z.string().min(1),
});
export type TaxBureau = z.infer<typeof TaxBureauSchema>;

/** Everything an issued invoice has beyond the canonical invoice. */
const issuedFields = {
  /** 发票号码: the 20-digit number the platform assigned (`EIid`, `InvoiceNumber`). */
  number: InvoiceNumberText,
  /** 开票时间 as the file writes it, date or date-time (`IssueTime`); `issueDate` is its day. */
  issuedAt: DateTimeText,
  taxBureau: TaxBureauSchema,
  /** 蓝字 (blue, `InIssuType` Y) or 红字 (red, N). */
  direction: z.enum(DIRECTION_VALUES),
  /** Present on a red invoice: the blue invoice and confirmation form it reverses. */
  red: RedReferenceSchema.optional(),
  /** `TaxpayerType`: 1 一般纳税人, 3 转登记小规模纳税人, … (absent when the file leaves it empty). */
  taxpayerType: CodeNameSchema.optional(),
  /** `EInvoiceType`, 01 电子发票 on every file seen; kept so that another value survives a round trip. */
  eInvoiceType: CodeNameSchema.optional(),
  /** `EInvoiceTag`: SWEI + the province code (SWEI4400); absent means "derive it from the number". */
  tag: z.string().min(1).optional(),
  /** `UndefinedLabel/Label`, in file order (开具方式, 行业性质 …). */
  labels: z.array(LabelSchema),
  /** 特定业务 blocks under `SpecificInformation` (Toll, construction, transport …), kept as written. */
  specificBusiness: z.array(XmlBlockSchema).min(1).optional(),
  /** `SellerAuthentication`, kept as written. */
  sellerAuthentication: XmlBlockSchema.optional(),
  /** `TaxBureauSignature`, kept as an opaque block: efapiao neither verifies nor makes signatures. */
  signature: XmlBlockSchema.optional(),
  /** `RequestTime`: when the issuing request was made, date or date-time as written. */
  requestTime: DateTimeText,
  /** The XML `Version` (0.2 … 0.33). */
  version: patternText(/^\d+(\.\d+)*$/, "版本号应写作 0.31 这样的形式", "A version is written like 0.31"),
};

export const IssuedInvoiceSchema = InvoiceSchema.extend(issuedFields).superRefine((invoice, ctx) => {
  if (isDateOrDateTime(invoice.issuedAt) && invoice.issueDate !== datePart(invoice.issuedAt)) {
    ctx.addIssue({
      code: "custom",
      path: ["issueDate"],
      message: `issueDate must be the day of issuedAt (${datePart(invoice.issuedAt)})`,
      params: {
        zh: `开票日期应为开票时间当天（${datePart(invoice.issuedAt)}）`,
        rule: "ISSUED_DATE_MISMATCH",
      },
    });
  }
  if (invoice.red && invoice.direction !== "red") {
    ctx.addIssue({
      code: "custom",
      path: ["red"],
      message: "Only a red invoice refers to a reversed invoice (direction must be red)",
      params: {
        zh: "只有红字发票才有被红冲的蓝字发票信息（direction 应为 red）",
        rule: "ISSUED_RED_ON_BLUE",
      },
    });
  }
});
/** An invoice as issued by the platform, or as read from an issued file. */
export type IssuedInvoice = z.infer<typeof IssuedInvoiceSchema>;

/**
 * The canonical invoice inside an issued one: exactly the fields of {@link InvoiceSchema}, so that
 * `InvoiceSchema.parse(toInvoice(issued))` holds and every rule pack for invoices applies.
 * @example
 * const read = parseStaXml(xml);            // @efapiao/sta-xml
 * if (read.ok) runRules(toInvoice(read.value));
 */
export function toInvoice(issued: IssuedInvoice): Invoice {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(InvoiceSchema.shape)) {
    const value = (issued as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as Invoice;
}

/** What the platform adds when it issues an invoice, and the file details a writer needs. */
export interface Issuance {
  number: string;
  /** Date or date-time; the invoice's `issueDate` becomes its day. */
  issuedAt: string;
  taxBureau: TaxBureau;
  version: string;
  /** Defaults to `issuedAt`. */
  requestTime?: string;
  red?: RedReference;
  taxpayerType?: CodeName;
  labels?: Label[];
}

/**
 * Makes an issued invoice from a canonical one and the issuance details, checking both. A red reference
 * makes it a red invoice. Bad details (a 19-digit number, a date that does not exist) come back as
 * diagnostics with the path of the field.
 * @example
 * withIssuance(invoice, {
 *   number: "24442000000036916313", issuedAt: "2024-01-24 16:24:02",
 *   taxBureau: { code: "14400000000", name: "国家税务总局广东省税务局" }, version: "0.31",
 * }) // { ok: true, value: { …invoice, number: "24442000000036916313", issueDate: "2024-01-24", … } }
 */
export function withIssuance(invoice: Invoice, issuance: Issuance): Result<IssuedInvoice> {
  const candidate = withoutUndefined({
    ...invoice,
    issueDate: isDateOrDateTime(issuance.issuedAt) ? datePart(issuance.issuedAt) : invoice.issueDate,
    number: issuance.number,
    issuedAt: issuance.issuedAt,
    taxBureau: issuance.taxBureau,
    direction: issuance.red ? "red" : "blue",
    red: issuance.red,
    taxpayerType: issuance.taxpayerType,
    labels: issuance.labels ?? [],
    requestTime: issuance.requestTime ?? issuance.issuedAt,
    version: issuance.version,
  });
  const result = parseIssuedInvoice(candidate);
  if (result.ok || issuance.requestTime !== undefined) return result;
  // requestTime was copied from issuedAt: one mistake, reported once, where the caller made it.
  return { ok: false, diagnostics: result.diagnostics.filter((d) => d.path !== "requestTime") };
}

/**
 * Checks a value (e.g. JSON read from a file) against {@link IssuedInvoiceSchema}.
 * @example
 * parseIssuedInvoice(JSON.parse(text)) // { ok: false, diagnostics: [{ rule: "ISSUED_FORMAT", path: "number", … }] }
 */
export function parseIssuedInvoice(json: unknown): Result<IssuedInvoice> {
  const parsed = IssuedInvoiceSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data, diagnostics: [] };
  return { ok: false, diagnostics: zodIssuesToDiagnostics(parsed.error.issues, "ISSUED") };
}

/** Optional fields are left out rather than set to undefined, so the JSON and deep comparisons stay clean. */
function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
