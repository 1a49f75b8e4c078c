/**
 * The sale document (contracts.md §1): what a company's system hands efapiao to make one invoice.
 * Decimals come in as JSON strings or numbers and leave `parseSale` as canonical decimal text; unknown
 * fields are rejected, not dropped, so a misspelt `taxid` can never silently vanish.
 */
import { z } from "zod";
import { type DecimalTextResult, readDecimal, readRate } from "./decimal-text.js";
import type { Result } from "./diagnostic.js";
import { parseJsonText } from "./json-text.js";
import { zodIssuesToDiagnostics } from "./zod-diagnostics.js";

/** Inputs larger than these are not invoices but mistakes (or attacks); the rule packs hold the real limits. */
export const SALE_LIMITS = { maxLines: 10_000, maxTextLength: 2_000 } as const;

const text = () => z.string().min(1).max(SALE_LIMITS.maxTextLength);
const optionalText = () => z.string().max(SALE_LIMITS.maxTextLength).optional();

/** The definition of a {@link decimalReader} schema: the reader and the rule id of its diagnostics. */
interface DecimalReaderDef extends z.core.$ZodTypeDef {
  type: "custom";
  read: (value: unknown) => DecimalTextResult;
  rule: string;
}

/**
 * A schema that reads a field with one of the decimal-text readers: JSON strings and numbers are both
 * welcome, the output is decimal text. A missing value is reported as missing (not as "undefined is not a
 * number"); anything else the reader rejects carries its bilingual message and rule.
 *
 * One schema node that reads and validates in its own parse, where `z.unknown().transform(…)` is a pipe of
 * two nodes with a fresh payload and an `addIssue` closure per value: sales carry several decimals per
 * line, and the pipe cost more than the rest of the line. The issues are the ones that transform pushed.
 * The node is built as zod builds its own (`$constructor`, a `_zod.parse` over the payload); zod is pinned
 * to one version, and sale.test.ts pins the diagnostics, so an upgrade that changes that protocol shows.
 */
const ZodDecimalReader = z.core.$constructor(
  "ZodDecimalReader",
  (inst: z.ZodType<string, unknown>, def: DecimalReaderDef) => {
    z.ZodType.init(inst, def);
    inst._zod.parse = (payload) => {
      const value = payload.value;
      if (value === undefined) {
        payload.issues.push({ code: "invalid_type", expected: "string", input: value, message: "Required" });
        return payload;
      }
      const result = def.read(value);
      if (result.ok) payload.value = result.text;
      else {
        payload.issues.push({
          code: "custom",
          message: result.message.en,
          params: { zh: result.message.zh, rule: def.rule },
          input: value,
        });
      }
      return payload;
    };
  },
);

/** A field read by `read`: any JSON value in, decimal text out. */
const decimalReader = (
  read: (value: unknown) => DecimalTextResult,
  rule: string,
): z.ZodType<string, unknown> => new ZodDecimalReader({ type: "custom", read, rule });

/** A decimal read through {@link readDecimal}: output is decimal text. */
export const decimalText = () => decimalReader(readDecimal, "SALE_DECIMAL");

/** A tax rate read through {@link readRate}: output is a decimal fraction ("0.06"). */
export const rateText = () => decimalReader(readRate, "SALE_RATE");

/** YYYY-MM-DD that names a real calendar day. */
export const isoDate = () =>
  z.string().refine(isCalendarDate, {
    message: "Dates are written YYYY-MM-DD and must exist (e.g. 2026-05-18)",
    params: { zh: "日期应写作 YYYY-MM-DD 且为真实日期（例如 2026-05-18）", rule: "SALE_DATE" },
  });

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const InvoiceKindSchema = z.enum(["special", "general"]);
export type InvoiceKind = z.infer<typeof InvoiceKindSchema>;

/**
 * Text that must match a pattern, with the explanation in both languages (zod's own `regex` check carries
 * only one message, and a clerk needs the Chinese one).
 */
export const patternText = (pattern: RegExp, zh: string, en: string) =>
  z.string().refine((value) => pattern.test(value), { message: en, params: { zh } });

/** 优惠政策标识 01–18. */
export const PolicyFlagSchema = patternText(
  /^(0[1-9]|1[0-8])$/,
  "优惠政策标识应为 01 到 18 的两位代码",
  "The policy flag (优惠政策标识) is a two-digit code from 01 to 18",
);

/** Address and bank details, optional on both parties; the name and tax id come first, as on the invoice. */
const contactFields = {
  address: optionalText(),
  phone: optionalText(),
  bankName: optionalText(),
  bankAccount: optionalText(),
};

export const SellerSchema = z.strictObject({ name: text(), taxId: text(), ...contactFields });
export const BuyerSchema = z.strictObject({
  name: text(),
  /** Optional: a general invoice to a natural person may carry none. */
  taxId: text().optional(),
  naturalPerson: z.boolean().default(false),
  ...contactFields,
});

/** Decimal text of zero, unsigned ("0", "0.00"). */
const ZERO_TEXT = /^0+(\.0+)?$/;

export const SaleLineSchema = z
  .strictObject({
    name: text(),
    code: patternText(
      /^\d{19}$/,
      "税收分类编码应为 19 位数字",
      "The classification code (税收分类编码) has exactly 19 digits",
    ),
    spec: optionalText(),
    unit: optionalText(),
    quantity: decimalText().optional(),
    unitPrice: decimalText().optional(),
    amount: decimalText().optional(),
    taxRate: rateText(),
    policy: PolicyFlagSchema.optional(),
    discount: decimalText().optional(),
  })
  // A check on the payload rather than superRefine, which gives every line a fresh `addIssue` closure;
  // the issues are the ones superRefine's addIssue would push.
  .check((payload) => {
    const line = payload.value;
    const hasPair = line.quantity !== undefined && line.unitPrice !== undefined;
    if (line.amount === undefined && !hasPair) {
      payload.issues.push({
        code: "custom",
        path: ["amount"],
        message: "A line needs an amount, or a quantity and a unit price",
        params: { zh: "每行需要金额，或者数量和单价", rule: "SALE_LINE_AMOUNT_MISSING" },
        input: line,
        continue: true,
      });
    }
    if (line.discount !== undefined && (line.discount.startsWith("-") || ZERO_TEXT.test(line.discount))) {
      payload.issues.push({
        code: "custom",
        path: ["discount"],
        message: "A discount is a positive amount (it becomes a negative discount line)",
        params: { zh: "折扣金额应为正数（开票时生成负数的折扣行）", rule: "SALE_DISCOUNT_NOT_POSITIVE" },
        input: line,
        continue: true,
      });
    }
  });

export const SaleSchema = z.strictObject({
  kind: InvoiceKindSchema,
  issueDate: isoDate().optional(),
  seller: SellerSchema,
  buyer: BuyerSchema,
  pricesIncludeTax: z.boolean().default(false),
  lines: z.array(SaleLineSchema).min(1).max(SALE_LIMITS.maxLines),
  remarks: optionalText(),
  drawer: optionalText(),
});

/** A sale document as read: decimals are canonical decimal text, defaults filled in. */
export type Sale = z.output<typeof SaleSchema>;
export type SaleLine = Sale["lines"][number];
export type Seller = Sale["seller"];
export type Buyer = Sale["buyer"];
/** A sale document as a user writes it (decimals as strings or numbers, defaults optional). */
export type SaleInput = z.input<typeof SaleSchema>;

/**
 * Reads a sale document (already JSON-parsed) into a {@link Sale}, or explains every problem with a path.
 * @example
 * const result = parseSale(JSON.parse(text));
 * if (!result.ok) console.log(result.diagnostics); // [{ path: "lines[0].taxRate", message: "税率 …", … }]
 */
export function parseSale(json: unknown): Result<Sale> {
  // reportInput: zodIssuesToDiagnostics needs the offending value to tell "wrong type" from "missing".
  const parsed = SaleSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data, diagnostics: [] };
  return { ok: false, diagnostics: zodIssuesToDiagnostics(parsed.error.issues, "SALE") };
}

/**
 * Reads a sale document from JSON text: malformed JSON is a diagnostic too, with the position of the fault.
 * @example
 * parseSaleJson('{"kind": "special", …}')
 */
export function parseSaleJson(jsonText: string): Result<Sale> {
  const json = parseJsonText(jsonText);
  return json.ok ? parseSale(json.value) : json;
}
