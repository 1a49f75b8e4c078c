/**
 * What a preview can start from (contracts.md §4): sale data (built first, as `efapiao build` does), a
 * canonical invoice, an issued invoice (JSON), the platform's EInvoice XML or DocBits XML. The format is
 * detected from the text. Browser-safe: the code table is handed in (default: the built-in short list).
 */
import { buildInvoiceFromJson, type Yuan } from "@efapiao/calc";
import { docbitsToInvoice, readDocbitsXml } from "@efapiao/docbits-xml";
import {
  error,
  type Invoice,
  InvoiceSchema,
  type IssuedInvoice,
  parseIssuedInvoice,
  parseJsonText,
  type Result,
  toInvoice,
  zodIssuesToDiagnostics,
} from "@efapiao/model";
import { detectDocumentFormat, parseStaXml } from "@efapiao/sta-xml";
import { builtinCodeTable, type CodeTable } from "@efapiao/tables";

/** Where a previewed invoice came from. */
export type SourceFormat = "sale" | "invoice" | "issued" | "sta-xml" | "docbits-xml";

/** An invoice ready to preview: the canonical invoice, and the issued one when the input was issued. */
export interface PreviewDocument {
  invoice: Invoice;
  issued?: IssuedInvoice;
  format: SourceFormat;
}

export interface ReadOptions {
  /** The classification-code table for sale data; default the built-in short list. */
  codes?: CodeTable;
  /** 圆 (default) or 元 in the capital amount of a built sale. */
  words?: Yuan;
  /** The kind of a DocBits file whose fapiao_type does not say it. */
  kind?: "special" | "general";
  /** The issue date of a sale without one (YYYY-MM-DD); default today in Shanghai. */
  today?: string;
}

/**
 * Reads any supported input into a {@link PreviewDocument}; bad input comes back as diagnostics with the
 * path of the offending field, never as an exception.
 * @example
 * const read = readPreviewDocument(await file.text());
 * if (read.ok) document.body.innerHTML = renderInvoiceHtml(read.value);
 */
export function readPreviewDocument(text: string, options: ReadOptions = {}): Result<PreviewDocument> {
  switch (detectDocumentFormat(text)) {
    case "sta-xml":
      return fromIssued(parseStaXml(text), "sta-xml");
    case "docbits-xml": {
      const doc = readDocbitsXml(text);
      const invoice = doc.ok ? docbitsToInvoice(doc.value, { kind: options.kind }) : doc;
      return fromInvoice(invoice, "docbits-xml");
    }
    case "json": {
      const json = parseJsonText(text);
      return json.ok ? readJson(json.value, options) : json;
    }
    default:
      // XML of another kind: the platform reader says what is wrong with it (root, well-formedness).
      if (/^\uFEFF?\s*</.test(text)) return fromIssued(parseStaXml(text), "sta-xml");
      return {
        ok: false,
        diagnostics: [
          error("PREVIEW_UNKNOWN_FORMAT", "", {
            zh: "无法识别输入格式：应为 JSON（销售数据、发票或已开具发票）、平台 EInvoice XML 或 DocBits XML",
            en: "Unrecognised input: expected JSON (sale data, an invoice or an issued invoice), the platform's EInvoice XML or DocBits XML",
          }),
        ],
      };
  }
}

/** JSON is an issued invoice when it has a number, a canonical invoice when it has totals, else sale data. */
function readJson(json: unknown, options: ReadOptions): Result<PreviewDocument> {
  const has = (key: string) => json !== null && typeof json === "object" && key in json;
  if (has("number")) return fromIssued(parseIssuedInvoice(json), "issued");
  if (has("totals")) {
    const parsed = InvoiceSchema.safeParse(json);
    return parsed.success
      ? { ok: true, value: { invoice: parsed.data, format: "invoice" }, diagnostics: [] }
      : { ok: false, diagnostics: zodIssuesToDiagnostics(parsed.error.issues, "INVOICE") };
  }
  const built = buildInvoiceFromJson(json, {
    codes: options.codes ?? builtinCodeTable(),
    words: options.words,
    today: options.today,
  });
  return fromInvoice(built, "sale");
}

function fromIssued(result: Result<IssuedInvoice>, format: SourceFormat): Result<PreviewDocument> {
  return result.ok
    ? { ...result, value: { invoice: toInvoice(result.value), issued: result.value, format } }
    : result;
}

function fromInvoice(result: Result<Invoice>, format: SourceFormat): Result<PreviewDocument> {
  return result.ok ? { ...result, value: { invoice: result.value, format } } : result;
}
