/**
 * One XML part of an OFD package: inflated from the archive, decoded by its declared encoding, and read
 * through the hardened XML reader of @efapiao/sta-xml (size and depth limits, no DTDs). Diagnostics name
 * the part, so a broken file deep inside the package says where it is.
 */
import { type Diagnostic, error, type Result } from "@efapiao/model";
import { readXml, XmlCursor, type XmlLimits } from "@efapiao/sta-xml";
import type { ZipArchive } from "../zip/archive.js";

const UTF8 = new TextDecoder("utf-8", { fatal: true });

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

/** UTF-8 unless the declaration says a GB encoding (GBK, GB2312, GB18030 all decode as GB18030). */
function decode(bytes: Uint8Array, name: string): Result<string> {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 100));
  const declared = /^(?:\uFEFF|ï»¿)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i
    .exec(head)?.[1]
    ?.toLowerCase();
  if (declared && /^(gbk|gb2312|gb18030|x-gbk|cp936)$/.test(declared)) {
    return { ok: true, value: new TextDecoder("gb18030").decode(bytes), diagnostics: [] };
  }
  try {
    return { ok: true, value: UTF8.decode(bytes), diagnostics: [] };
  } catch {
    return {
      ok: false,
      diagnostics: [
        error("OFD_ENCODING", name, {
          zh: `${name} 不是有效的 UTF-8 文本${declared ? `（声明的编码为 ${declared}）` : ""}`,
          en: `${name} is not valid UTF-8 text${declared ? ` (declared encoding ${declared})` : ""}`,
        }),
      ],
    };
  }
}
