/**
 * {@link XmlBlock} tree → XML text, laid out like the platform's own files: a declaration, two-space
 * indentation, one element per line, leaf values inline, empty elements self-closed (`<KeyInfo/>`).
 * Text is escaped so that reading the output gives back exactly the same strings (see read.ts).
 */
import type { XmlBlock } from "@efapiao/model";

export interface WriteXmlOptions {
  /** The XML declaration line; default `<?xml version="1.0" encoding="utf-8" standalone="yes"?>` as the platform writes. */
  declaration?: string | false;
  /** Indentation per level; default two spaces. */
  indent?: string;
}

export const PLATFORM_DECLARATION = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>';

/**
 * Characters XML 1.0 cannot carry at all, not even as a character reference: C0 controls other than tab,
 * newline and carriage return, lone surrogates, U+FFFE and U+FFFF.
 */
export const NOT_XML_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Serializes an element tree. The caller makes sure no text contains a {@link NOT_XML_CHARACTER}.
 * @example
 * writeXml({ name: "a", children: [{ name: "b", text: "x & y" }, { name: "c" }] }, { declaration: false })
 * // "<a>\n  <b>x &amp; y</b>\n  <c/>\n</a>\n"
 */
export function writeXml(root: XmlBlock, options: WriteXmlOptions = {}): string {
  const declaration = options.declaration ?? PLATFORM_DECLARATION;
  const out: string[] = declaration === false ? [] : [declaration];
  writeElement(root, "", options.indent ?? "  ", out);
  return `${out.join("\n")}\n`;
}

function writeElement(block: XmlBlock, margin: string, indent: string, out: string[]): void {
  const start = `${block.name}${attributesText(block.attributes)}`;
  const children = block.children ?? [];
  if (children.length === 0) {
    out.push(
      block.text === undefined
        ? `${margin}<${start}/>`
        : `${margin}<${start}>${escapeText(block.text)}</${block.name}>`,
    );
  } else if (block.text !== undefined) {
    // Mixed content: no indentation may be added, or it would become part of the text.
    out.push(`${margin}${inline(block)}`);
  } else {
    out.push(`${margin}<${start}>`);
    for (const child of children) writeElement(child, margin + indent, indent, out);
    out.push(`${margin}</${block.name}>`);
  }
}

function inline(block: XmlBlock): string {
  const start = `${block.name}${attributesText(block.attributes)}`;
  const inner = escapeText(block.text ?? "") + (block.children ?? []).map(inline).join("");
  return inner === "" ? `<${start}/>` : `<${start}>${inner}</${block.name}>`;
}

function attributesText(attributes: Record<string, string> | undefined): string {
  if (!attributes) return "";
  let text = "";
  for (const [name, value] of Object.entries(attributes)) text += ` ${name}="${escapeAttribute(value)}"`;
  return text;
}

/** `>` is escaped too, so that `]]>` can never appear; `\r` as a reference, since parsers turn CR LF into LF. */
function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** Whitespace other than spaces is written as references: parsers normalize it in attribute values. */
function escapeAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
};
