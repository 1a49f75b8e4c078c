/**
 * XML text → {@link XmlBlock} tree, through the {@link guardXml} gate and fast-xml-parser. Everything the
 * format readers (EInvoice, DocBits) need is here: element names, attributes, text and children in
 * document order. Values stay text — a number is never parsed into a JavaScript number, so `0.060000`,
 * `01234567890123456789` and `15841.5841584158` arrive exactly as written.
 *
 * References (`&amp;`, `&#20013;`) are decoded here, in one pass, rather than by the parser: the parser's
 * entity handling runs a dozen regular expressions over every text node (most of the parse time), decodes
 * in several passes (`&#38;lt;` would become `<`), and would apply DTD entities, which have no business in
 * an invoice. Undeclared named references stay as written.
 */
import { type Diagnostic, error, type Result, type XmlBlock } from "@efapiao/model";
import { XMLParser } from "fast-xml-parser";
import { guardXml, XML_LIMITS, type XmlLimits } from "./guard.js";

// One parser serves every call: fast-xml-parser keeps no state between parse() calls.
const parser = new XMLParser({
  preserveOrder: true, // keeps repeated and interleaved elements in file order
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false, // a name's own spaces are data; indentation is dropped below
  processEntities: false, // decoded below, in one pass
  cdataPropName: "#cdata", // CDATA is literal text and must not be decoded
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** fast-xml-parser's ordered output: `{ [tag]: content[], ":@"?: attributes }`, `{ "#text": … }` or `{ "#cdata": … }`. */
type OrderedNode = Record<string, unknown>;

/** Thrown by the converter for a reference that names no XML character; becomes XML_MALFORMED. */
class BadReference extends Error {}

/**
 * Parses XML text into its root element.
 * @example
 * readXml("<a x='1'><b>2 &amp; 3</b><c/></a>")
 * // { ok: true, value: { name: "a", attributes: { x: "1" }, children: [{ name: "b", text: "2 & 3" }, { name: "c" }] } }
 * readXml("<a><b></a>") // { ok: false, diagnostics: [{ rule: "XML_MALFORMED", … }] }
 */
export function readXml(text: string, limits: XmlLimits = XML_LIMITS): Result<XmlBlock> {
  const refused = guardXml(text, limits);
  if (refused) return { ok: false, diagnostics: [refused] };
  try {
    const nodes = parser.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as OrderedNode[];
    const root = nodes.find((node) => elementName(node) !== undefined);
    if (!root) return { ok: false, diagnostics: [malformed("no root element", "没有根元素")] };
    return { ok: true, value: toBlock(root), diagnostics: [] };
  } catch (e) {
    // fast-xml-parser throws plain Errors for input it cannot read; ours says which reference is wrong.
    const reason = (e as Error).message;
    return { ok: false, diagnostics: [malformed(reason, reason)] };
  }
}

function elementName(node: OrderedNode): string | undefined {
  for (const key of Object.keys(node)) if (key !== ":@" && key !== "#text" && key !== "#cdata") return key;
  return undefined;
}

/** Converts one element. The guard has bounded the depth, so this recursion is bounded too. */
function toBlock(node: OrderedNode): XmlBlock {
  const name = elementName(node)!;
  const content = node[name] as OrderedNode[];
  const attributes = node[":@"] as Record<string, string> | undefined;
  let text = "";
  const children: XmlBlock[] = [];
  for (const item of content) {
    if ("#text" in item) text += decode(String(item["#text"]));
    else if ("#cdata" in item)
      text += (item["#cdata"] as OrderedNode[]).map((t) => String(t["#text"] ?? "")).join("");
    else children.push(toBlock(item));
  }
  const block: XmlBlock = { name };
  if (attributes && Object.keys(attributes).length > 0) {
    block.attributes = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, decode(String(v))]));
  }
  // Between child elements, whitespace is indentation; in a leaf it is the value.
  if (text !== "" && (children.length === 0 || text.trim() !== "")) block.text = text;
  if (children.length > 0) block.children = children;
  return block;
}

const REFERENCE = /&(?:#x([0-9a-fA-F]{1,8})|#([0-9]{1,10})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and character references of a text in one pass, as `readXml` does
 * — for readers that find text in guarded XML by other means than the tree (the OFD page scan).
 * @example
 * decodeReferences("2 &amp; 3 &#20013;") // { ok: true, value: "2 & 3 中", diagnostics: [] }
 * decodeReferences("&#0;")               // { ok: false, diagnostics: [{ rule: "XML_MALFORMED", … }] }
 */
export function decodeReferences(text: string): Result<string> {
  try {
    return { ok: true, value: decode(text), diagnostics: [] };
  } catch (e) {
    if (!(e instanceof BadReference)) throw e;
    return { ok: false, diagnostics: [malformed(e.message, e.message)] };
  }
}

/** Decodes the five predefined entities and character references, in one pass. */
function decode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (reference, hex: string | undefined, decimal: string | undefined, named) => {
    if (named) return NAMED[named]!;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    if (!isXmlCharacter(code))
      throw new BadReference(`character reference ${reference} is not an XML character`);
    return String.fromCodePoint(code);
  });
}

/** XML 1.0 `Char`: tab, LF, CR, and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function malformed(en: string, zh: string): Diagnostic {
  return error("XML_MALFORMED", "", { zh: `XML 格式错误：${zh}`, en: `Malformed XML: ${en}` });
}
