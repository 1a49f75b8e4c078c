/**
 * Canonical (or issued) invoice → DocBits fapiao XML: the documented elements in the documented order,
 * root written exactly as DocBits' classification patterns expect it, plus the classification code of
 * each line in efapiao's own namespace (which DocBits, like any namespace-aware reader, can ignore).
 */
import {
  type Diagnostic,
  hasErrors,
  type Invoice,
  type IssuedInvoice,
  InvoiceSchema,
  IssuedInvoiceSchema,
  type Result,
  shiftDecimalPoint,
  type XmlBlock,
  zodIssuesToDiagnostics,
} from "@efapiao/model";
import {
  compact,
  DOCBITS_NAMESPACE,
  droppedFieldWarnings,
  writeXml,
  xmlCharacterErrors,
} from "@efapiao/sta-xml";
import { type DocbitsFapiao, EFAPIAO_EXTENSION_NAMESPACE } from "./document.js";
import { directionShownBy } from "./to-invoice.js";
import { HEAD_FIELDS, PARTY_FIELDS, TAX_CODE, TOTAL_FIELDS, TRAILER_FIELDS, TYPE_NAMES } from "./layout.js";

export interface WriteDocbitsOptions {
  /**
   * `kind` (default) writes 专用发票 / 普通发票, which keeps the kind; `electronic` writes 电子发票, which
   * DocBits routes to its E-Fapiao extraction but which no longer says special or general.
   */
  fapiaoType?: "kind" | "electronic";
  /** Write each line's classification code as `efp:tax_code` (default true). */
  taxCodes?: boolean;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * Maps an invoice onto the DocBits document (an issued invoice also gives the number and the bureau).
 * @example
 * invoiceToDocbits(invoice).items[0] // { seq: "1", name: "*信息技术服务*软件开发", taxRate: "0.06", … }
 */
export function invoiceToDocbits(
  invoice: Invoice | IssuedInvoice,
  options: WriteDocbitsOptions = {},
): DocbitsFapiao {
  const issued = "number" in invoice ? (invoice as IssuedInvoice) : undefined;
  const { seller, buyer, totals } = invoice;
  const type = options.fapiaoType === "electronic" ? TYPE_NAMES.electronic : TYPE_NAMES[invoice.kind];
  return compact({
    type,
    number: issued?.number,
    issueDate: invoice.issueDate,
    seller: {
      name: seller.name,
      taxpayerId: seller.taxId,
      address: seller.address,
      telephone: seller.phone,
      bankName: seller.bankName,
      bankAccount: seller.bankAccount,
    },
    // DocBits documents no bank fields for the buyer.
    buyer: {
      name: buyer.name,
      taxpayerId: buyer.taxId,
      address: buyer.address,
      telephone: buyer.phone,
    },
    items: invoice.lines.map((line) => ({
      seq: String(line.index),
      name: line.itemName,
      spec: line.spec,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      taxRate: line.taxRate,
      taxAmount: line.tax,
      amount: line.amount,
      taxCode: options.taxCodes === false ? undefined : line.code,
    })),
    total: { amount: totals.amount, tax: totals.tax, withTax: totals.total, inWords: totals.totalInWords },
    remarks: invoice.remarks,
    issuer: invoice.drawer,
    taxAuthority: issued?.taxBureau.name,
  });
}

/**
 * Writes the DocBits XML of an invoice.
 * @returns the XML and warnings for what DocBits cannot carry (policy flags, the buyer's bank), or errors
 * @example
 * const written = writeDocbitsXml(invoice);
 * written.ok && classifyDocbits(written.value) // "special"
 */
export function writeDocbitsXml(
  invoice: Invoice | IssuedInvoice,
  options: WriteDocbitsOptions = {},
): Result<string> {
  const schema = "number" in invoice ? IssuedInvoiceSchema : InvoiceSchema;
  const checked = schema.safeParse(invoice);
  if (!checked.success)
    return { ok: false, diagnostics: zodIssuesToDiagnostics(checked.error.issues, "INVOICE") };
  const valid = checked.data as Invoice | IssuedInvoice;
  // Line natures are checked against what the reader will infer, which knows red only by a negative total.
  const asRead = { ...valid, direction: directionShownBy(valid.totals.total) };
  const dropped = droppedFieldWarnings(
    asRead,
    ["policy", "naturalPerson", "buyerBank", "lineNature"],
    "DocBits XML",
  );
  const diagnostics: Diagnostic[] = [...xmlCharacterErrors(valid), ...dropped];
  if (options.fapiaoType === "electronic") diagnostics.push(...kindNotKept());
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, value: writeDocbitsDocument(invoiceToDocbits(valid, options)), diagnostics };
}

/**
 * Serializes a DocBits document (e.g. one read with `readDocbitsXml`) in the layout of the README.
 * @example
 * const read = readDocbitsXml(xml);
 * read.ok && writeDocbitsDocument(read.value) // the same layout, values in canonical form
 */
export function writeDocbitsDocument(doc: DocbitsFapiao): string {
  const fields = doc as unknown as Record<string, unknown>;
  const leaf = (name: string, text: unknown): XmlBlock[] =>
    typeof text === "string" ? [{ name, text }] : [];
  const group = (name: string, children: XmlBlock[]): XmlBlock[] =>
    children.length > 0 ? [{ name, children }] : [];
  const party = (p: DocbitsFapiao["seller"]) =>
    PARTY_FIELDS.flatMap(([element, key]) => leaf(element, (p as Record<string, unknown>)[key]));
  const item = (i: DocbitsFapiao["items"][number]): XmlBlock => ({
    name: "item",
    children: [
      ...leaf("seq", i.seq),
      ...leaf("name", i.name),
      ...leaf("spec", i.spec),
      ...leaf("quantity", i.quantity),
      ...leaf("unit", i.unit),
      ...leaf("unit_price", i.unitPrice),
      // DocBits gives the rate in percent (6, 9, 13).
      ...leaf("tax_rate", shiftDecimalPoint(i.taxRate, 2)),
      ...leaf("tax_amount", i.taxAmount),
      ...leaf("amount", i.amount),
      ...(i.taxCode
        ? [
            {
              name: `efp:${TAX_CODE}`,
              attributes: { "xmlns:efp": EFAPIAO_EXTENSION_NAMESPACE },
              text: i.taxCode,
            },
          ]
        : []),
    ],
  });
  const total = doc.total as Record<string, unknown>;
  const root: XmlBlock = {
    name: "fapiao",
    // Attribute order matters to DocBits' text patterns: `<fapiao xmlns="…" version="1.0">`.
    attributes: { xmlns: DOCBITS_NAMESPACE, version: "1.0" },
    children: [
      ...group(
        "fapiao_head",
        HEAD_FIELDS.flatMap(([element, key]) => leaf(element, fields[key])),
      ),
      ...group("seller", party(doc.seller)),
      ...group("buyer", party(doc.buyer)),
      ...group("items", doc.items.map(item)),
      ...group(
        "total",
        TOTAL_FIELDS.flatMap(([element, key]) => leaf(element, total[key])),
      ),
      ...TRAILER_FIELDS.flatMap(([element, key]) => leaf(element, fields[key])),
    ],
  };
  return writeXml(root, { declaration: DECLARATION });
}

function kindNotKept(): Diagnostic[] {
  return [
    {
      rule: "FIELD_NOT_WRITTEN",
      severity: "warning",
      path: "kind",
      message: "fapiao_type 写为“电子发票”时，文件不再说明专用发票还是普通发票",
      messageEn:
        'With fapiao_type "电子发票" the file no longer says whether the invoice is special or general',
    },
  ];
}
