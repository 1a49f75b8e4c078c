/**
 * The canonical invoice ⇄ Nuonuo's requestBillingNew `order`. Every field Nuonuo has for what the
 * canonical invoice carries is mapped; fields the canonical invoice has no notion of (push mode, e-mail,
 * department, vehicle blocks …) are passed through `extra` as given.
 */
import { error, type Diagnostic, type Invoice, type InvoiceLine, type Result, warning } from "@efapiao/model";
import type { IssueRequest, RedReference, SpecificBusiness } from "@efapiao/provider";
import {
  addMoney,
  assembleInvoice,
  compact,
  lineNames,
  present,
  type ShortNameOf,
  toMoney,
  trimDecimal,
} from "@efapiao/provider-utils";
import Decimal from "decimal.js";
import {
  INVOICE_LINE,
  INVOICE_LINE_KIND,
  INVOICE_TYPE,
  LINE_NATURE,
  LINE_PROPERTY,
  NATURAL_PERSON,
  RED_REASON_FROM_NUONUO,
  RED_REASON_TO_NUONUO,
  SPECIFIC_BLOCKS,
  SPECIFIC_BUSINESS_CODE,
  SPECIFIC_FACTOR,
  zeroRateFlag,
} from "./enums.js";

/** A requestBillingNew order (string values, `invoiceDetail` lines), as sent. */
export type NuonuoOrder = Record<string, unknown> & { invoiceDetail: NuonuoDetail[] };
export type NuonuoDetail = Record<string, string>;

export interface NuonuoOrderOptions {
  /** Send tax-inclusive unit prices (withTaxFlag 1): price = (金额 + 税额) ÷ 数量. Default false. */
  pricesIncludeTax?: boolean;
  /** 数电纸票 (invoiceLine es / ec) instead of the electronic invoice. */
  paper?: boolean;
  /** The order time-of-day (HH:mm:ss, UTC+8) written after the issue date in invoiceDate. Default 00:00:00. */
  orderTime?: string;
  /** Order fields the canonical invoice does not carry, sent as given (pushMode, email, departmentId …). */
  extra?: Record<string, unknown>;
}

/** Nuonuo's unit prices and quantities have at most 8 decimals. */
const NUONUO_DECIMALS = 8;

/**
 * Maps an issue request to Nuonuo's order. A specific business or red reason Nuonuo has no code for is
 * an error diagnostic; a unit price with more than 8 decimals is rounded (half up) with a warning.
 * @example
 * const order = toNuonuoOrder({ requestKey: "SO-1001", invoice });
 * if (order.ok) send({ order: order.value });
 */
export function toNuonuoOrder(request: IssueRequest, options: NuonuoOrderOptions = {}): Result<NuonuoOrder> {
  const { invoice } = request;
  const diagnostics: Diagnostic[] = [];
  const seller = invoice.seller;
  const buyer = invoice.buyer;
  const order: NuonuoOrder = {
    orderNo: request.requestKey,
    invoiceDate: `${invoice.issueDate} ${options.orderTime ?? "00:00:00"}`,
    invoiceType: request.red ? INVOICE_TYPE.red : INVOICE_TYPE.blue,
    invoiceLine: INVOICE_LINE[options.paper ? "paper" : "electronic"][invoice.kind],
    salerTaxNum: seller.taxId,
    salerTel: seller.phone ?? "",
    salerAddress: seller.address ?? "",
    salerAccount: joinBank(seller.bankName, seller.bankAccount),
    buyerName: buyer.name,
    buyerTaxNum: buyer.taxId ?? "",
    buyerTel: buyer.phone ?? "",
    buyerAddress: buyer.address ?? "",
    buyerAccount: joinBank(buyer.bankName, buyer.bankAccount),
    clerk: invoice.drawer ?? "",
    remark: invoice.remarks ?? "",
    invoiceDetail: invoice.lines.map((line, i) =>
      detailOf(line, i, options.pricesIncludeTax === true, diagnostics),
    ),
  };
  if (buyer.naturalPerson) order.naturalPersonFlag = NATURAL_PERSON.yes;
  if (request.red) addRed(order, request.red, diagnostics);
  if (request.specificBusiness) addSpecific(order, request.specificBusiness, diagnostics);
  if (options.extra) Object.assign(order, options.extra);
  if (diagnostics.some((d) => d.severity === "error")) return { ok: false, diagnostics };
  return { ok: true, value: order, diagnostics };
}

/** Nuonuo writes 开户行及账号 as one field: bank name, a space, account. */
function joinBank(bankName: string | undefined, account: string | undefined): string {
  return [bankName, account].filter((part) => part !== undefined && part !== "").join(" ");
}

function detailOf(line: InvoiceLine, i: number, inclusive: boolean, diagnostics: Diagnostic[]): NuonuoDetail {
  const taxIncluded = addMoney(line.amount, line.tax);
  let price = line.unitPrice ?? "";
  if (line.quantity !== undefined && line.unitPrice !== undefined) {
    const exact = inclusive ? new Decimal(taxIncluded).div(line.quantity) : new Decimal(line.unitPrice);
    if (exact.decimalPlaces() > NUONUO_DECIMALS) {
      price = trimDecimal(exact.toFixed(NUONUO_DECIMALS, Decimal.ROUND_HALF_UP));
      diagnostics.push(
        warning("NUONUO_PRICE_ROUNDED", `lines[${i}].unitPrice`, {
          zh: `诺诺的单价最多 8 位小数：${exact.toString()} 按 ${price} 发送`,
          en: `Nuonuo takes unit prices with at most 8 decimals: ${exact.toString()} is sent as ${price}`,
        }),
      );
    } else price = exact.toString();
  }
  return {
    goodsName: line.name,
    goodsCode: line.code,
    specType: line.spec ?? "",
    unit: line.unit ?? "",
    num: line.quantity ?? "",
    price,
    withTaxFlag: inclusive ? "1" : "0",
    taxRate: line.taxRate,
    taxExcludedAmount: line.amount,
    tax: line.tax,
    taxIncludedAmount: taxIncluded,
    invoiceLineProperty: LINE_PROPERTY[line.nature],
    favouredPolicyFlag: line.policy ?? "0",
    zeroRateFlag: zeroRateFlag(line.taxRate, line.policy),
  };
}

function addRed(order: NuonuoOrder, red: RedReference, diagnostics: Diagnostic[]): void {
  order.invoiceCode = "";
  order.invoiceNum = red.originalNumber;
  order.redReason = RED_REASON_TO_NUONUO[red.reason];
  if (red.formNumber !== undefined) order.billInfoNo = red.formNumber;
  if (red.formUuid !== undefined || red.originalLineIndexes !== undefined) {
    diagnostics.push(
      warning("NUONUO_RED_FIELDS_DROPPED", "red", {
        zh: "诺诺的开票请求不带红字确认单 UUID 和对应蓝票明细序号（由确认单携带）",
        en: "Nuonuo's issue request carries no form UUID or blue line indexes (the confirmation form does)",
      }),
    );
  }
}

function addSpecific(order: NuonuoOrder, business: SpecificBusiness, diagnostics: Diagnostic[]): void {
  const factor = SPECIFIC_FACTOR[business.code];
  if (factor === undefined) {
    diagnostics.push(
      error("NUONUO_SPECIFIC_UNSUPPORTED", "specificBusiness.code", {
        zh: `诺诺不支持特定业务 ${business.code}`,
        en: `Nuonuo offers no specific business ${business.code}`,
      }),
    );
    return;
  }
  order.specificFactor = factor;
  if (business.fields) Object.assign(order, business.fields);
}

/** What reading an order back needs that the order does not carry. */
export interface FromNuonuoOptions {
  /** Nuonuo orders carry no seller name (Nuonuo takes it from the company's registration). */
  sellerName?: string;
  /** 简称 of a classification code: Nuonuo's goodsName is the name without `*简称*`. */
  shortNameOf?: ShortNameOf;
}

/**
 * Reads a requestBillingNew order (or the `{ order }` body) back into an issue request: the canonical
 * invoice, its request key, red references and specific business. Totals are recomputed from the lines.
 * @example
 * const back = fromNuonuoOrder(JSON.parse(body).order, { sellerName: "上海示例科技有限公司", shortNameOf });
 */
export function fromNuonuoOrder(
  order: Record<string, unknown>,
  options: FromNuonuoOptions = {},
): Result<IssueRequest> {
  const diagnostics: Diagnostic[] = [];
  const kind = INVOICE_LINE_KIND[String(order.invoiceLine ?? "")];
  if (!kind) {
    diagnostics.push(
      error("NUONUO_INVOICE_LINE", "invoiceLine", {
        zh: `不是数电票的发票种类：${String(order.invoiceLine)}（应为 bs、pc、es 或 ec）`,
        en: `Not a 数电 invoice kind: ${String(order.invoiceLine)} (expected bs, pc, es or ec)`,
      }),
    );
  }
  const details = Array.isArray(order.invoiceDetail)
    ? (order.invoiceDetail as Record<string, unknown>[])
    : [];
  const lines = details.map((detail, i) => lineFrom(detail, i, options.shortNameOf, diagnostics));
  const sellerTaxId = present(order.salerTaxNum) ?? "";
  if (options.sellerName === undefined) {
    diagnostics.push(
      warning("NUONUO_NO_SELLER_NAME", "seller.name", {
        zh: "诺诺的订单不带销方名称：以税号代替",
        en: "Nuonuo orders carry no seller name: the tax id stands in for it",
      }),
    );
  }
  const seller = compact({
    name: options.sellerName ?? sellerTaxId,
    taxId: sellerTaxId,
    address: present(order.salerAddress),
    phone: present(order.salerTel),
    ...splitBank(present(order.salerAccount)),
  });
  const buyer = compact({
    name: present(order.buyerName) ?? "",
    taxId: present(order.buyerTaxNum),
    naturalPerson: order.naturalPersonFlag === NATURAL_PERSON.yes,
    address: present(order.buyerAddress),
    phone: present(order.buyerTel),
    ...splitBank(present(order.buyerAccount)),
  });
  if (!kind || diagnostics.some((d) => d.severity === "error")) return { ok: false, diagnostics };
  const invoice: Invoice = assembleInvoice({
    kind: kind.kind,
    issueDate: String(order.invoiceDate ?? "").slice(0, 10),
    seller,
    buyer,
    lines,
    remarks: present(order.remark),
    drawer: present(order.clerk),
  });
  const request: IssueRequest = { requestKey: String(order.orderNo ?? ""), invoice };
  if (order.invoiceType === INVOICE_TYPE.red) {
    const red: RedReference = {
      originalNumber: present(order.invoiceNum) ?? "",
      reason: RED_REASON_FROM_NUONUO[String(order.redReason ?? "")] ?? "01",
    };
    const form = present(order.billInfoNo);
    if (form !== undefined) red.formNumber = form;
    request.red = red;
  }
  const factor = present(order.specificFactor);
  if (factor !== undefined && factor !== "0") {
    const code = SPECIFIC_BUSINESS_CODE[factor] ?? factor;
    const fields: Record<string, unknown> = {};
    for (const block of SPECIFIC_BLOCKS) if (order[block] !== undefined) fields[block] = order[block];
    request.specificBusiness = Object.keys(fields).length > 0 ? { code, fields } : { code };
  }
  return { ok: true, value: request, diagnostics };
}

/** "中国工商银行 111111111111" → bank name and account (split at the last space). */
function splitBank(text: string | undefined): { bankName?: string; bankAccount?: string } {
  if (text === undefined) return {};
  const at = text.lastIndexOf(" ");
  if (at < 0) return { bankAccount: text };
  return { bankName: text.slice(0, at), bankAccount: text.slice(at + 1) };
}

function lineFrom(
  detail: Record<string, unknown>,
  i: number,
  shortNameOf: ShortNameOf | undefined,
  diagnostics: Diagnostic[],
): InvoiceLine {
  const at = `invoiceDetail[${i}]`;
  const money = (key: string): string => {
    const value = toMoney(String(detail[key] ?? ""));
    if (value === undefined) {
      diagnostics.push(
        error("NUONUO_MONEY", `${at}.${key}`, {
          zh: `${key} 不是两位小数以内的金额：${String(detail[key])}`,
          en: `${key} is not an amount with at most two decimals: ${String(detail[key])}`,
        }),
      );
      return "0.00";
    }
    return value;
  };
  const code = String(detail.goodsCode ?? "");
  const amount = money("taxExcludedAmount");
  const tax = money("tax");
  const taxRate = trimDecimal(String(detail.taxRate ?? "0"));
  const quantity = present(detail.num);
  const price = present(detail.price);
  let unitPrice = price === undefined ? undefined : trimDecimal(price);
  if (unitPrice !== undefined && quantity !== undefined && detail.withTaxFlag === "1") {
    // A tax-inclusive price: the canonical unit price is tax-exclusive, 金额 ÷ 数量 (contracts.md §2).
    unitPrice = trimDecimal(
      new Decimal(amount).div(quantity).toDecimalPlaces(10, Decimal.ROUND_HALF_UP).toFixed(),
    );
  }
  const policy = present(detail.favouredPolicyFlag);
  return compact({
    index: i + 1,
    nature: LINE_NATURE[String(detail.invoiceLineProperty ?? "0")] ?? "normal",
    ...lineNames(String(detail.goodsName ?? ""), code, shortNameOf, `${at}.goodsName`, diagnostics),
    code,
    spec: present(detail.specType),
    unit: present(detail.unit),
    quantity: quantity === undefined ? undefined : trimDecimal(quantity),
    unitPrice,
    amount,
    taxRate,
    tax,
    policy: policy === undefined || policy === "0" ? null : policy,
  });
}
