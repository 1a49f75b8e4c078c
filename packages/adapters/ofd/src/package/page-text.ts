/**
 * The text on an OFD page: every object with an `ID` in the page's content, and in the template pages it
 * draws on (`<ofd:Template TemplateID>`), so that a custom tag's `ObjectRef` can be resolved to what is
 * printed. A text object's text is its `TextCode` elements joined in order; glyph positions (DeltaX) do not
 * change the characters and are ignored. Parts are read once, when first needed, by {@link scanContent}.
 */
import type { Diagnostic, Result } from "@efapiao/model";
import { guardXml } from "@efapiao/sta-xml";
import type { ZipArchive } from "../zip/archive.js";
import type { OfdLimits } from "../zip/limits.js";
import type { OfdStructure } from "./document.js";
import { scanContent } from "./content-scan.js";
import { inPart, readPartText } from "./part.js";

/** An object on a page: where it is, and its text when it is a text object. */
export interface PageObject {
  id: string;
  /** The entry it was found in (a page's or a template's content). */
  part: string;
  /** `TextObject` only. */
  text?: string;
}

/** The objects of one part, in document order, and by ID (the first object with an ID wins). */
interface PartObjects {
  list: PageObject[];
  byId: Map<string, PageObject>;
  /** Template IDs this part draws on. */
  templates: string[];
}

export class PageTexts {
  private readonly parts = new Map<string, PartObjects>();

  constructor(
    private readonly zip: ZipArchive,
    private readonly structure: OfdStructure,
    private readonly limits: OfdLimits,
  ) {}

  /**
   * Finds an object by ID on a page (by page ID; every page when `pageId` is undefined), looking in the
   * page's own content first, then its templates.
   */
  find(id: string, pageId: string | undefined): Result<PageObject | undefined> {
    const pages = this.structure.pages.filter((p) => pageId === undefined || p.id === pageId);
    for (const page of pages) {
      const objects = this.objectsOf(page.part);
      if (!objects.ok) return objects;
      const found = objects.value.byId.get(id) ?? this.inTemplates(objects.value, id);
      if (Array.isArray(found)) return { ok: false, diagnostics: found };
      if (found) return { ok: true, value: found, diagnostics: [] };
    }
    return { ok: true, value: undefined, diagnostics: [] };
  }

  /**
   * The text objects of every page, then (unless `templates` is false) of its templates, in document order.
   * Templates hold the printed form (labels, the title): read only when something is looked for there.
   */
  texts(templates = true): Result<PageObject[]> {
    const out: PageObject[] = [];
    for (const page of this.structure.pages) {
      const objects = this.objectsOf(page.part);
      if (!objects.ok) return objects;
      out.push(...objects.value.list);
      for (const template of templates ? objects.value.templates : []) {
        const part = this.structure.templates.get(template);
        if (!part) continue;
        const inner = this.objectsOf(part);
        if (!inner.ok) return inner;
        out.push(...inner.value.list);
      }
    }
    return { ok: true, value: out.filter((o) => o.text !== undefined), diagnostics: [] };
  }

  private inTemplates(objects: PartObjects, id: string): PageObject | Diagnostic[] | undefined {
    for (const template of objects.templates) {
      const part = this.structure.templates.get(template);
      if (!part) continue;
      const inner = this.objectsOf(part);
      if (!inner.ok) return inner.diagnostics;
      const found = inner.value.byId.get(id);
      if (found) return found;
    }
    return undefined;
  }

  private objectsOf(part: string): Result<PartObjects> {
    const known = this.parts.get(part);
    if (known) return { ok: true, value: known, diagnostics: [] };
    const text = readPartText(this.zip, part);
    if (!text.ok) return text;
    const refused = guardXml(text.value, this.limits.xml);
    if (refused) return { ok: false, diagnostics: [inPart(refused, part)] };
    const scanned = scanContent(text.value);
    if (!scanned.ok) return { ok: false, diagnostics: [inPart(scanned.diagnostic, part)] };
    const objects: PartObjects = { list: [], byId: new Map(), templates: scanned.value.templates };
    for (const object of scanned.value.objects) {
      const placed: PageObject = { ...object, part };
      if (placed.text !== undefined) objects.list.push(placed);
      if (object.id !== "" && !objects.byId.has(object.id)) objects.byId.set(object.id, placed);
    }
    this.parts.set(part, objects);
    return { ok: true, value: objects, diagnostics: [] };
  }
}
