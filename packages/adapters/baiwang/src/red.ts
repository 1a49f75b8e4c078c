/**
 * 百望's red-letter form calls (红字确认单): the bodies of baiwang.output.redinvoice.add, .formlist and
 * .operate, shaped as the published samples (samples/providers/baiwang-redinvoice-*.request.json).
 */
import type { FormInitiator, RedFormApplication, RedFormFilter, RedFormRef } from "@efapiao/provider";
import { jsonNumber } from "@efapiao/provider-utils";
import { BUY_SEL_SELECTOR, CONFIRM_TYPE, ENTRY_IDENTITY, INVOICE_TYPE_CODE } from "./enums.js";

export const BAIWANG_RED_METHODS = {
  add: "baiwang.output.redinvoice.add",
  list: "baiwang.output.redinvoice.formlist",
  operate: "baiwang.output.redinvoice.operate",
} as const;

/** Fields the add call carries that a form application has no notion of: sent empty, as in the sample. */
const EMPTY_ADD_FIELDS = [
  "originalPaperInvoiceCode",
  "originalPaperInvoiceNo",
  "orgCode",
  "accessPlatformNo",
  "taxUserName",
  "drawer",
  "drawerCredentialsType",
  "drawerCredentialsNo",
  "buyerEmail",
  "buyerPhone",
  "originInvoiceSetCode",
] as const;

/**
 * The add body for a form application. `originalIssueDate` is sent as given (百望 wants the blue invoice's
 * date-time, "2026-05-21 15:26:32").
 * @example
 * redFormAddBody("DB20240220YHCS1009", application) // { taxNo, redConfirmSerialNo, entryIdentity: "01", … }
 */
export function redFormAddBody(taxNo: string, application: RedFormApplication): Record<string, unknown> {
  const body: Record<string, unknown> = {
    taxNo,
    redConfirmSerialNo: application.requestKey,
    entryIdentity: ENTRY_IDENTITY[application.initiator],
    sellerTaxNo: application.seller.taxId,
    sellerTaxName: application.seller.name,
    buyerTaxName: application.buyer.name,
    buyerTaxNo: application.buyer.taxId ?? "",
    originInvoiceIsPaper: "N",
    originalInvoiceNo: application.originalNumber,
    originInvoiceDate: application.originalIssueDate,
    originInvoiceTotalPrice: jsonNumber(application.originalAmount),
    originInvoiceTotalTax: jsonNumber(application.originalTax),
    originInvoiceType: INVOICE_TYPE_CODE[application.originalKind],
    invoiceTotalPrice: jsonNumber(application.amount),
    invoiceTotalTax: jsonNumber(application.tax),
    redInvoiceLabel: application.reason,
    invoiceSource: "2",
    priceTaxMark: "0",
    autoIssueSwitch: "Y",
    deliverFlag: "0",
    redInvoiceIsPaper: "N",
    redConfirmDetailReqEntityList: application.lines.map((line, i) => {
      const names = /^\*([^*]+)\*(.+)$/s.exec(line.itemName);
      const detail: Record<string, unknown> = {
        originalInvoiceDetailNo: line.originalIndex,
        goodsLineNo: i + 1,
        goodsCode: line.code,
        goodsName: line.itemName,
        goodsSimpleName: names?.[1] ?? "",
        projectName: names?.[2] ?? line.itemName,
        goodsTaxRate: jsonNumber(line.taxRate),
        goodsTotalPrice: jsonNumber(line.amount),
        goodsTotalTax: jsonNumber(line.tax),
      };
      if (line.quantity !== undefined) detail.goodsQuantity = line.quantity;
      if (line.unitPrice !== undefined) detail.goodsPrice = line.unitPrice;
      if (line.unit !== undefined) detail.goodsUnit = line.unit;
      if (line.spec !== undefined) detail.goodsSpecification = line.spec;
      return detail;
    }),
  };
  for (const name of EMPTY_ADD_FIELDS) body[name] = "";
  body.ext = {};
  return body;
}

/**
 * The formlist body: forms raised from `filter.from` to `filter.to` (YYYY-MM-DD), by this side.
 * @example
 * redFormListBody("DB20240220YHCS1009", { from: "2026-05-21", to: "2026-05-22" }, "seller")
 */
export function redFormListBody(
  taxNo: string,
  filter: RedFormFilter,
  side: FormInitiator,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    taxNo,
    sellerTaxNo: taxNo,
    buySelSelector: BUY_SEL_SELECTOR[side],
    entryIdentity: ENTRY_IDENTITY[filter.initiator ?? side],
    pageNo: 1,
    pageSize: 50,
    queryAll: true,
    invoiceStartDate: filter.from,
    invoiceEndDate: filter.to,
  };
  if (filter.originalNumber) body.originalInvoiceNo = filter.originalNumber;
  if (filter.state) body.confirmState = filter.state;
  return body;
}

/**
 * The operate body: confirm, refuse or cancel a form.
 * @example
 * redFormOperateBody("DB20240220YHCS1009", { uuid: "uuid-from-add-response", number: "confirm-number" }, "cancel")
 */
export function redFormOperateBody(
  taxNo: string,
  form: RedFormRef,
  action: keyof typeof CONFIRM_TYPE,
  confirmTypes: Readonly<Record<keyof typeof CONFIRM_TYPE, string>> = CONFIRM_TYPE,
): Record<string, unknown> {
  return {
    taxNo,
    sellerTaxNo: taxNo,
    redConfirmUuid: form.uuid,
    redConfirmNo: form.number ?? "",
    confirmType: confirmTypes[action],
    taxUserName: "",
  };
}
