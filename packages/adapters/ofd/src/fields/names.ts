/**
 * The invoice element names of the e-invoice XML (namespace http://www.edrm.org.cn/schema/e-invoice/2019,
 * and its 2016 predecessor) — used alike by attached invoice XML and by the custom tags of 数电 OFDs — and
 * the 发票 metadata names of `OFD.xml`, mapped to paths of the received invoice. Names are matched without
 * regard to case (`BuyerTaxID`, `BuyerTaxId`).
 */

const HEADER: Record<string, string> = {
  InvoiceCode: "invoiceCode",
  InvoiceNo: "number",
  IssueDate: "issueDate",
  InvoiceCheckCode: "checkCode",
  MachineNo: "machineNumber",
  BuyerName: "buyer.name",
  BuyerTaxID: "buyer.taxId",
  BuyerAddrTel: "buyer.addressAndPhone",
  BuyerFinancialAccount: "buyer.bankAndAccount",
  SellerName: "seller.name",
  SellerTaxID: "seller.taxId",
  SellerAddrTel: "seller.addressAndPhone",
  SellerFinancialAccount: "seller.bankAndAccount",
  TaxExclusiveTotalAmount: "totals.amount",
  TaxTotalAmount: "totals.tax",
  TaxInclusiveTotalAmount: "totals.total",
  Note: "remarks",
  InvoiceClerk: "drawer",
  Payee: "payee",
  Checker: "reviewer",
  GraphCode: "kind",
};

/** Fields of one invoice line (`GoodsInfo`), by the line's field name. */
const LINE: Record<string, string> = {
  Item: "itemName",
  Specification: "spec",
  MeasurementDimension: "unit",
  Price: "unitPrice",
  Quantity: "quantity",
  Amount: "amount",
  TaxScheme: "taxRate",
  TaxAmount: "tax",
};

/** `OFD.xml` DocInfo/CustomData names on invoice OFDs. */
export const DOC_INFO_FIELDS: Record<string, string> = {
  发票号码: "number",
  发票代码: "invoiceCode",
  开票日期: "issueDate",
  校验码: "checkCode",
  合计金额: "totals.amount",
  合计税额: "totals.tax",
  价税合计: "totals.total",
  购买方名称: "buyer.name",
  购买方纳税人识别号: "buyer.taxId",
  销售方名称: "seller.name",
  销售方纳税人识别号: "seller.taxId",
};

const lower = (table: Record<string, string>) =>
  new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase(), v]));
const HEADER_BY_NAME = lower(HEADER);
const LINE_BY_NAME = lower(LINE);

/** Containers whose children are read as fields of their own (parties, the list of lines). */
export const CONTAINERS = new Set(["buyer", "seller", "goodsinfos"]);
/** The container of one line. */
export const LINE_CONTAINER = "goodsinfo";

/**
 * Numbers the lines of a document whose line fields are not grouped per line (the custom tags of 数电
 * OFDs list `Item`, `Amount`, … once per line, in line order): the n-th `Amount` is line n's.
 */
export class FieldNamer {
  private readonly seen = new Map<string, number>();

  /**
   * The path of an element, or undefined when it is not an invoice field.
   * @example
   * namer.path("BuyerTaxID")  // "buyer.taxId"
   * namer.path("Amount")      // "lines[0].amount", then "lines[1].amount" …
   * namer.path("Amount", 4)   // "lines[4].amount" (inside the 5th GoodsInfo)
   */
  path(name: string, line?: number): string | undefined {
    const key = name.toLowerCase();
    const header = HEADER_BY_NAME.get(key);
    if (header) return header;
    const field = LINE_BY_NAME.get(key);
    if (!field) return undefined;
    const index = line ?? this.seen.get(key) ?? 0;
    if (line === undefined) this.seen.set(key, index + 1);
    return `lines[${index}].${field}`;
  }
}
