/**
 * A fast reading of page content (a page's or a template's `Content.xml`): the template IDs it draws on,
 * every object with an `ID`, and the text of each `TextObject`. Page content is most of an OFD's XML (the
 * sample's page and template are 15 of its 20 KB), and building a whole element tree of it only to read
 * the text objects cost most of the reading time; this scan does the one job in one pass of regular
 * expressions instead.
 *
 * It runs only on text that {@link guardXml} has passed — well-formed (tags balance, one root), no DTD,
 * bounded size and depth — so the patterns below never meet a dangling tag; comments and CDATA are
 * handled as XML defines them, attribute values may hold `>`, and references are decoded once.
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
const START_TAG = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']+|"[^"]*"|'[^']*')*)>/g;
const COMMENT = /<!--[\s\S]*?-->/g;
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
  const text = guarded.includes("<!--") ? guarded.replace(COMMENT, "") : guarded;
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

/** The texts of the `TextCode` elements in a text object's body (CDATA kept literally), joined. */
function textCodes(body: string): string | Diagnostic {
  let out = "";
  START_TEXT_CODE.lastIndex = 0;
  for (let match = START_TEXT_CODE.exec(body); match; match = START_TEXT_CODE.exec(body)) {
    if (match[1]?.endsWith("/")) continue; // <TextCode …/>
    const rest = body.slice(START_TEXT_CODE.lastIndex);
    const end = TEXT_CODE_END.exec(rest);
    const inner = end ? rest.slice(0, end.index) : rest;
    const decoded = withCdata(inner);
    if (typeof decoded !== "string") return decoded;
    out += decoded;
  }
  return out;
}

const START_TEXT_CODE = /<(?:[A-Za-z_][\w.-]*:)?TextCode\b((?:[^>"']+|"[^"]*"|'[^']*')*)>/g;

/** Text with CDATA sections: their content literal, the rest decoded. */
function withCdata(text: string): string | Diagnostic {
  if (!text.includes("<![CDATA[")) return decode(text);
  let out = "";
  let at = 0;
  for (let open = text.indexOf("<![CDATA[", at); open !== -1; open = text.indexOf("<![CDATA[", at)) {
    const decoded = decode(text.slice(at, open));
    if (typeof decoded !== "string") return decoded;
    const close = text.indexOf("]]>", open);
    out += decoded + text.slice(open + 9, close);
    at = close + 3;
  }
  const tail = decode(text.slice(at));
  return typeof tail === "string" ? out + tail : tail;
}

/** References decoded as `readXml` decodes them (@efapiao/sta-xml). */
function decode(text: string): string | Diagnostic {
  if (!text.includes("&")) return text;
  const decoded = decodeReferences(text);
  return decoded.ok ? decoded.value : decoded.diagnostics[0]!;
}
