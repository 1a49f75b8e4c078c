/**
 * One XML part of an OFD package: inflated from the archive, decoded by its declared encoding, and read
 * through the hardened XML reader of @efapiao/sta-xml (size and depth limits, no DTDs). Diagnostics name
 * the part, so a broken file deep inside the package says where it is.
 */
import type { Diagnostic, Result } from "@efapiao/model";
import { decodeXmlBytes, readXml, XmlCursor, type XmlLimits } from "@efapiao/sta-xml";
import type { ZipArchive } from "../zip/archive.js";

/**
 * Reads and parses a part.
 * @example
 * readPart(zip, "OFD.xml", limits) // { ok: true, value: XmlCursor at /OFD, … }
 */
export function readPart(zip: ZipArchive, name: string, limits: XmlLimits): Result<XmlCursor> {
  const text = readPartText(zip, name);
  if (!text.ok) return text;
  const xml = readXml(text.value, limits);
  if (!xml.ok) return { ok: false, diagnostics: xml.diagnostics.map((d) => inPart(d, name)) };
  return { ok: true, value: new XmlCursor(xml.value), diagnostics: [] };
}

/** A part's text, decoded by its declared encoding. */
export function readPartText(zip: ZipArchive, name: string): Result<string> {
  const bytes = zip.read(name);
  return bytes.ok ? decode(bytes.value, name) : bytes;
}

/** A diagnostic of the XML layer, placed in its part: `Doc_0/Document.xml` or `Doc_0/Document.xml#/Document/Pages`. */
export function inPart(d: Diagnostic, part: string): Diagnostic {
  const where = d.path ? `${part}#${d.path}` : part;
  return { ...d, path: where, message: `${part}：${d.message}`, messageEn: `${part}: ${d.messageEn}` };
}

/** By the byte-order mark, else the declared encoding (GBK, GB18030 …), else UTF-8: sta-xml's rule. */
function decode(bytes: Uint8Array, name: string): Result<string> {
  const text = decodeXmlBytes(bytes);
  return text.ok ? text : { ok: false, diagnostics: text.diagnostics.map((d) => inPart(d, name)) };
}
