/**
 * The structure of an OFD package (GB/T 33190 §7): `OFD.xml` names the document (`DocBody/DocRoot`);
 * the document lists its pages and templates (`Pages/Page`, `CommonData/TemplatePage`) and may point at
 * attachments (`Attachments`) and custom tags (`CustomTags`). Only the first document of the package is
 * read: invoice OFDs have one.
 */
import { type Diagnostic, error, type Result } from "@efapiao/model";
import type { XmlCursor } from "@efapiao/sta-xml";
import type { ZipArchive } from "../zip/archive.js";
import type { OfdLimits } from "../zip/limits.js";
import { resolveLoc } from "./loc.js";
import { readPart } from "./part.js";

/** A page or template: its ID and the entry holding its content. */
export interface PagePart {
  id: string;
  part: string;
}

export interface OfdStructure {
  /** The document's entry, e.g. `Doc_0/Document.xml`. */
  document: string;
  /** `DocInfo/CustomDatas/CustomData` by name (发票号码, 合计金额 … on invoice OFDs). */
  info: Map<string, string>;
  pages: PagePart[];
  /** Template pages by ID. */
  templates: Map<string, string>;
  /** Attached files: name (`original_invoice`), declared format, entry. */
  attachments: { name: string; format: string; part: string }[];
  /** Custom tag files: type (`root`, `fp`) and entry. */
  customTags: { type: string; part: string }[];
}

const OFD_ENTRY = "OFD.xml";

/**
 * Reads `OFD.xml`, the document it names, and the attachment and tag lists.
 * @example
 * readStructure(zip, OFD_LIMITS) // { ok: true, value: { document: "Doc_0/Document.xml", pages: [{ id: "61", part: "Doc_0/Pages/Page_0/Content.xml" }], … } }
 */
export function readStructure(zip: ZipArchive, limits: OfdLimits): Result<OfdStructure> {
  if (!zip.has(OFD_ENTRY)) {
    return refuse("OFD_NOT_OFD", "", {
      zh: "不是 OFD 文件：压缩包中没有入口文件 OFD.xml",
      en: "Not an OFD file: the archive has no entry file OFD.xml",
    });
  }
  const ofd = readPart(zip, OFD_ENTRY, limits.xml);
  if (!ofd.ok) return ofd;
  if (ofd.value.name !== "OFD") {
    return refuse("OFD_NOT_OFD", OFD_ENTRY, {
      zh: `不是 OFD 文件：OFD.xml 的根元素应为 <ofd:OFD>，这里是 <${ofd.value.name}>`,
      en: `Not an OFD file: the root of OFD.xml should be <ofd:OFD>, not <${ofd.value.name}>`,
    });
  }
  const body = ofd.value.child("DocBody");
  const docRoot = body?.child("DocRoot")?.text;
  if (!body || !docRoot) {
    return refuse("OFD_NOT_OFD", `${OFD_ENTRY}#/OFD/DocBody/DocRoot`, {
      zh: "OFD.xml 没有指明文档（缺少 DocBody/DocRoot）",
      en: "OFD.xml names no document (DocBody/DocRoot is missing)",
    });
  }
  const info = new Map<string, string>();
  for (const data of body.child("DocInfo")?.child("CustomDatas")?.children("CustomData") ?? []) {
    const name = data.block.attributes?.Name;
    if (name && data.text !== undefined) info.set(name, data.text);
  }

  const problems: Diagnostic[] = [];
  const locate = (from: string, loc: string | undefined): string | undefined => {
    if (loc === undefined) return undefined;
    const resolved = resolveLoc(from, loc);
    if (resolved.ok) return resolved.name;
    problems.push(resolved.diagnostic);
    return undefined;
  };
  const document = locate(OFD_ENTRY, docRoot);
  if (!document) return { ok: false, diagnostics: problems };
  const doc = readPart(zip, document, limits.xml);
  if (!doc.ok) return doc;

  const byId = (items: XmlCursor[]): PagePart[] =>
    items.flatMap((item) => {
      const part = locate(document, item.block.attributes?.BaseLoc);
      return part ? [{ id: item.block.attributes?.ID ?? "", part }] : [];
    });
  const pages = byId(doc.value.child("Pages")?.children("Page") ?? []);
  const templates = new Map(
    byId(doc.value.child("CommonData")?.children("TemplatePage") ?? []).map((t) => [t.id, t.part]),
  );

  const attachments: OfdStructure["attachments"] = [];
  const attachList = locate(document, doc.value.child("Attachments")?.text);
  if (attachList) {
    const list = readPart(zip, attachList, limits.xml);
    if (!list.ok) return list;
    for (const item of list.value.children("Attachment")) {
      const part = locate(attachList, item.child("FileLoc")?.text);
      const attributes = item.block.attributes ?? {};
      if (part) attachments.push({ name: attributes.Name ?? "", format: attributes.Format ?? "", part });
    }
  }

  const customTags: OfdStructure["customTags"] = [];
  const tagList = locate(document, doc.value.child("CustomTags")?.text);
  if (tagList) {
    const list = readPart(zip, tagList, limits.xml);
    if (!list.ok) return list;
    for (const item of list.value.children("CustomTag")) {
      const part = locate(tagList, item.child("FileLoc")?.text);
      if (part) customTags.push({ type: item.block.attributes?.TypeID ?? "", part });
    }
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return { ok: true, value: { document, info, pages, templates, attachments, customTags }, diagnostics: [] };
}

function refuse(rule: string, path: string, message: { zh: string; en: string }): Result<never> {
  return { ok: false, diagnostics: [error(rule, path, message)] };
}
