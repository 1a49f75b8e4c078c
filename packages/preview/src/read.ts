/**
 * What a preview can start from (contracts.md §4): sale data (built first, as `efapiao build` does), a
 * canonical invoice, an issued invoice (JSON), the platform's EInvoice XML or DocBits XML — detected from
 * the text — or a received OFD (bytes; told from text by @efapiao/ofd's `looksLikeOfd`, as everywhere).
 * Browser-safe: the code table is handed in (default: the built-in short list).
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
import { looksLikeOfd, readOfd, receivedToInvoice } from "@efapiao/ofd";
import { detectDocumentFormat, parseStaXml } from "@efapiao/sta-xml";
import { builtinCodeTable, type CodeTable } from "@efapiao/tables";

/** Where a previewed invoice came from. */
export type SourceFormat = "sale" | "invoice" | "issued" | "sta-xml" | "docbits-xml" | "ofd";

/** An invoice ready to preview: the canonical invoice, and the issued one when the input was issued. */
export interface PreviewDocument {
  invoice: Invoice;
  issued?: IssuedInvoice;
  /**
   * What a received file prints of its issuance when it carries no issued invoice (an OFD without the
   * platform's XML): the number and date shown in the header.
   */
  printed?: { number: string; issueDate: string; direction: "blue" | "red" };
  format: SourceFormat;
}

export interface ReadOptions {
  /** The classification-code table for sale data; default the built-in short list. */
  codes?: CodeTable;
  /** 圆 (default) or 元 in the capital amount of a built sale. */
  words?: Yuan;
  /** The kind of a DocBits file whose fapiao_type does not say it (or an OFD whose page does not). */
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

/**
 * Reads input bytes: an OFD (zip), else UTF-8 text as {@link readPreviewDocument} reads it.
 * @example
 * const read = readPreviewBytes(new Uint8Array(await file.arrayBuffer())); // .ofd, .xml or .json
 */
export function readPreviewBytes(bytes: Uint8Array, options: ReadOptions = {}): Result<PreviewDocument> {
  if (looksLikeOfd(bytes)) return readPreviewOfd(bytes, options);
  return readPreviewDocument(new TextDecoder("utf-8").decode(bytes), options);
}

/**
 * Reads a received OFD: the attached platform XML when there is one (an issued invoice), else the invoice
 * printed on the page, its number and date shown as printed. A page that does not say the kind needs
 * `options.kind`.
 * @example
 * readPreviewOfd(readFileSync("24112000000048542163.ofd")).value.printed // { number: "24112000000048542163", issueDate: "2024-05-28", … }
 */
export function readPreviewOfd(bytes: Uint8Array, options: ReadOptions = {}): Result<PreviewDocument> {
  const read = readOfd(bytes);
  if (!read.ok) return read;
  const { issued, invoice: received } = read.value;
  if (issued) return { ...read, value: { invoice: toInvoice(issued), issued, format: "ofd" } };
  const kind = received.kind ?? options.kind;
  if (kind === undefined) {
    return {
      ok: false,
      diagnostics: [
        error("PREVIEW_OFD_KIND", "kind", {
          zh: "OFD 版式上看不出发票种类（专用或普通），请用 --kind special|general 指定",
          en: "The OFD's page does not say the kind (special or general): give --kind special|general",
        }),
      ],
    };
  }
  // The printed fields are all a preview draws: a received invoice lacks only what the page never shows
  // (classification codes), which the view does not use.
  const invoice = { ...receivedToInvoice(received), kind } as Invoice;
  const { number, issueDate, direction } = received;
  return {
    ok: true,
    value: { invoice, printed: { number, issueDate, direction }, format: "ofd" },
    diagnostics: read.diagnostics,
  };
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
