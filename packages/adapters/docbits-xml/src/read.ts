/**
 * DocBits fapiao XML → {@link DocbitsFapiao}, through the hardened XML reader of @efapiao/sta-xml (size
 * and depth limits, no DTDs). Fields are looked for where either DocBits page puts them.
 */
import { hasErrors, type Result, zodIssuesToDiagnostics } from "@efapiao/model";
import {
  compact,
  DOCBITS_NAMESPACE,
  FieldReader,
  readXml,
  XmlCursor,
  type XmlLimits,
} from "@efapiao/sta-xml";
import { type DocbitsFapiao, DocbitsFapiaoSchema } from "./document.js";
import { HEAD_FIELDS, PARTY_FIELDS, TAX_CODE, TOTAL_FIELDS, TRAILER_FIELDS } from "./layout.js";

/**
 * Reads a DocBits fapiao XML.
 * @example
 * const read = readDocbitsXml(xml);
 * read.ok && read.value.total // { amount: "15841.58", tax: "158.42", withTax: "16000.00", inWords: "壹万陆仟圆整" }
 */
export function readDocbitsXml(text: string, options: { limits?: XmlLimits } = {}): Result<DocbitsFapiao> {
  const xml = readXml(text, options.limits);
  if (!xml.ok) return xml;
  const root = new XmlCursor(xml.value);
  const r = new FieldReader("DOCBITS");
  if (root.name !== "fapiao" || !declaresNamespace(xml.value.attributes)) {
    r.fail("ROOT", root.path, {
      zh: `根元素应为命名空间 ${DOCBITS_NAMESPACE} 中的 <fapiao>，这里是 <${xml.value.name}>`,
      en: `The root element should be <fapiao> in namespace ${DOCBITS_NAMESPACE}, not <${xml.value.name}>`,
    });
    return { ok: false, diagnostics: r.diagnostics };
  }

  const head = root.child("fapiao_head");
  const total = root.child("total");
  const fields: Record<string, unknown> = {};
  for (const [element, key] of HEAD_FIELDS) fields[key] = r.token(holder(element, head, root), element);
  const party = (role: "seller" | "buyer") => {
    const section = r.need(root, role);
    const out: Record<string, string | undefined> = {};
    for (const [element, key] of PARTY_FIELDS) out[key] = r.text(section, element, key === "name");
    return out;
  };
  const doc = {
    ...fields,
    seller: party("seller"),
    buyer: party("buyer"),
    items: readItems(r, root),
    total: Object.fromEntries(
      TOTAL_FIELDS.map(([element, key]) => {
        const parent = holder(element, total, root);
        return [key, key === "inWords" ? r.token(parent, element) : r.money(parent, element, true)];
      }),
    ),
    ...Object.fromEntries(TRAILER_FIELDS.map(([element, key]) => [key, r.text(root, element)])),
  };
  if (hasErrors(r.diagnostics)) return { ok: false, diagnostics: r.diagnostics };
  // The last word on the document's shape (lengths, code format), with the document's JSON paths.
  const checked = DocbitsFapiaoSchema.safeParse(compact(doc));
  if (checked.success) return { ok: true, value: checked.data, diagnostics: r.diagnostics };
  return {
    ok: false,
    diagnostics: [...r.diagnostics, ...zodIssuesToDiagnostics(checked.error.issues, "DOCBITS")],
  };
}

function readItems(r: FieldReader, root: XmlCursor) {
  const items = r.need(root, "items")?.children("item") ?? [];
  if (items.length === 0 && root.child("items")) {
    r.fail("MISSING", `${root.path}/items/item`, {
      zh: "没有明细行 <item>",
      en: "There are no lines <item>",
    });
  }
  return items.map((item) => {
    const code = r.classificationCode(item, TAX_CODE);
    return {
      seq: r.token(item, "seq"),
      name: r.text(item, "name", true),
      spec: r.text(item, "spec"),
      quantity: r.decimal(item, "quantity"),
      unit: r.text(item, "unit"),
      unitPrice: r.decimal(item, "unit_price"),
      taxRate: r.percentRate(item, "tax_rate", true),
      taxAmount: r.money(item, "tax_amount", true),
      amount: r.money(item, "amount", true),
      taxCode: code,
    };
  });
}

/** The element that holds `name`: the preferred parent if it has it, else the root (German layout). */
function holder(name: string, preferred: XmlCursor | undefined, root: XmlCursor): XmlCursor {
  if (preferred?.child(name)) return preferred;
  return root.child(name) ? root : (preferred ?? root);
}

function declaresNamespace(attributes: Record<string, string> | undefined): boolean {
  return Object.entries(attributes ?? {}).some(
    ([name, value]) => (name === "xmlns" || name.startsWith("xmlns:")) && value === DOCBITS_NAMESPACE,
  );
}
