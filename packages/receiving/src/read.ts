/**
 * Any received file → the received invoice: an OFD (@efapiao/ofd), the platform's EInvoice XML
 * (@efapiao/sta-xml), or JSON — an issued invoice, or a received invoice as `efapiao convert FILE.ofd
 * --to canonical` prints it. The format is told from the content, never from the file name.
 */
import {
  type Diagnostic,
  error,
  type IssuedInvoice,
  parseIssuedInvoice,
  parseJsonText,
  type Result,
} from "@efapiao/model";
import {
  type FieldSource,
  issuedToReceived,
  looksLikeOfd,
  parseReceivedInvoice,
  type ReceivedInvoice,
  readOfd,
  receivedToInvoice,
} from "@efapiao/ofd";
import { detectDocumentFormat, parseStaXml } from "@efapiao/sta-xml";

export type ReceivedFormat = "ofd" | "sta-xml" | "json";

/** A received file, read. */
export interface ReceivedDocument {
  format: ReceivedFormat;
  invoice: ReceivedInvoice;
  /** The complete issued invoice, when the file is (or attaches) the platform's XML or an issued JSON. */
  issued?: IssuedInvoice;
  /** Where each field came from (OFD files). */
  sources?: Record<string, FieldSource>;
}

const UTF8 = new TextDecoder("utf-8", { ignoreBOM: false });

/**
 * Reads a received file.
 * @example
 * readReceived(readFileSync("invoice.ofd")) // { ok: true, value: { format: "ofd", invoice: { number: "24112000000048542163", … } } }
 * readReceived(new TextEncoder().encode("hello")) // { ok: false, diagnostics: [{ rule: "RECEIVED_FORMAT", … }] }
 */
export function readReceived(bytes: Uint8Array): Result<ReceivedDocument> {
  if (looksLikeOfd(bytes)) {
    const read = readOfd(bytes);
    if (!read.ok) return read;
    const { invoice, issued, sources } = read.value;
    return { ok: true, value: { format: "ofd", invoice, issued, sources }, diagnostics: read.diagnostics };
  }
  const text = UTF8.decode(bytes);
  const format = detectDocumentFormat(text);
  if (format === "sta-xml") return fromIssued("sta-xml", parseStaXml(text));
  if (format === "json") {
    const json = parseJsonText(text);
    if (!json.ok) return json;
    const document = json.value;
    // An issued invoice has what only issuance gives (the tax bureau); anything else with a number is a
    // received invoice as efapiao prints one.
    if (isObject(document) && "taxBureau" in document)
      return fromIssued("json", parseIssuedInvoice(document));
    const received = parseReceivedInvoice(document);
    return received.ok ? { ...received, value: { format: "json", invoice: received.value } } : received;
  }
  return {
    ok: false,
    diagnostics: [
      error("RECEIVED_FORMAT", "", {
        zh: "无法识别的收票文件：应为 OFD、电子发票服务平台的 EInvoice XML 或发票 JSON",
        en: "Unrecognised received file: expected an OFD, the platform's EInvoice XML or invoice JSON",
      }),
    ],
  };
}

function fromIssued(format: ReceivedFormat, read: Result<IssuedInvoice>): Result<ReceivedDocument> {
  if (!read.ok) return read;
  return {
    ok: true,
    value: { format, invoice: issuedToReceived(read.value), issued: read.value },
    diagnostics: read.diagnostics,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The rule packs' findings on a received invoice: the issued invoice when there is one, else the canonical
 * fields read. The printed fapiao carries no classification code (the OFD reader notes it once as
 * OFD_NO_CODE), so findings about a code the file cannot have are left out.
 * @example
 * const check = createValidator({ packs: [await loadStandardPack()] }); // @efapiao/rules
 * ruleFindings(read.value, check) // [] for the 数电票 sample
 */
export function ruleFindings(
  document: ReceivedDocument,
  check: (document: unknown) => { diagnostics: Diagnostic[] },
): Diagnostic[] {
  const { issued, invoice } = document;
  const findings = check(issued ?? receivedToInvoice(invoice)).diagnostics;
  if (issued) return findings;
  return findings.filter((d) => {
    const line = /^lines\[(\d+)\]\.code$/.exec(d.path);
    return line === null || invoice.lines[Number(line[1])]?.code !== undefined;
  });
}
