/**
 * XML bytes → text in the encoding the file says it has. Older invoicing systems write GBK or GB18030 and
 * declare it (`<?xml version="1.0" encoding="GBK"?>`); reading those bytes as UTF-8 turns every Chinese
 * name into mojibake. The order is XML 1.0 appendix F: a byte-order mark, else the declaration, else UTF-8.
 * Decoding is `TextDecoder` only (no iconv), so the same code runs in browsers; a file whose bytes do not
 * fit its encoding is refused, with the byte offset when the encoding is UTF-8.
 */
import { decodeUtf8, error, type Result } from "@efapiao/model";

/** Encoding labels (lower case) accepted in a declaration, as the WHATWG `TextDecoder` label. */
const DECLARED: Record<string, string> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "us-ascii": "utf-8", // ASCII is a subset of UTF-8; the strict decoder refuses bytes above 0x7F
  ascii: "utf-8",
  gbk: "gbk",
  gb2312: "gbk",
  cp936: "gbk",
  gb18030: "gb18030",
  "utf-16": "utf-16",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
};

/**
 * Decodes the bytes of an XML file.
 * @example
 * decodeXmlBytes(readFileSync("gbk-invoice.xml")) // { ok: true, value: '<?xml … encoding="GBK"?><EInvoice>…广州…', … }
 * decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="EBCDIC"?><a/>')) // { ok: false, … XML_ENCODING_UNSUPPORTED }
 */
export function decodeXmlBytes(bytes: Uint8Array): Result<string> {
  const bom = byteOrderMark(bytes);
  if (bom) return decodeAs(bytes.subarray(bom.length), bom.encoding, bom.encoding);
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return decodeAs(bytes, "utf-16le", "UTF-16LE");
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return decodeAs(bytes, "utf-16be", "UTF-16BE");
  const declared = declaredEncoding(bytes);
  if (declared === undefined) return decodeUtf8(bytes);
  const encoding = DECLARED[declared.toLowerCase()];
  if (encoding === undefined) {
    return refuse("XML_ENCODING_UNSUPPORTED", {
      zh: `不支持 XML 声明的编码 “${declared.slice(0, 40)}”：支持 UTF-8、GBK（GB2312）、GB18030 和 UTF-16`,
      en: `The encoding "${declared.slice(0, 40)}" declared by the XML is not supported: UTF-8, GBK (GB2312), GB18030 and UTF-16 are`,
    });
  }
  if (encoding.startsWith("utf-16")) {
    // The declaration was readable as single bytes, so the file is not UTF-16 whatever it says.
    return refuse("XML_ENCODING_MISMATCH", {
      zh: `XML 声明为 ${declared}，但文件内容不是 UTF-16 编码（没有字节顺序标记，声明本身是单字节写的）`,
      en: `The XML declares ${declared}, but the file is not UTF-16 (no byte-order mark, and the declaration itself is in single bytes)`,
    });
  }
  return encoding === "utf-8" ? decodeUtf8(bytes) : decodeAs(bytes, encoding, declared);
}

function byteOrderMark(bytes: Uint8Array): { length: number; encoding: string } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { length: 3, encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { length: 2, encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { length: 2, encoding: "utf-16be" };
  return undefined;
}

/** The `encoding` pseudo-attribute of an XML declaration at the very start, read as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  const declaration = /^<\?xml\s[^>]*?\?>/.exec(head)?.[0];
  if (!declaration) return undefined;
  return /\sencoding\s*=\s*(["'])([^"']*)\1/.exec(declaration)?.[2];
}

function decodeAs(bytes: Uint8Array, encoding: string, shown: string): Result<string> {
  if (encoding === "utf-8") return decodeUtf8(bytes);
  try {
    // ignoreBOM: the mark was taken off above; a second one would be content.
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, value: text, diagnostics: [] };
  } catch {
    return refuse("XML_ENCODING_INVALID", {
      zh: `文件内容不是有效的 ${shown} 编码`,
      en: `The file's bytes are not valid ${shown}`,
    });
  }
}

function refuse(rule: string, message: { zh: string; en: string }): Result<string> {
  return { ok: false, diagnostics: [error(rule, "", message)] };
}
