/**
 * The canonical invoice ⇄ 百望's baiwang.output.invoice.issue request ({ taxNo, data }). Money, rates,
 * quantities and prices are JSON numbers on 百望's side: they are written as exact number literals
 * ({@link jsonNumber}), never through JavaScript numbers.
 */
import { type Diagnostic, error, type Invoice, type InvoiceLine, type Result, warning } from "@efapiao/model";
import type { IssueRequest, RedReference, SpecificBusiness } from "@efapiao/provider";
import {
  addMoney,
  assembleInvoice,
  compact,
  decimalText,
  jsonNumber,
  lineNames,
  present,
  type ShortNameOf,
  toMoney,
  trimDecimal,
} from "@efapiao/provider-utils";
import {
  freeTaxMark,
  INVOICE_TYPE,
  INVOICE_TYPE_CODE,
  KIND_OF_TYPE_CODE,
  LINE_NATURE,
  LINE_NATURE_CODE,
  POLICY_NAME,
  POLICY_OF_NAME,
  PRICE_TAX_MARK,
  RED_REASON_FROM_BAIWANG,
  RED_REASON_TO_BAIWANG,
  SPECIAL_MARK,
  SPECIFIC_OF_MARK,
} from "./enums.js";

/** The issue request body: the seller's tax number and the invoice data. */
export interface BaiwangIssueBody {
  taxNo: string;
  data: Record<string, unknown> & { invoiceDetailsList: Record<string, unknown>[] };
  [extra: string]: unknown;
}

export interface BaiwangInvoiceOptions {
  /** Envelope fields the canonical invoice does not carry (orgCode, taxUserName, invoiceTerminalCode …). */
  envelope?: Record<string, unknown>;
  /** `data` fields the canonical invoice does not carry (buyerEmail, contractNumber …). */
  extra?: Record<string, unknown>;
}

/**
 * Maps an issue request to 百望's issue body. A specific business 百望 has no mark for is an error.
 * @example
 * const body = toBaiwangInvoice({ requestKey: "SO-1001", invoice });
 * if (body.ok) stringifyJson(body.value); // '{"taxNo":"…","data":{…,"invoiceTotalPrice":100000.00,…}}'
 */
export function toBaiwangInvoice(
  request: IssueRequest,
  options: BaiwangInvoiceOptions = {},
): Result<BaiwangIssueBody> {
  const { invoice, red } = request;
  const diagnostics: Diagnostic[] = [];
  const seller = invoice.seller;
  const buyer = invoice.buyer;
  const data: BaiwangIssueBody["data"] = compact({
    invoiceType: red ? INVOICE_TYPE.red : INVOICE_TYPE.blue,
    invoiceTypeCode: INVOICE_TYPE_CODE[invoice.kind],
    priceTaxMark: PRICE_TAX_MARK.exclusive,
    invoiceListMark: "0",
    taxationMethod: "0",
    serialNo: request.requestKey,
    buyerName: buyer.name,
    buyerTaxNo: buyer.taxId,
    buyerAddress: buyer.address,
    buyerPhone: buyer.phone,
    buyerBankName: buyer.bankName,
    buyerBankNumber: buyer.bankAccount,
    sellerAddress: seller.address,
    sellerTelphone: seller.phone,
    sellerBankName: seller.bankName,
    sellerBankNumber: seller.bankAccount,
    drawer: invoice.drawer,
    remarks: invoice.remarks,
    invoiceTotalPrice: jsonNumber(invoice.totals.amount),
    invoiceTotalTax: jsonNumber(invoice.totals.tax),
    invoiceTotalPriceTax: jsonNumber(invoice.totals.total),
    invoiceDetailsList: invoice.lines.map((line, i) => detailOf(line, red?.originalLineIndexes?.[i])),
  });
  if (buyer.naturalPerson) {
    diagnostics.push(
      warning("BAIWANG_NATURAL_PERSON", "buyer.naturalPerson", {
        zh: "百望的开票接口没有自然人标志字段：购买方按名称和证件号开具",
        en: "Baiwang's issue call has no natural-person flag: the buyer goes by name and id number",
      }),
    );
  }
  if (red) addRed(data, red);
  if (request.specificBusiness) addSpecific(data, request.specificBusiness, diagnostics);
  if (options.extra) Object.assign(data, options.extra);
  if (diagnostics.some((d) => d.severity === "error")) return { ok: false, diagnostics };
  return { ok: true, value: { taxNo: seller.taxId, ...options.envelope, data }, diagnostics };
}

function detailOf(line: InvoiceLine, originalIndex: number | undefined): Record<string, unknown> {
  return compact({
    goodsLineNo: line.index,
    originalInvoiceDetailNo: originalIndex === undefined ? undefined : String(originalIndex),
    invoiceLineNature: LINE_NATURE_CODE[line.nature],
    goodsCode: line.code,
    goodsName: line.name,
    goodsSpecification: line.spec,
    goodsUnit: line.unit,
    goodsQuantity: line.quantity === undefined ? undefined : jsonNumber(line.quantity),
    goodsPrice: line.unitPrice === undefined ? undefined : jsonNumber(line.unitPrice),
    goodsTaxRate: jsonNumber(line.taxRate),
    goodsTotalPrice: jsonNumber(line.amount),
    goodsTotalTax: jsonNumber(line.tax),
    preferentialMarkFlag: line.policy ? "1" : "0",
    vatSpecialManagement: line.policy ? POLICY_NAME[line.policy] : undefined,
    freeTaxMark: freeTaxMark(line.taxRate, line.policy) || undefined,
  });
}

function addRed(data: Record<string, unknown>, red: RedReference): void {
  data.originalInvoiceNo = red.originalNumber;
  if (red.formNumber !== undefined) data.redInfoNo = red.formNumber;
  if (red.formUuid !== undefined) data.redConfirmUuid = red.formUuid;
  data.redIssueReason = RED_REASON_TO_BAIWANG[red.reason];
}

function addSpecific(
  data: Record<string, unknown>,
  business: SpecificBusiness,
  diagnostics: Diagnostic[],
): void {
  const mark = SPECIAL_MARK[business.code];
  if (mark === undefined) {
    diagnostics.push(
      error("BAIWANG_SPECIFIC_UNSUPPORTED", "specificBusiness.code", {
        zh: `百望没有特定业务 ${business.code} 的特殊票种标志`,
        en: `Baiwang has no special mark for specific business ${business.code}`,
      }),
    );
    return;
  }
  data.invoiceSpecialMark = mark;
  if (business.fields) Object.assign(data, business.fields);
}

export interface FromBaiwangOptions {
  /** 百望's issue data carries no seller name (it comes from the registration of taxNo). */
  sellerName?: string;
  /** 简称 of a code: the request's goodsName is the name without `*简称*`. */
  shortNameOf?: ShortNameOf;
  /** The invoice date (YYYY-MM-DD): the request carries none (the platform dates it). */
  issueDate?: string;
}

/**
 * Reads a 百望 issue body back into an issue request (canonical invoice, request key, red references,
 * specific business). Totals are recomputed from the lines and checked against the header's.
 * @example
 * fromBaiwangInvoice(JSON.parse(body), { sellerName: "上海示例科技有限公司", issueDate: "2026-05-21", shortNameOf })
 */
export function fromBaiwangInvoice(
  body: Record<string, unknown>,
  options: FromBaiwangOptions = {},
): Result<IssueRequest> {
  const diagnostics: Diagnostic[] = [];
  const data = (body.data ?? {}) as Record<string, unknown>;
  const kind = KIND_OF_TYPE_CODE[String(data.invoiceTypeCode ?? "")];
  if (!kind) {
    diagnostics.push(
      error("BAIWANG_INVOICE_TYPE", "data.invoiceTypeCode", {
        zh: `不是数电票的发票种类：${String(data.invoiceTypeCode)}（应为 01 或 02）`,
        en: `Not a 数电 invoice kind: ${String(data.invoiceTypeCode)} (expected 01 or 02)`,
      }),
    );
  }
  const details = Array.isArray(data.invoiceDetailsList)
    ? (data.invoiceDetailsList as Record<string, unknown>[])
    : [];
  const lines = details.map((detail, i) =>
    lineFrom(detail, i, data.priceTaxMark === "1", options, diagnostics),
  );
  const sellerTaxId = present(body.taxNo) ?? "";
  const invoice: Invoice = assembleInvoice({
    kind: kind ?? "general",
    issueDate: options.issueDate ?? "",
    seller: compact({
      name: options.sellerName ?? sellerTaxId,
      taxId: sellerTaxId,
      address: present(data.sellerAddress),
      phone: present(data.sellerTelphone),
      bankName: present(data.sellerBankName),
      bankAccount: present(data.sellerBankNumber),
    }),
    buyer: compact({
      name: present(data.buyerName) ?? "",
      taxId: present(data.buyerTaxNo),
      naturalPerson: false,
      address: present(data.buyerAddress),
      phone: present(data.buyerPhone),
      bankName: present(data.buyerBankName),
      bankAccount: present(data.buyerBankNumber),
    }),
    lines,
    remarks: present(data.remarks),
    drawer: present(data.drawer),
  });
  checkTotals(data, invoice, diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return { ok: false, diagnostics };
  const request: IssueRequest = { requestKey: present(data.serialNo) ?? "", invoice };
  if (data.invoiceType === INVOICE_TYPE.red) {
    const red: RedReference = compact({
      originalNumber: present(data.originalInvoiceNo) ?? "",
      formNumber: present(data.redInfoNo),
      formUuid: present(data.redConfirmUuid),
      reason: RED_REASON_FROM_BAIWANG[String(data.redIssueReason ?? "")] ?? "01",
    });
    const indexes = details.map((d) => Number(d.originalInvoiceDetailNo));
    if (details.length > 0 && indexes.every((n) => Number.isInteger(n) && n > 0))
      red.originalLineIndexes = indexes;
    request.red = red;
  }
  const mark = present(data.invoiceSpecialMark);
  if (mark !== undefined && mark !== "00") {
    const business: SpecificBusiness = { code: SPECIFIC_OF_MARK[mark] ?? mark };
    if (data.invoiceSpecialinfoList !== undefined)
      business.fields = { invoiceSpecialinfoList: data.invoiceSpecialinfoList };
    request.specificBusiness = business;
  }
  return { ok: true, value: request, diagnostics };
}

function lineFrom(
  detail: Record<string, unknown>,
  i: number,
  inclusive: boolean,
  options: FromBaiwangOptions,
  diagnostics: Diagnostic[],
): InvoiceLine {
  const at = `data.invoiceDetailsList[${i}]`;
  const money = (key: string) => {
    const value = toMoney(decimalText(detail[key]) ?? "");
    if (value !== undefined) return value;
    diagnostics.push(
      error("BAIWANG_MONEY", `${at}.${key}`, {
        zh: `${key} 不是两位小数以内的金额：${String(detail[key])}`,
        en: `${key} is not an amount with at most two decimals: ${String(detail[key])}`,
      }),
    );
    return "0.00";
  };
  const code = String(detail.goodsCode ?? "");
  const quantity = decimalText(detail.goodsQuantity);
  const price = decimalText(detail.goodsPrice);
  if (inclusive && price !== undefined) {
    diagnostics.push(
      warning("BAIWANG_PRICE_INCLUSIVE", `${at}.goodsPrice`, {
        zh: "含税单价已按金额 ÷ 数量换算为不含税单价",
        en: "The tax-inclusive unit price was replaced by amount ÷ quantity (tax-exclusive)",
      }),
    );
  }
  const policyName = present(detail.vatSpecialManagement);
  return compact({
    index: Number(detail.goodsLineNo ?? i + 1),
    nature: LINE_NATURE[String(detail.invoiceLineNature ?? "0")] ?? "normal",
    ...lineNames(String(detail.goodsName ?? ""), code, options.shortNameOf, `${at}.goodsName`, diagnostics),
    code,
    spec: present(detail.goodsSpecification),
    unit: present(detail.goodsUnit),
    quantity: quantity === undefined ? undefined : trimDecimal(quantity),
    unitPrice: price === undefined || inclusive ? undefined : trimDecimal(price),
    amount: money("goodsTotalPrice"),
    taxRate: trimDecimal(decimalText(detail.goodsTaxRate) ?? "0"),
    tax: money("goodsTotalTax"),
    policy: detail.preferentialMarkFlag === "1" && policyName ? (POLICY_OF_NAME[policyName] ?? null) : null,
  });
}

/** The header totals must be the sums of the lines: a difference is reported, not silently replaced. */
function checkTotals(data: Record<string, unknown>, invoice: Invoice, diagnostics: Diagnostic[]): void {
  const pairs: [string, string][] = [
    ["invoiceTotalPrice", invoice.totals.amount],
    ["invoiceTotalTax", invoice.totals.tax],
    ["invoiceTotalPriceTax", addMoney(invoice.totals.amount, invoice.totals.tax)],
  ];
  for (const [key, computed] of pairs) {
    const given = toMoney(decimalText(data[key]) ?? "");
    if (given !== undefined && given !== computed) {
      diagnostics.push(
        error("BAIWANG_TOTALS", `data.${key}`, {
          zh: `${key} 为 ${given}，但明细合计为 ${computed}`,
          en: `${key} is ${given} but the lines add up to ${computed}`,
        }),
      );
    }
  }
}
