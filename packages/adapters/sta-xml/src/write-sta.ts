/**
 * {@link IssuedInvoice} → platform EInvoice XML, with the element names and order of the platform's own
 * files ({@link LAYOUT}). Reading the output with `parseStaXml` gives back the same invoice; what the XML
 * has no element for (policy flags, a line nature the layout cannot show) comes back as warnings.
 */
import {
  type Diagnostic,
  hasErrors,
  type IssuedInvoice,
  type InvoiceLine,
  KIND_CODES,
  parseIssuedInvoice,
  type Result,
  type XmlBlock,
} from "@efapiao/model";
import { Decimal } from "@efapiao/calc";
import {
  type Container,
  DEFAULT_EINVOICE_TYPE,
  DIRECTION_CODES,
  IN_ISSU_TYPE_NAME,
  KIND_NAMES,
  LAYOUT,
  PARTY_FIELDS,
} from "./layout.js";
import { droppedFieldWarnings, xmlCharacterErrors } from "./losses.js";
import { PLATFORM_DECLARATION, writeXml } from "./xml/write.js";

export interface WriteStaXmlOptions {
  /**
   * `keep` (default) writes the TaxBureauSignature block the invoice carries, so that reading then writing
   * a file keeps it; `omit` leaves it out. Either way the signature will not verify over rewritten XML:
   * efapiao neither checks nor makes SM2 signatures.
   */
  signature?: "keep" | "omit";
  /** XML declaration; default as the platform writes it. */
  declaration?: string | false;
}

/**
 * Writes the platform XML of an issued invoice.
 * @returns the XML text and warnings for what it cannot carry, or errors when the invoice is not a valid
 *          IssuedInvoice or holds characters XML cannot represent
 * @example
 * const written = writeStaXml(issued);
 * if (written.ok) writeFileSync("invoice.xml", written.value);
 */
export function writeStaXml(invoice: IssuedInvoice, options: WriteStaXmlOptions = {}): Result<string> {
  const checked = parseIssuedInvoice(invoice);
  if (!checked.ok) return checked;
  const issued = checked.value;
  const diagnostics: Diagnostic[] = [
    ...xmlCharacterErrors(issued),
    ...droppedFieldWarnings(issued, ["policy", "naturalPerson", "lineNature"], "EInvoice XML"),
  ];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  const xml = writeXml(eInvoice(issued, options.signature ?? "keep"), {
    declaration: options.declaration ?? PLATFORM_DECLARATION,
  });
  return { ok: true, value: xml, diagnostics };
}

type Child = XmlBlock | XmlBlock[] | undefined;

/** An element whose children are placed in the platform's order, whatever order they are given in. */
function container(name: Container, children: Partial<Record<string, Child>>): XmlBlock {
  const ordered = LAYOUT[name].flatMap((child) => children[child] ?? []);
  return ordered.length > 0 ? { name, children: ordered } : { name };
}

/** A leaf, or nothing when the value is absent (optional elements are left out, as on the platform). */
function leaf(name: string, text: string | undefined): XmlBlock | undefined {
  if (text === undefined) return undefined;
  return text === "" ? { name } : { name, text };
}

function label(name: string, code: string, labelName: string): XmlBlock {
  return { name, children: [leaf("LabelCode", code)!, leaf("LabelName", labelName)!] };
}

function eInvoice(invoice: IssuedInvoice, signature: "keep" | "omit"): XmlBlock {
  return container("EInvoice", {
    Header: header(invoice),
    EInvoiceData: data(invoice),
    SellerAuthentication: invoice.sellerAuthentication,
    TaxSupervisionInfo: container("TaxSupervisionInfo", {
      InvoiceNumber: leaf("InvoiceNumber", invoice.number),
      IssueTime: leaf("IssueTime", invoice.issuedAt),
      TaxBureauCode: leaf("TaxBureauCode", invoice.taxBureau.code),
      TaxBureauName: leaf("TaxBureauName", invoice.taxBureau.name),
    }),
    TaxBureauSignature: signature === "keep" ? invoice.signature : undefined,
  });
}

function header(invoice: IssuedInvoice): XmlBlock {
  const eInvoiceType = invoice.eInvoiceType ?? DEFAULT_EINVOICE_TYPE;
  return container("Header", {
    EIid: leaf("EIid", invoice.number),
    EInvoiceTag: leaf("EInvoiceTag", invoice.tag ?? derivedTag(invoice.number)),
    Version: leaf("Version", invoice.version),
    InherentLabel: container("InherentLabel", {
      InIssuType: label("InIssuType", DIRECTION_CODES[invoice.direction], IN_ISSU_TYPE_NAME),
      EInvoiceType: label("EInvoiceType", eInvoiceType.code, eInvoiceType.name),
      GeneralOrSpecialVAT: label("GeneralOrSpecialVAT", KIND_CODES[invoice.kind], KIND_NAMES[invoice.kind]),
      TaxpayerType:
        invoice.taxpayerType && label("TaxpayerType", invoice.taxpayerType.code, invoice.taxpayerType.name),
    }),
    UndefinedLabel: container("UndefinedLabel", {
      Label: invoice.labels.map((l) =>
        container("Label", {
          LabelType: leaf("LabelType", l.type),
          LabelCode: leaf("LabelCode", l.code),
          LabelName: leaf("LabelName", l.name),
        }),
      ),
    }),
  });
}

/** EInvoiceTag is SWEI followed by the province code, which digits 3–4 of the number carry (SWEI4400). */
function derivedTag(number: string): string {
  return `SWEI${number.slice(2, 4)}00`;
}

function data(invoice: IssuedInvoice): XmlBlock {
  const { totals } = invoice;
  return container("EInvoiceData", {
    SellerInformation: party("SellerInformation", PARTY_FIELDS.seller, invoice.seller),
    BuyerInformation: party("BuyerInformation", PARTY_FIELDS.buyer, invoice.buyer),
    BasicInformation: container("BasicInformation", {
      TotalAmWithoutTax: leaf("TotalAmWithoutTax", totals.amount),
      TotalTaxAm: leaf("TotalTaxAm", totals.tax),
      "TotalTax-includedAmount": leaf("TotalTax-includedAmount", totals.total),
      "TotalTax-includedAmountInChinese": leaf("TotalTax-includedAmountInChinese", totals.totalInWords),
      Drawer: leaf("Drawer", invoice.drawer),
      RequestTime: leaf("RequestTime", invoice.requestTime),
    }),
    IssuItemInformation: invoice.lines.map(line),
    SpecificInformation: specificInformation(invoice),
    AdditionalInformation: container("AdditionalInformation", { Remark: leaf("Remark", invoice.remarks) }),
  });
}

function party(
  name: "SellerInformation" | "BuyerInformation",
  fields: readonly (readonly [string, string])[],
  values: Record<string, unknown>,
): XmlBlock {
  const children: Record<string, Child> = {};
  for (const [element, key] of fields) children[element] = leaf(element, values[key] as string | undefined);
  return container(name, children);
}

function line(item: InvoiceLine): XmlBlock {
  return container("IssuItemInformation", {
    ItemName: leaf("ItemName", item.itemName),
    SpecMod: leaf("SpecMod", item.spec),
    MeaUnits: leaf("MeaUnits", item.unit),
    Quantity: leaf("Quantity", item.quantity),
    UnPrice: leaf("UnPrice", item.unitPrice),
    Amount: leaf("Amount", item.amount),
    TaxRate: leaf("TaxRate", item.taxRate),
    ComTaxAm: leaf("ComTaxAm", item.tax),
    // 价税合计 of the line: not held by the model, since it is always 金额 + 税额.
    TotaltaxIncludedAmount: leaf(
      "TotaltaxIncludedAmount",
      new Decimal(item.amount).plus(item.tax).toFixed(2),
    ),
    TaxClassificationCode: leaf("TaxClassificationCode", item.code),
  });
}

function specificInformation(invoice: IssuedInvoice): XmlBlock {
  const red: XmlBlock | undefined =
    invoice.red &&
    container("RedEInvoice", {
      OriginalInvoiceCode: leaf("OriginalInvoiceCode", invoice.red.originalNumber),
      CreditNoteNumber: leaf("CreditNoteNumber", invoice.red.confirmationFormNumber),
    });
  const children = [...(red ? [red] : []), ...(invoice.specificBusiness ?? [])];
  return children.length > 0 ? { name: "SpecificInformation", children } : { name: "SpecificInformation" };
}
