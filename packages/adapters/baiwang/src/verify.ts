/**
 * 查验 through 百望: `baiwang.input.compliance.validate` (发票查验), signed and sent like every other
 * Baiwang call.
 *
 * Sources: the method name from Baiwang's API list (https://open.baiwang.com/openplatform-ui/openplatformUi/api?url=InputComplianceValidate&method=baiwang.input.compliance.validate,
 * as listed in wenlingang/baiwang-ruby-sdk `apis.md`); the request fields `invoiceCode` (legacy only),
 * `invoiceNumber`, `billingDate` (YYYY-MM-DD), `totalAmount` (价税合计 for 数电票, 不含税金额 for legacy
 * special invoices), `checkCode` (后6位, for 普票) and `taxNo`, and the answer fields `checkResult`
 * (一致 / 不一致 / 查无此票 …), `state` (0 正常, 1 失控, 2 作废, 3 红冲, 4 异常, 7 部分红冲, 8 全额红冲),
 * `invoiceCode`, `invoiceNumber`, `billingDate`, `amountTax` (价税合计), `amountWithoutTax`, `taxAmount`,
 * `sellerName`, `sellerTaxNo`, `purchaserName`, `purchaserTaxNo` from Baiwang's own invoice-verify skill
 * (its MCP tool registry and report field map, `references/mcp_calls.md`, `references/report_templates.md`).
 * There the check code travels as `checkCode_6`; efapiao sends `checkCode` as the REST API documents
 * it on the page above — NOT verified against a real answer.
 */
import type { CallOutcome, VerifyQuery, VerifyResult } from "@efapiao/provider";
import { invoiceStateOf } from "@efapiao/provider";
import { field, unexpectedAnswer, type VerifyFieldRow, verifyFields } from "@efapiao/provider-utils";
import { failureOf } from "./answers.js";

export const BAIWANG_VERIFY_METHOD = "baiwang.input.compliance.validate";

/** checkResult values that mean the platform has no such invoice. */
const NOT_FOUND = new Set(["查无此票"]);

type Answer = Record<string, unknown>;

/**
 * The validate body for a query.
 * @example
 * baiwangVerifyBody({ number: "24112000000048542163", issueDate: "2024-05-28", total: "4449.00" }, "91110108MA01")
 * // { taxNo: "91110108MA01", invoiceNumber: "24112000000048542163", billingDate: "2024-05-28", totalAmount: "4449.00" }
 */
export function baiwangVerifyBody(query: VerifyQuery, taxNo: string): Record<string, string> {
  const digital = query.code === undefined && query.number.length === 20;
  const body: Record<string, string> = { taxNo };
  if (query.code) body.invoiceCode = query.code;
  body.invoiceNumber = query.number;
  body.billingDate = query.issueDate;
  const amount = digital ? (query.total ?? query.amount) : (query.amount ?? query.total);
  if (amount !== undefined) body.totalAmount = amount;
  if (query.checkCode) body.checkCode = query.checkCode.slice(-6);
  return body;
}

/**
 * validate's answer as a verification.
 * @example
 * baiwangVerifyAnswer({ success: true, response: { checkResult: "查无此票" } }) // { status: "ok", value: { found: false }, … }
 */
export function baiwangVerifyAnswer(answer: Answer): CallOutcome<VerifyResult> {
  if (answer.success === undefined) return unexpectedAnswer("baiwang", "success", answer);
  const failure = failureOf(answer);
  if (failure) return failure;
  const response = (Array.isArray(answer.response) ? answer.response[0] : answer.response) as
    | Answer
    | undefined;
  if (!response || NOT_FOUND.has(field(response, "checkResult") ?? "") || !field(response, "invoiceNumber")) {
    return { status: "ok", value: { found: false }, raw: answer };
  }
  const { redStatus, state } = invoiceStateOf(field(response, "state"));
  return {
    status: "ok",
    value: { found: true, fields: verifyFields(response, BAIWANG_VERIFY_FIELDS), redStatus, state },
    raw: answer,
  };
}

/** Baiwang answer name → canonical path. */
export const BAIWANG_VERIFY_FIELDS: readonly VerifyFieldRow[] = [
  ["invoiceNumber", "number", "text"],
  ["invoiceCode", "code", "text"],
  ["billingDate", "issueDate", "date"],
  ["sellerTaxNo", "seller.taxId", "text"],
  ["sellerName", "seller.name", "text"],
  ["purchaserName", "buyer.name", "text"],
  ["purchaserTaxNo", "buyer.taxId", "text"],
  ["amountWithoutTax", "totals.amount", "money"],
  ["taxAmount", "totals.tax", "money"],
  ["amountTax", "totals.total", "money"],
];
