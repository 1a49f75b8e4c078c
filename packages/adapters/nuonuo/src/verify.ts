/**
 * 查验 through Nuonuo: `nuonuo.electronInvoice.invoiceInspection` (发票查验对外接口), signed and sent like
 * every other Nuonuo call.
 *
 * Sources: the method name is from Nuonuo's service list ("发票查验对外接口:nuonuo.electronInvoice.
 * invoiceInspection", https://blog.csdn.net/boonya/article/details/123658720); the request fields
 * `invoiceCode`, `invoiceNo`, `invoiceDate` (yyyy-MM-dd), `optionField` (不含税金额 for special invoices,
 * 校验码后6位 for general ones) and `taxNo` from a client of that interface
 * (https://npm.openknot.ai/package/n8n-nodes-ylhc-nuonuo, "诺诺发票查验接口规范").
 * NOT FOUND in any public source: the answer's `result` fields. They follow the names Nuonuo itself uses
 * in queryInvoiceResult's answer (`invoiceNo`, `invoiceCode`, `exTaxAmount`, `taxAmount`, `payerName`,
 * `payerTaxNo`) and in requestBillingNew (`salerTaxNum`, `salerName`), with the bureau's state code
 * (0/1/2/3/4/7/8, {@link invoiceStateOf}) in `invoiceStatus`; an E0000 answer without a result is "not
 * found". Check them against the first real answer.
 */
import type { CallOutcome, VerifyQuery, VerifyResult } from "@efapiao/provider";
import { invoiceStateOf } from "@efapiao/provider";
import {
  field,
  rejection,
  unexpectedAnswer,
  type VerifyFieldRow,
  verifyFields,
} from "@efapiao/provider-utils";
import { NUONUO_CODES, SUCCESS } from "./codes.js";

export const NUONUO_VERIFY_SERVICE = "nuonuo.electronInvoice.invoiceInspection";

type Answer = Record<string, unknown>;

/**
 * The invoiceInspection content for a query. `optionField` carries what the platform checks besides
 * number and date: the check code's last six digits when there is one (普票), else the amount — the
 * total (价税合计) for a 数电票, the amount before tax (不含税金额) for a legacy special invoice.
 * @example
 * nuonuoVerifyContent({ number: "24112000000048542163", issueDate: "2024-05-28", total: "4449.00" }, "91110108MA01")
 * // { invoiceCode: "", invoiceNo: "24112000000048542163", invoiceDate: "2024-05-28", optionField: "4449.00", taxNo: "91110108MA01" }
 */
export function nuonuoVerifyContent(query: VerifyQuery, taxNo: string): Record<string, string> {
  const digital = query.code === undefined && query.number.length === 20;
  const optionField = query.checkCode
    ? query.checkCode.slice(-6)
    : ((digital ? (query.total ?? query.amount) : (query.amount ?? query.total)) ?? "");
  return {
    invoiceCode: query.code ?? "",
    invoiceNo: query.number,
    invoiceDate: query.issueDate,
    optionField,
    taxNo,
  };
}

/**
 * invoiceInspection's answer as a verification: E0000 with a result → found, its fields in canonical
 * names; E0000 without one → not found; any other code → its meaning (NUONUO_CODES).
 * @example
 * nuonuoVerifyAnswer({ code: "E0000", result: { invoiceNo: "2411…", invoiceDate: "2024-05-28", exTaxAmount: "4197.17", invoiceStatus: "0" } })
 * // { status: "ok", value: { found: true, fields: { number: "2411…", issueDate: "2024-05-28", "totals.amount": "4197.17" }, redStatus: "none", state: "normal" } }
 */
export function nuonuoVerifyAnswer(answer: Answer): CallOutcome<VerifyResult> {
  const code = field(answer, "code");
  if (code === undefined) return unexpectedAnswer("nuonuo", "code", answer);
  if (code !== SUCCESS) return rejection("nuonuo", NUONUO_CODES, code, field(answer, "describe"), answer);
  const result = Array.isArray(answer.result) ? answer.result[0] : answer.result;
  if (result === null || typeof result !== "object" || !field(result, "invoiceNo")) {
    return { status: "ok", value: { found: false }, raw: answer };
  }
  const record = result as Answer;
  const { redStatus, state } = invoiceStateOf(field(record, "invoiceStatus"));
  return {
    status: "ok",
    value: { found: true, fields: verifyFields(record, NUONUO_VERIFY_FIELDS), redStatus, state },
    raw: answer,
  };
}

/** Nuonuo result name → canonical path (see the module comment for where the names come from). */
export const NUONUO_VERIFY_FIELDS: readonly VerifyFieldRow[] = [
  ["invoiceNo", "number", "text"],
  ["invoiceCode", "code", "text"],
  ["invoiceDate", "issueDate", "date"],
  ["salerTaxNum", "seller.taxId", "text"],
  ["salerName", "seller.name", "text"],
  ["payerName", "buyer.name", "text"],
  ["payerTaxNo", "buyer.taxId", "text"],
  ["exTaxAmount", "totals.amount", "money"],
  ["taxAmount", "totals.tax", "money"],
  ["orderAmount", "totals.total", "money"],
];
