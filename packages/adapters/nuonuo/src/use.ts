/**
 * 用途确认 (进项勾选) through Nuonuo.
 *
 * NOT FOUND in any public source: Nuonuo's method names and fields for listing received invoices and
 * confirming their use. The only public trace is a client library describing the operations ("进项同步、
 * 查询、勾选 / 取消勾选认证", https://www.nuget.org/packages/Bitzsoft.Integrations.Finance.Invoice.Nuonuo/).
 * efapiao therefore follows Nuonuo's closest documented conventions: the 诺税通 SaaS method family
 * (`nuonuo.OpeMplatform.*`), the field names of queryInvoiceResult's answer (`invoiceNo`, `invoiceCode`,
 * `exTaxAmount`, `taxAmount`) and requestBillingNew (`salerTaxNum`, `salerName`), the envelope `{ code,
 * describe, result }` with E0000 for success, and for statuses the bureau's own codes (乐企 gxlxDm 01–04,
 * hxyt 1 抵扣 / 6 不抵扣, cljg 01 成功: USE_STATUS_CODE, useResult). Every name here must be checked against Nuonuo's documentation
 * before production use; the sandbox speaks exactly these.
 */
import type {
  CallOutcome,
  ReceivedFilter,
  ReceivedInvoice,
  UseConfirmationItem,
  UseConfirmationResult,
} from "@efapiao/provider";
import {
  field,
  receivedInvoices,
  rejection,
  USE_STATUS_CODE,
  unexpectedAnswer,
  useResult,
} from "@efapiao/provider-utils";
import { NUONUO_CODES, SUCCESS } from "./codes.js";

export const NUONUO_USE_SERVICES = {
  list: "nuonuo.OpeMplatform.queryInputInvoice",
  check: "nuonuo.OpeMplatform.checkInputInvoice",
} as const;

/** checkType: the bureau's gxlxDm (01 申请抵扣, 02 撤销抵扣, 03 申请不抵扣, 04 撤销不抵扣). */
export const CHECK_TYPE = {
  confirm: { deduct: "01", "no-deduct": "03" },
  cancel: { deduct: "02", "no-deduct": "04" },
} as const;

type Answer = Record<string, unknown>;

const yyyymm = (period: string) => period.replace("-", "");

/**
 * The queryInputInvoice content.
 * @example
 * nuonuoListContent({ period: "2026-05", buyerTaxId: "91110108MA01", useStatus: "deduct" })
 * // { taxnum: "91110108MA01", taxPeriod: "202605", useStatus: "1" }
 */
export function nuonuoListContent(filter: ReceivedFilter): Record<string, string> {
  const content: Record<string, string> = { taxnum: filter.buyerTaxId, taxPeriod: yyyymm(filter.period) };
  if (filter.useStatus) content.useStatus = USE_STATUS_CODE[filter.useStatus];
  return content;
}

/**
 * The checkInputInvoice content: each invoice with the action its use needs.
 * @example
 * nuonuoCheckContent("91110108MA01", "2026-05", "confirm", [{ number: "2611…", issueDate: "2026-05-18" }])
 * // { taxnum: "91110108MA01", taxPeriod: "202605", invoices: [{ invoiceNo: "2611…", invoiceDate: "2026-05-18", checkType: "01" }] }
 */
export function nuonuoCheckContent(
  taxnum: string,
  period: string,
  action: "confirm" | "cancel",
  items: readonly UseConfirmationItem[],
): Record<string, unknown> {
  return {
    taxnum,
    taxPeriod: yyyymm(period),
    invoices: items.map((item) => ({
      invoiceNo: item.number,
      invoiceDate: item.issueDate,
      checkType: CHECK_TYPE[action][item.use ?? "deduct"],
      ...(item.tax !== undefined && { effectiveTax: item.tax }),
    })),
  };
}

function refusalOf(answer: Answer) {
  const code = field(answer, "code");
  if (code === undefined) return unexpectedAnswer("nuonuo", "code", answer);
  if (code !== SUCCESS) return rejection("nuonuo", NUONUO_CODES, code, field(answer, "describe"), answer);
  return undefined;
}

/** queryInputInvoice's answer as received invoices. */
export function nuonuoListAnswer(answer: Answer): CallOutcome<ReceivedInvoice[]> {
  const refused = refusalOf(answer);
  if (refused) return refused;
  return { status: "ok", value: receivedInvoices(resultRows(answer), LIST_NAMES), raw: answer };
}

/** Where queryInputInvoice's rows keep each field. */
const LIST_NAMES = {
  number: "invoiceNo",
  issueDate: "invoiceDate",
  sellerTaxId: "salerTaxNum",
  sellerName: "salerName",
  amount: "exTaxAmount",
  tax: "taxAmount",
  useStatus: "useStatus",
} as const;

/** checkInputInvoice's answer: one result per invoice. */
export function nuonuoCheckAnswer(answer: Answer): CallOutcome<UseConfirmationResult[]> {
  const refused = refusalOf(answer);
  if (refused) return refused;
  const value = resultRows(answer).map((row) =>
    useResult(field(row, "invoiceNo") ?? "", field(row, "resultCode") ?? "", field(row, "resultMsg")),
  );
  return { status: "ok", value, raw: answer };
}

function resultRows(answer: Answer): Answer[] {
  return Array.isArray(answer.result) ? (answer.result as Answer[]) : [];
}
