/**
 * Raw fields out of each place an invoice OFD keeps them: an attached invoice XML, the custom tags that
 * point at page objects, text recognisable on the page itself (the title, the total in capitals), and the
 * DocInfo metadata of `OFD.xml`. Values stay as written; {@link ../build.ts} normalises and merges them.
 */
import { type Diagnostic, error, type Result, type XmlBlock } from "@efapiao/model";
import { info } from "../diagnostics.js";
import { localName } from "@efapiao/sta-xml";
import type { PageObject, PageTexts } from "../package/page-text.js";
import { CONTAINERS, DOC_INFO_FIELDS, FieldNamer, LINE_CONTAINER } from "./names.js";
import type { RawField } from "./source.js";

/**
 * Fields of an attached invoice XML (the e-invoice 2019 layout: root `eInvoice`, `GoodsInfos/GoodsInfo`).
 * @returns the fields, and an info diagnostic naming the elements that are not invoice fields
 */
export function fromAttachment(root: XmlBlock, part: string): { fields: RawField[]; notes: Diagnostic[] } {
  const fields: RawField[] = [];
  const skipped = new Set<string>();
  const namer = new FieldNamer();
  let lines = 0;
  const walk = (node: XmlBlock, path: string, line: number | undefined) => {
    for (const child of node.children ?? []) {
      const name = localName(child.name);
      const here = `${path}/${name}`;
      const key = name.toLowerCase();
      if (child.children) {
        if (key === LINE_CONTAINER) walk(child, `${here}[${lines + 1}]`, lines++);
        else if (CONTAINERS.has(key)) walk(child, here, line);
        else skipped.add(name);
        continue;
      }
      const target = namer.path(name, line);
      if (!target) skipped.add(name);
      else if (child.text !== undefined && child.text.trim() !== "") {
        fields.push({ path: target, text: child.text, source: { from: "attachment", part, element: here } });
      }
    }
  };
  walk(root, `/${localName(root.name)}`, undefined);
  const notes =
    skipped.size === 0
      ? []
      : [
          info("OFD_SKIPPED", part, {
            zh: `${part} 中以下元素不是发票模型的字段，未读取：${[...skipped].join("、")}`,
            en: `${part}: these elements are not fields of the invoice model and were not read: ${[...skipped].join(", ")}`,
          }),
        ];
  return { fields, notes };
}

/**
 * Fields of a custom-tag file: each element holding `ObjectRef`s is a field whose text is that of the
 * objects it refers to, joined in order (a name wrapped over two printed lines is two objects).
 */
export function fromCustomTags(root: XmlBlock, part: string, pages: PageTexts): Result<RawField[]> {
  const fields: RawField[] = [];
  const problems: Diagnostic[] = [];
  const namer = new FieldNamer();
  let lines = 0;
  const walk = (node: XmlBlock, line: number | undefined) => {
    for (const child of node.children ?? []) {
      const name = localName(child.name);
      const refs = (child.children ?? []).filter((c) => localName(c.name) === "ObjectRef");
      if (refs.length === 0) {
        const key = name.toLowerCase();
        if (key === LINE_CONTAINER) walk(child, lines++);
        else walk(child, line);
        continue;
      }
      const target = namer.path(name, line);
      if (!target) continue; // a tag efapiao has no field for (e.g. a seal's position)
      const objects: PageObject[] = [];
      for (const ref of refs) {
        const id = ref.text?.trim() ?? "";
        const page = ref.attributes?.PageRef;
        const found = pages.find(id, page);
        if (!found.ok) {
          problems.push(...found.diagnostics);
          return;
        }
        if (found.value?.text === undefined) {
          problems.push(
            error("OFD_TAG_REF", `${part}#${name}`, {
              zh: `${part} 的标签 <${name}> 指向${page ? `第 ${page} 页的` : ""}对象 ${id}，${found.value ? "它不是文字对象" : "页面上没有这个对象"}`,
              en: `Tag <${name}> in ${part} refers to object ${id}${page ? ` on page ${page}` : ""}, ${found.value ? "which is not a text object" : "which is not on the page"}`,
            }),
          );
          continue;
        }
        objects.push(found.value);
      }
      if (objects.length !== refs.length) continue;
      const text = objects.map((o) => o.text).join("");
      if (text.trim() === "") continue;
      fields.push({
        path: target,
        text,
        source: {
          from: "custom-tag",
          part,
          tag: name,
          objects: objects.map((o) => ({ part: o.part, id: o.id })),
        },
      });
    }
  };
  walk(root, undefined);
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  return { ok: true, value: fields, diagnostics: [] };
}

/** `OFD.xml` DocInfo/CustomData entries that name invoice fields. */
export function fromDocInfo(entries: Map<string, string>): RawField[] {
  const fields: RawField[] = [];
  for (const [name, text] of entries) {
    const path = DOC_INFO_FIELDS[name];
    if (path && text.trim() !== "")
      fields.push({ path, text, source: { from: "doc-info", part: "OFD.xml", name } });
  }
  return fields;
}

/** 价税合计（大写）as printed: capital digits and units, 圆 or 元, optionally （负数）first. */
const CAPITALS =
  /^\s*(?:[（(]负数[)）])?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+[圆元][零壹贰叁肆伍陆柒捌玖角分整正]*\s*$/;
/** The printed title: 电子发票（增值税专用发票）, 电子发票（普通发票）, 重庆增值税电子普通发票 … */
const TITLE = /(专用发票|普通发票)/;

/**
 * What the page shows without a tag: the kind in the title (page or template) and the total in capitals
 * (on the page itself, where the filled-in values are).
 */
export function fromPageText(texts: PageObject[], pageParts: Set<string>): RawField[] {
  const fields: RawField[] = [];
  const title = texts.find((t) => TITLE.test(t.text!) && t.text!.includes("发票") && t.text!.length <= 30);
  if (title) fields.push({ path: "kind", text: title.text!, source: pageSource(title) });
  const words = texts.find((t) => pageParts.has(t.part) && CAPITALS.test(t.text!));
  if (words)
    fields.push({ path: "totals.totalInWords", text: words.text!.trim(), source: pageSource(words) });
  return fields;
}

function pageSource(object: PageObject): RawField["source"] {
  return { from: "page-text", part: object.part, id: object.id === "" ? "(no ID)" : object.id };
}
