/**
 * A fast reading of page content (a page's or a template's `Content.xml`): the template IDs it draws on,
 * every object with an `ID`, and the text of each `TextObject`. Page content is most of an OFD's XML (the
 * sample's page and template are 15 of its 20 KB), and building a whole element tree of it only to read
 * the text objects cost most of the reading time; this scan does the one job in one pass of regular
 * expressions instead.
 *
 * It runs only on text that {@link guardXml} has passed — well-formed (tags balance, one root), no DTD,
 * bounded size and depth. Comments and CDATA sections are settled first, in one pass, as XML defines them
 * (a comment or processing instruction is dropped, a CDATA section becomes the same characters escaped), so that what the patterns
 * below see is tags and escaped text only: a `<` is always the start of a tag, and a `</TextCode>` written
 * inside a CDATA section is text, not the end of the element. Attribute values may hold `>`, and references
 * are decoded once.
 */
import type { Diagnostic } from "@efapiao/model";
import { decodeReferences } from "@efapiao/sta-xml";

export interface ScannedObject {
  id: string;
  /** Present on `TextObject`s: the `TextCode` texts joined in order. */
  text?: string;
}

export interface ScannedContent {
  templates: string[];
  objects: ScannedObject[];
}

/**
 * A start tag: optional prefix, local name, then attributes (quoted values may contain `>`) up to the `>`;
 * a self-closing tag's attributes end with `/`. OFD element names are ASCII; others are not objects.
 */
const START_TAG = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>/g;
const ID_ATTRIBUTE = /\sID\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const TEMPLATE_ID = /\sTemplateID\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const TEXT_CODE_END = /<\/(?:[A-Za-z_][\w.-]*:)?TextCode\s*>/;
const TEXT_OBJECT_END = /<\/(?:[A-Za-z_][\w.-]*:)?TextObject\s*>/g;

/**
 * Scans guarded page content.
 * @returns the templates and objects, or an error for a reference that names no XML character
 * @example
 * scanContent('<Page><Template TemplateID="1"/><Content><Layer ID="2"><TextObject ID="3"><TextCode>¥</TextCode><TextCode>5.00</TextCode></TextObject></Layer></Content></Page>')
 * // { templates: ["1"], objects: [{ id: "2" }, { id: "3", text: "¥5.00" }] }
 */
export function scanContent(
  guarded: string,
): { ok: true; value: ScannedContent } | { ok: false; diagnostic: Diagnostic } {
  const text = markupSectionsSettled(guarded);
  const templates: string[] = [];
  const objects: ScannedObject[] = [];
  START_TAG.lastIndex = 0;
  for (let match = START_TAG.exec(text); match; match = START_TAG.exec(text)) {
    const [, name, attributes = ""] = match;
    const selfClosing = attributes.endsWith("/");
    if (name === "Template") {
      const id = attribute(TEMPLATE_ID, attributes);
      if (id !== undefined) templates.push(id);
      continue;
    }
    const id = attribute(ID_ATTRIBUTE, attributes);
    if (name !== "TextObject") {
      if (id !== undefined) objects.push({ id });
      continue;
    }
    let content = "";
    if (!selfClosing) {
      TEXT_OBJECT_END.lastIndex = START_TAG.lastIndex;
      const end = TEXT_OBJECT_END.exec(text);
      const body = text.slice(START_TAG.lastIndex, end ? end.index : text.length);
      const decoded = textCodes(body);
      if (typeof decoded !== "string") return { ok: false, diagnostic: decoded };
      content = decoded;
      START_TAG.lastIndex = end ? TEXT_OBJECT_END.lastIndex : text.length;
    }
    objects.push({ id: id ?? "", text: content });
  }
  return { ok: true, value: { templates, objects } };
}

function attribute(pattern: RegExp, attributes: string): string | undefined {
  const match = pattern.exec(attributes);
  if (!match) return undefined;
  const value = decode(match[1] ?? match[2] ?? "");
  return typeof value === "string" ? value : undefined;
}

/** The texts of the `TextCode` elements in a text object's body, joined. */
function textCodes(body: string): string | Diagnostic {
  let out = "";
  START_TEXT_CODE.lastIndex = 0;
  for (let match = START_TEXT_CODE.exec(body); match; match = START_TEXT_CODE.exec(body)) {
    if (match[1]?.endsWith("/")) continue; // <TextCode …/>
    const rest = body.slice(START_TEXT_CODE.lastIndex);
    const end = TEXT_CODE_END.exec(rest);
    const decoded = decode(end ? rest.slice(0, end.index) : rest);
    if (typeof decoded !== "string") return decoded;
    out += decoded;
  }
  return out;
}

const START_TEXT_CODE = /<(?:[A-Za-z_][\w.-]*:)?TextCode\b([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>/g;

/** Markup sections whose content is not tags: comments and processing instructions are dropped. */
const SECTIONS = [
  { open: "<!--", close: "-->", keep: false },
  { open: "<?", close: "?>", keep: false },
  { open: "<![CDATA[", close: "]]>", keep: true },
] as const;

/**
 * The text with its comments and processing instructions dropped and each CDATA section replaced by its
 * content escaped, taken in document order, so that a `<!--` inside a CDATA section is text and a
 * `<![CDATA[` inside a comment is comment. guardXml has checked that every section is closed; an unclosed
 * one (which it would have refused) runs to the end of the text rather than looping.
 */
function markupSectionsSettled(text: string): string {
  if (!text.includes("<!") && !text.includes("<?")) return text;
  let out = "";
  let at = 0;
  for (;;) {
    let next: { at: number; section: (typeof SECTIONS)[number] } | undefined;
    for (const section of SECTIONS) {
      const found = text.indexOf(section.open, at);
      if (found !== -1 && (next === undefined || found < next.at)) next = { at: found, section };
    }
    if (next === undefined) return out + text.slice(at);
    const contentStart = next.at + next.section.open.length;
    const close = text.indexOf(next.section.close, contentStart);
    out += text.slice(at, next.at);
    if (next.section.keep) out += escapeText(text.slice(contentStart, close === -1 ? text.length : close));
    if (close === -1) return out;
    at = close + next.section.close.length;
  }
}

/** Characters as escaped text, so that decoding them gives them back. */
function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** References decoded as `readXml` decodes them (@efapiao/sta-xml). */
function decode(text: string): string | Diagnostic {
  if (!text.includes("&")) return text;
  const decoded = decodeReferences(text);
  return decoded.ok ? decoded.value : decoded.diagnostics[0]!;
}
