/**
 * 用途确认 (勾选) through 百望.
 *
 * Sources: the method names are Baiwang's (https://open.baiwang.com/openplatform-ui/openplatformUi/api?url=InputDeductionApply&method=baiwang.input.deduction.apply
 * and the InputDeductionCancel, InputDeductionApplyorcancelnon, InputInvoiceQueryinvoicepool pages, as
 * listed in wenlingang/baiwang-ruby-sdk `apis.md`): 勾选抵扣申请, 取消勾选抵扣申请, 不抵扣＆取消不抵扣申请,
 * 发票池数据查询. NOT FOUND in any public source: their request and answer fields. efapiao uses the
 * invoice field names Baiwang documents for validate (`invoiceCode`, `invoiceNumber`, `billingDate`,
 * `sellerTaxNo`, `sellerName`, `amountWithoutTax`, `taxAmount`, see verify.ts), the envelope of its other
 * calls (`taxNo` + `data`), the period as `taxPeriod` (YYYYMM), the list under `invoiceList`, and for the
 * use status and per-invoice result the bureau's own codes (乐企 hxyt 1 抵扣 / 6 不抵扣, cljg 01 成功) under
 * `deductionStatus` and `resultCode` / `resultMessage` (USE_STATUS_CODE, useResult). Check them against the first real answer.
 */
import type {
  CallOutcome,
  ReceivedFilter,
  ReceivedInvoice,
  Rejected,
  Unknown,
  UseConfirmationItem,
  UseConfirmationResult,
} from "@efapiao/provider";
import {
  field,
  receivedInvoices,
  USE_STATUS_CODE,
  unexpectedAnswer,
  useResult,
} from "@efapiao/provider-utils";
import { failureOf } from "./answers.js";

export const BAIWANG_USE_METHODS = {
  list: "baiwang.input.invoice.queryinvoicepool",
  deduct: "baiwang.input.deduction.apply",
  cancelDeduct: "baiwang.input.deduction.cancel",
  noDeduct: "baiwang.input.deduction.applyorcancelnon",
} as const;

/** applyorcancelnon's operationType: apply 不抵扣 or cancel it. */
export const NON_DEDUCT_OPERATION = { apply: "1", cancel: "2" } as const;

type Answer = Record<string, unknown>;

const yyyymm = (period: string) => period.replace("-", "");

/**
 * The queryinvoicepool body.
 * @example
 * baiwangListBody("91110108MA01", { period: "2026-05", buyerTaxId: "91110108MA01", useStatus: "unconfirmed" })
 * // { taxNo: "91110108MA01", data: { purchaserTaxNo: "91110108MA01", taxPeriod: "202605", deductionStatus: "0" } }
 */
export function baiwangListBody(taxNo: string, filter: ReceivedFilter): Record<string, unknown> {
  const data: Record<string, string> = {
    purchaserTaxNo: filter.buyerTaxId,
    taxPeriod: yyyymm(filter.period),
  };
  if (filter.useStatus) data.deductionStatus = USE_STATUS_CODE[filter.useStatus];
  return { taxNo, data };
}

/**
 * The method and body for one action on some invoices (all with the same use).
 * @example
 * baiwangUseCall("91110108MA01", "2026-05", "confirm", "deduct", [{ number: "2611…", issueDate: "2026-05-18", tax: "240.00" }])
 * // { method: "baiwang.input.deduction.apply", body: { taxNo: "91110108MA01", data: { taxPeriod: "202605", invoiceList: [{ invoiceNumber: "2611…", billingDate: "2026-05-18", effectiveTaxAmount: "240.00" }] } } }
 */
export function baiwangUseCall(
  taxNo: string,
  period: string,
  action: "confirm" | "cancel",
  use: "deduct" | "no-deduct",
  items: readonly UseConfirmationItem[],
): { method: string; body: Record<string, unknown> } {
  const invoiceList = items.map((item) => ({
    invoiceNumber: item.number,
    billingDate: item.issueDate,
    ...(item.tax !== undefined && { effectiveTaxAmount: item.tax }),
  }));
  const data: Record<string, unknown> = { taxPeriod: yyyymm(period), invoiceList };
  if (use === "no-deduct") {
    data.operationType = action === "confirm" ? NON_DEDUCT_OPERATION.apply : NON_DEDUCT_OPERATION.cancel;
    return { method: BAIWANG_USE_METHODS.noDeduct, body: { taxNo, data } };
  }
  const method = action === "confirm" ? BAIWANG_USE_METHODS.deduct : BAIWANG_USE_METHODS.cancelDeduct;
  return { method, body: { taxNo, data } };
}

/** queryinvoicepool's answer as received invoices. */
export function baiwangListAnswer(answer: Answer): CallOutcome<ReceivedInvoice[]> {
  const rows = responseRows(answer);
  if (!Array.isArray(rows)) return rows;
  return { status: "ok", value: receivedInvoices(rows, LIST_NAMES), raw: answer };
}

/** Where queryinvoicepool's rows keep each field (validate's names; see the module comment). */
const LIST_NAMES = {
  number: "invoiceNumber",
  issueDate: "billingDate",
  sellerTaxId: "sellerTaxNo",
  sellerName: "sellerName",
  amount: "amountWithoutTax",
  tax: "taxAmount",
  useStatus: "deductionStatus",
} as const;

/** apply / cancel / applyorcancelnon's answer: one result per invoice. */
export function baiwangUseAnswer(answer: Answer): CallOutcome<UseConfirmationResult[]> {
  const rows = responseRows(answer);
  if (!Array.isArray(rows)) return rows;
  const value = rows.map((row) =>
    useResult(field(row, "invoiceNumber") ?? "", field(row, "resultCode") ?? "", field(row, "resultMessage")),
  );
  return { status: "ok", value, raw: answer };
}

/** The answer's `response` rows, or the failure it is. */
function responseRows(answer: Answer): Answer[] | Rejected | Unknown {
  if (answer.success === undefined) return unexpectedAnswer("baiwang", "success", answer);
  const failure = failureOf(answer);
  if (failure) return failure;
  return Array.isArray(answer.response) ? (answer.response as Answer[]) : [];
}
