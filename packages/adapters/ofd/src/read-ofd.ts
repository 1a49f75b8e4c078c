/**
 * OFD file → received invoice. The zip is opened within limits, `OFD.xml` leads to the document, and the
 * invoice is taken from what the file carries: the platform's EInvoice XML when one is attached (complete:
 * the issued invoice itself), else an attached e-invoice XML (the 2019 layout of legacy e-invoices) and the
 * custom tags that point at page text (数电票), with the page's title and capitals and the DocInfo
 * metadata as further sources. Every field says where it came from.
 */
import { type Diagnostic, error, hasErrors, type IssuedInvoice, type Result } from "@efapiao/model";
import { parseStaXml } from "@efapiao/sta-xml";
import { assemble, mergeFields } from "./build.js";
import { info } from "./diagnostics.js";
import { fromAttachment, fromCustomTags, fromDocInfo, fromPageText } from "./fields/extract.js";
import type { FieldSource, RawField } from "./fields/source.js";
import { type OfdStructure, readStructure } from "./package/document.js";
import { PageTexts } from "./package/page-text.js";
import { inPart, readPart, readPartText } from "./package/part.js";
import { issuedToReceived, type ReceivedInvoice } from "./received.js";
import { openZip, type ZipArchive } from "./zip/archive.js";
import { OFD_LIMITS, type OfdLimits } from "./zip/limits.js";

export interface ReadOfdOptions {
  /** Limits of the archive and its XML parts; default {@link OFD_LIMITS}. */
  limits?: Partial<OfdLimits>;
}

/** What an OFD invoice reads as. */
export interface OfdReading {
  /** The invoice, in the canonical model's names and text forms. */
  invoice: ReceivedInvoice;
  /** Where each field came from, by path (`number`, `lines[0].amount`). */
  sources: Record<string, FieldSource>;
  /** The complete issued invoice, when the OFD attaches the platform's EInvoice XML. */
  issued?: IssuedInvoice;
}

/**
 * Reads an OFD invoice.
 * @returns the invoice with warnings and notes, or errors saying why the file was refused
 * @example
 * const read = readOfd(readFileSync("invoice.ofd"));
 * read.ok && read.value.invoice.totals // { amount: "4197.17", tax: "251.83", total: "4449.00", totalInWords: "肆仟肆佰肆拾玖圆整" }
 * read.ok && read.value.sources.number // { from: "custom-tag", part: "Doc_0/Tags/CustomTag.xml", tag: "InvoiceNo", objects: [{ part: "Doc_0/Pages/Page_0/Content.xml", id: "6922" }] }
 */
export function readOfd(bytes: Uint8Array, options: ReadOfdOptions = {}): Result<OfdReading> {
  const limits = { ...OFD_LIMITS, ...options.limits };
  const zip = openZip(bytes, limits);
  if (!zip.ok) return zip;
  const structure = readStructure(zip.value, limits);
  if (!structure.ok) return structure;
  return readInvoice(zip.value, structure.value, limits);
}

/**
 * True when the bytes start like a zip archive (an OFD is one), for routing input by content.
 * @example
 * looksLikeOfd(readFileSync("invoice.ofd")) // true
 */
export function looksLikeOfd(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function readInvoice(zip: ZipArchive, structure: OfdStructure, limits: OfdLimits): Result<OfdReading> {
  const notes: Diagnostic[] = [];
  const attached: RawField[] = [];
  for (const attachment of structure.attachments) {
    if (!/xml$/i.test(attachment.format) && !/\.xml$/i.test(attachment.part)) continue;
    const xml = readPart(zip, attachment.part, limits.xml);
    if (!xml.ok) return xml;
    if (xml.value.name === "EInvoice") return fromStaXml(zip, attachment.part);
    if (xml.value.name.toLowerCase() === "einvoice") {
      const read = fromAttachment(xml.value.block, attachment.part);
      attached.push(...read.fields);
      notes.push(...read.notes);
    } else {
      notes.push(
        info("OFD_ATTACHMENT_SKIPPED", attachment.part, {
          zh: `附件 ${attachment.part} 不是发票 XML（根元素 <${xml.value.name}>），未读取`,
          en: `Attachment ${attachment.part} is not an invoice XML (root <${xml.value.name}>) and was not read`,
        }),
      );
    }
  }

  const pages = new PageTexts(zip, structure, limits);
  const tagged: RawField[] = [];
  for (const tags of structure.customTags) {
    const xml = readPart(zip, tags.part, limits.xml);
    if (!xml.ok) return xml;
    const read = fromCustomTags(xml.value.block, tags.part, pages);
    if (!read.ok) return read;
    tagged.push(...read.value);
  }
  if (attached.length === 0 && tagged.length === 0) return notAnInvoice(structure);

  // The title (the kind) is looked for on the templates only when no other source gives the kind.
  const texts = pages.texts(![...attached, ...tagged].some((f) => f.path === "kind"));
  if (!texts.ok) return texts;
  const onPage = fromPageText(texts.value, new Set(structure.pages.map((p) => p.part)));
  const merged = mergeFields([...attached, ...tagged, ...onPage, ...fromDocInfo(structure.info)]);
  const diagnostics = [...notes, ...merged.diagnostics];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  const built = assemble(merged.values);
  if (!built.ok) return { ok: false, diagnostics: [...diagnostics, ...built.diagnostics] };
  return { ok: true, value: built.value, diagnostics: [...diagnostics, ...built.diagnostics] };
}

/** The platform's own EInvoice XML attached: the issued invoice, read by @efapiao/sta-xml. */
function fromStaXml(zip: ZipArchive, part: string): Result<OfdReading> {
  const text = readPartText(zip, part);
  if (!text.ok) return text;
  const read = parseStaXml(text.value);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics.map((d) => inPart(d, part)) };
  const invoice = issuedToReceived(read.value);
  const sources: Record<string, FieldSource> = {};
  for (const key of Object.keys(invoice)) sources[key] = { from: "attachment", part, element: "/EInvoice" };
  return {
    ok: true,
    value: { invoice, sources, issued: read.value },
    diagnostics: read.diagnostics.map((d) => inPart(d, part)),
  };
}

function notAnInvoice(structure: OfdStructure): Result<never> {
  return {
    ok: false,
    diagnostics: [
      error("OFD_NOT_INVOICE", structure.document, {
        zh: "这个 OFD 文件不是发票：既没有附带发票 XML（Attachments），也没有把发票字段标注到页面的自定义标签（CustomTags）",
        en: "This OFD file is not an invoice: it attaches no invoice XML (Attachments) and has no custom tags mapping invoice fields to the page (CustomTags)",
      }),
    ],
  };
}
