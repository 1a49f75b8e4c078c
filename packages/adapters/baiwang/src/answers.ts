/**
 * 百望's answers as the port's outcomes. An answer is `{ success, response }` or
 * `{ success: false, errorResponse: { code, message, subCode, subMessage } }`; issuing is synchronous,
 * its `response` lists the invoices issued (`success`) and refused (`fail`).
 */
import type { CallOutcome, IssuedFileLink, IssueOutcome, RedForm, Rejected } from "@efapiao/provider";
import { providerDiagnostic } from "@efapiao/provider";
import {
  cstIso,
  decimalText,
  field,
  parseCstDateTime,
  present,
  rejection,
  toMoney,
  unexpectedAnswer,
} from "@efapiao/provider-utils";
import { BAIWANG_CODES } from "./codes.js";

const PROVIDER = "baiwang";
type Answer = Record<string, unknown>;

/** The rejection of a failed answer (errorResponse), or undefined when the answer succeeded. */
export function failureOf(answer: Answer): Rejected | undefined {
  if (answer.success === true || answer.success === "true") return undefined;
  const error = (answer.errorResponse ?? {}) as Answer;
  const code = field(error, "subCode") || field(error, "code") || "";
  const message =
    [field(error, "message"), field(error, "subMessage")].filter(Boolean).join("：") || undefined;
  return rejection(PROVIDER, BAIWANG_CODES, code, message, answer);
}

/**
 * baiwang.output.invoice.issue's answer: the first `success` entry → issued; a `fail` entry → refused (a
 * message saying the serial number is repeated → duplicate: query it).
 * @example
 * issueAnswer("SO-1", { success: true, response: { success: [{ invoiceNo: "24442000000071309399", invoiceDate: "20260521152632" }], fail: [] } })
 * // { status: "issued", number: "24442000000071309399", issuedAt: "2026-05-21T15:26:32+08:00", … }
 */
export function issueAnswer(requestKey: string, answer: Answer): IssueOutcome {
  if (answer.success === undefined) return unexpectedAnswer(PROVIDER, "success", answer);
  const failure = failureOf(answer);
  if (failure) return failure;
  const response = (answer.response ?? {}) as Answer;
  const issued = Array.isArray(response.success) ? (response.success[0] as Answer | undefined) : undefined;
  if (issued) return issuedOutcome(requestKey, issued, answer);
  const failed = Array.isArray(response.fail) ? (response.fail[0] as Answer | undefined) : undefined;
  if (failed) return failOutcome(failed, answer);
  return unexpectedAnswer(PROVIDER, "response.success[0]", answer);
}

/** An issued invoice record (from issue or query) as the issued outcome. */
export function issuedOutcome(requestKey: string, record: Answer, answer: Answer): IssueOutcome {
  const number = field(record, "invoiceNo");
  if (!number) return unexpectedAnswer(PROVIDER, "invoiceNo", answer);
  const time = parseCstDateTime(field(record, "invoiceDate") ?? "");
  const files: IssuedFileLink[] = [];
  const url = present(record.eInvoiceUrl) ?? present(record.pdfUrl);
  if (url) files.push({ format: "pdf", url });
  const ofd = present(record.ofdUrl);
  if (ofd) files.push({ format: "ofd", url: ofd });
  const qr = present(record.invoiceQrCode);
  if (qr) files.push({ format: "qr", url: qr });
  return { status: "issued", requestKey, number, issuedAt: time ? cstIso(time) : "", files, raw: answer };
}

function failOutcome(failed: Answer, answer: Answer): Rejected {
  const code = field(failed, "errorCode") || field(failed, "code") || "";
  const message = field(failed, "errorMessage") || field(failed, "message") || field(failed, "errorMsg");
  if (message && /流水号.*重复|重复.*流水号/.test(message)) {
    return {
      status: "rejected",
      reason: "duplicate",
      retryable: false,
      diagnostics: [
        providerDiagnostic(
          PROVIDER,
          "BAIWANG_DUPLICATE_SERIAL",
          {
            zh: "百望：开票流水号已使用过，请按请求号查询结果，不要重新开票",
            en: "Baiwang: the serial number (request key) was used before; query its outcome, do not issue again",
          },
          { providerCode: code, providerMessage: message },
        ),
      ],
      raw: answer,
    };
  }
  return rejection(PROVIDER, BAIWANG_CODES, code, message, answer);
}

/**
 * baiwang.output.invoice.query's answer for a serial number: an issued record → issued; none → not found.
 */
export function queryAnswer(requestKey: string, answer: Answer): IssueOutcome {
  if (answer.success === undefined) return unexpectedAnswer(PROVIDER, "success", answer);
  const failure = failureOf(answer);
  if (failure) return failure;
  const response = answer.response;
  const list = Array.isArray(response)
    ? response
    : Array.isArray((response as Answer | undefined)?.list)
      ? ((response as Answer).list as unknown[])
      : response
        ? [response]
        : [];
  const record = list[0] as Answer | undefined;
  if (!record || !field(record, "invoiceNo")) {
    return {
      status: "rejected",
      reason: "not-found",
      retryable: false,
      diagnostics: [
        providerDiagnostic(PROVIDER, "BAIWANG_NOT_FOUND", {
          zh: `百望没有流水号 ${requestKey} 的发票`,
          en: `Baiwang has no invoice for serial number ${requestKey}`,
        }),
      ],
      raw: answer,
    };
  }
  return issuedOutcome(requestKey, record, answer);
}

/** A red-letter form record (add, list) as the port's form. */
export function redFormOf(record: Answer): RedForm {
  const form: RedForm = {
    uuid: field(record, "redConfirmUuid") ?? "",
    state: field(record, "confirmState") ?? "",
  };
  const number = present(record.redConfirmNo);
  if (number) form.number = number;
  const original = present(record.originalInvoiceNo);
  if (original) form.originalNumber = original;
  const reason = labelReason(record);
  if (reason) form.reason = reason;
  const amount = toMoney(decimalText(record.invoiceTotalPrice) ?? "");
  if (amount) form.amount = amount;
  const tax = toMoney(decimalText(record.invoiceTotalTax) ?? "");
  if (tax) form.tax = tax;
  const identity = field(record, "entryIdentity");
  if (identity === "01") form.initiator = "seller";
  if (identity === "02") form.initiator = "buyer";
  return form;
}

/** redInvoiceLabel carries the bureau's own two-digit reason (01–04) in the red-form calls. */
function labelReason(record: Answer): RedForm["reason"] | undefined {
  const label = field(record, "redInvoiceLabel");
  return label === "01" || label === "02" || label === "03" || label === "04" ? label : undefined;
}

/** The forms of an add / list / operate answer. */
export function redFormsAnswer(answer: Answer): CallOutcome<RedForm[]> {
  if (answer.success === undefined) return unexpectedAnswer(PROVIDER, "success", answer);
  const failure = failureOf(answer);
  if (failure) return failure;
  const response = answer.response;
  const list = Array.isArray(response)
    ? response
    : Array.isArray((response as Answer | undefined)?.list)
      ? ((response as Answer).list as unknown[])
      : response && typeof response === "object"
        ? [response]
        : [];
  return { status: "ok", value: list.map((r) => redFormOf(r as Answer)), raw: answer };
}
