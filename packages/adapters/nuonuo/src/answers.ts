/**
 * Nuonuo's answers ({ code, describe, result }) as the port's outcomes. Issuing is asynchronous:
 * requestBillingNew accepts (pending, with the invoiceSerialNum), queryInvoiceResult tells the state.
 */
import type { CallOutcome, IssuedFileLink, IssueOutcome, RedForm, RedFormStateCode } from "@efapiao/provider";
import { providerDiagnostic } from "@efapiao/provider";
import { cstIso, field, present, rejection, toMoney, unexpectedAnswer } from "@efapiao/provider-utils";
import { DUPLICATE_ORDER, NUONUO_CODES, SUCCESS } from "./codes.js";
import { RED_REASON_FROM_NUONUO, STATUS } from "./enums.js";

const PROVIDER = "nuonuo";

type Answer = Record<string, unknown>;

function refusal(answer: Answer) {
  return rejection(PROVIDER, NUONUO_CODES, field(answer, "code") ?? "", field(answer, "describe"), answer);
}

/**
 * requestBillingNew's answer: E0000 → pending (the serial number to follow), E9106 → duplicate (query by
 * key), anything else → the code's meaning.
 * @example
 * issueAnswer("SO-1", { code: "E0000", result: { invoiceSerialNum: "20160108165823395151" } })
 * // { status: "pending", requestKey: "SO-1", providerRef: "20160108165823395151", … }
 */
export function issueAnswer(requestKey: string, answer: Answer): IssueOutcome {
  const code = field(answer, "code");
  if (code === SUCCESS) {
    const serial = field(answer.result, "invoiceSerialNum");
    if (serial === undefined) return unexpectedAnswer(PROVIDER, "result.invoiceSerialNum", answer);
    return { status: "pending", requestKey, providerRef: serial, raw: answer };
  }
  if (code === undefined) return unexpectedAnswer(PROVIDER, "code", answer);
  return refusal(answer);
}

/**
 * queryInvoiceResult's answer for one request: 2 → issued; 20/21 → pending; 22 → refused (failCause);
 * 24 → seal failed (re-seal); 3/31 → voided; an empty result or E9500 → not found.
 * @example
 * queryAnswer("SO-1", { code: "E0000", result: [{ status: "20", statusMsg: "开票中" }] }) // { status: "pending", … }
 */
export function queryAnswer(requestKey: string, answer: Answer): IssueOutcome {
  const code = field(answer, "code");
  if (code === undefined) return unexpectedAnswer(PROVIDER, "code", answer);
  if (code !== SUCCESS) return refusal(answer);
  const results = Array.isArray(answer.result) ? answer.result : answer.result ? [answer.result] : [];
  const record = results[0] as Answer | undefined;
  if (!record) {
    return rejection(PROVIDER, NUONUO_CODES, "E9500", field(answer, "describe"), answer);
  }
  const status = field(record, "status");
  const serial = field(record, "serialNo");
  const said = field(record, "failCause") || field(record, "statusMsg");
  if (status === STATUS.issued) return issued(requestKey, record, answer);
  if (status !== undefined && (STATUS.pending as readonly string[]).includes(status)) {
    const out: IssueOutcome = { status: "pending", requestKey, raw: answer };
    if (serial) out.providerRef = serial;
    return out;
  }
  if (status === STATUS.sealFailed) {
    return {
      status: "rejected",
      reason: "seal-failed",
      retryable: true,
      diagnostics: [
        providerDiagnostic(
          PROVIDER,
          "NUONUO_SEAL_FAILED",
          {
            zh: "发票已开具但签章失败：请重新签章（reInvoice），不要重新开票",
            en: "The invoice was issued but sealing failed: re-seal it (reInvoice), do not issue it again",
          },
          { providerCode: "24", ...(said ? { providerMessage: said } : {}) },
        ),
      ],
      raw: answer,
    };
  }
  if (status === STATUS.failed || (STATUS.void as readonly string[]).includes(status ?? "")) {
    const voided = status !== STATUS.failed;
    return {
      status: "rejected",
      reason: "refused",
      retryable: false,
      diagnostics: [
        providerDiagnostic(
          PROVIDER,
          voided ? "NUONUO_INVOICE_VOID" : "NUONUO_ISSUE_FAILED",
          voided
            ? { zh: "该订单的发票已作废", en: "The invoice of this order was voided" }
            : {
                zh: `开票失败：${said ?? "诺诺未说明原因"}`,
                en: `Issuing failed: ${said ?? "Nuonuo gave no reason"}`,
              },
          { providerCode: status ?? "", ...(said ? { providerMessage: said } : {}) },
        ),
      ],
      raw: answer,
    };
  }
  return unexpectedAnswer(PROVIDER, "result[0].status", answer);
}

/**
 * queryInvoiceResult's answer for several order numbers: each key's outcome read from the record with its
 * orderNo, as {@link queryAnswer} reads a single one; a key with no record is not found. An answer that is
 * not a success is every key's outcome.
 * @example
 * queryAnswers(["SO-1", "SO-2"], { code: "E0000", result: [{ orderNo: "SO-2", status: "20" }] })
 * // [{ status: "rejected", reason: "not-found", … }, { status: "pending", requestKey: "SO-2", … }]
 */
export function queryAnswers(requestKeys: readonly string[], answer: Answer): IssueOutcome[] {
  if (field(answer, "code") !== SUCCESS || !Array.isArray(answer.result)) {
    const outcome = queryAnswer(requestKeys[0] ?? "", answer);
    return requestKeys.map((requestKey) => ({ ...outcome, ...("requestKey" in outcome && { requestKey }) }));
  }
  const byOrder = new Map<string, Answer>();
  for (const record of answer.result as Answer[]) {
    const orderNo = field(record, "orderNo");
    if (orderNo !== undefined && !byOrder.has(orderNo)) byOrder.set(orderNo, record);
  }
  return requestKeys.map((requestKey) => {
    const record = byOrder.get(requestKey);
    return queryAnswer(requestKey, { ...answer, result: record ? [record] : [] });
  });
}

function issued(requestKey: string, record: Answer, answer: Answer): IssueOutcome {
  const number = field(record, "allElectronicInvoiceNumber") || field(record, "invoiceNo");
  const time = record.invoiceTime;
  if (!number) return unexpectedAnswer(PROVIDER, "result[0].allElectronicInvoiceNumber", answer);
  const millis = typeof time === "number" ? time : Number(field(record, "invoiceTime"));
  const out: IssueOutcome = {
    status: "issued",
    requestKey,
    number,
    issuedAt: Number.isFinite(millis) && millis > 0 ? cstIso(new Date(millis)) : "",
    files: filesOf(record),
    raw: answer,
  };
  const serial = field(record, "serialNo");
  if (serial) out.providerRef = serial;
  return out;
}

/** The file links of a queryInvoiceResult record: OFD (the original), PDF, XML, picture, QR payload. */
export function filesOf(record: Answer): IssuedFileLink[] {
  const files: IssuedFileLink[] = [];
  const add = (format: IssuedFileLink["format"], key: string) => {
    const url = present(record[key]);
    if (url !== undefined) files.push({ format, url });
  };
  add("ofd", "ofdUrl");
  add("pdf", "pdfUrl");
  add("xml", "xmlUrl");
  add("image", "pictureUrl");
  add("qr", "qrCode");
  return files;
}

/**
 * reInvoice's answer: E0000 → pending again (the seal is being retried), E9613 → limit for today.
 */
export function resealAnswer(requestKey: string, answer: Answer): IssueOutcome {
  const code = field(answer, "code");
  if (code === SUCCESS) return { status: "pending", requestKey, raw: answer };
  if (code === undefined) return unexpectedAnswer(PROVIDER, "code", answer);
  return refusal(answer);
}

/** A queryInvoiceRedConfirm record as a red-letter form. */
export function redFormOf(record: Answer): RedForm {
  const form: RedForm = {
    uuid: field(record, "billId") ?? "",
    state: (field(record, "billStatus") ?? "") as RedFormStateCode,
  };
  const set = <K extends keyof RedForm>(key: K, value: RedForm[K] | undefined) => {
    if (value !== undefined && value !== "") form[key] = value;
  };
  set("number", present(record.billNo));
  set("originalNumber", present(record.blueElecInvoiceNumber) ?? present(record.blueInvoiceNumber));
  set("reason", RED_REASON_FROM_NUONUO[field(record, "redReason") ?? ""]);
  set("amount", toMoney(field(record, "taxExcludedAmount") ?? ""));
  set("tax", toMoney(field(record, "taxAmount") ?? ""));
  const source = field(record, "applySource");
  set("initiator", source === "0" ? "seller" : source === "1" ? "buyer" : undefined);
  set("redNumber", present(record.redInvoiceNumber));
  return form;
}

/** queryInvoiceRedConfirm's answer: the forms listed. */
export function redFormsAnswer(answer: Answer): CallOutcome<RedForm[]> {
  const code = field(answer, "code");
  if (code === undefined) return unexpectedAnswer(PROVIDER, "code", answer);
  if (code !== SUCCESS) return refusal(answer);
  const list = (answer.result as Answer | undefined)?.list;
  const forms = Array.isArray(list)
    ? list.filter((r) => r && typeof r === "object").map((r) => redFormOf(r as Answer))
    : [];
  return { status: "ok", value: forms, raw: answer };
}

/** An answer whose only content is its code (confirm, cancel, save). */
export function plainAnswer(answer: Answer): CallOutcome<true> {
  const code = field(answer, "code");
  if (code === SUCCESS) return { status: "ok", value: true, raw: answer };
  if (code === undefined) return unexpectedAnswer(PROVIDER, "code", answer);
  return refusal(answer);
}

export { DUPLICATE_ORDER };
