/**
 * 乐企's answers: `{ Response: { Data: base64 SM4 ciphertext } }` or `{ Response: { Error: { Code, Message } } }`
 * (possibly wrapped as `{ httpStatusCode, body: "<that JSON as text>" }`, as lucymao9/leqi-invoice reads
 * it). The decrypted data may carry its own `code` / `msg`. Ciphertext that will not decrypt is `unknown`.
 *
 * The answer builders are exported for the sandbox, which answers with the same code.
 */
import type { CallOutcome, IssueOutcome, RedForm, Rejected, Unknown } from "@efapiao/provider";
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
import { LEQI_CODES, LEQI_SUCCESS } from "./codes.js";
import { ROLE, SCZT } from "./enums.js";
import { sm4Decrypt, sm4Encrypt } from "./sm4.js";

const PROVIDER = "leqi";
type Answer = Record<string, unknown>;

/**
 * An answer carrying data, encrypted as 乐企 does.
 * @example
 * buildLeqiAnswer(key, { sllsh: "2026052100000001" }) // { Response: { RequestId: "…", Data: "base64…" } }
 */
export function buildLeqiAnswer(keyHex: string, data: unknown, requestId = ""): Answer {
  return { Response: { RequestId: requestId, Data: sm4Encrypt(keyHex, JSON.stringify(data)) } };
}

/**
 * A gateway error answer (in clear).
 * @example
 * buildLeqiError("3003", "处理失败")
 */
export function buildLeqiError(code: string, message: string, requestId = ""): Answer {
  return { Response: { RequestId: requestId, Error: { Code: code, Message: message } } };
}

/**
 * The decrypted data of an answer, or the outcome it amounts to: an `Error` → rejected with its code; a
 * `Data` that does not decrypt or is not JSON → unknown; a data `code` other than success → rejected.
 * @example
 * const data = openLeqiAnswer(key, answer);
 * if ("status" in data) return data; // rejected or unknown
 */
export function openLeqiAnswer(keyHex: string, answer: Answer): { data: unknown } | Rejected | Unknown {
  let envelope = answer;
  if (typeof answer.body === "string") {
    try {
      envelope = JSON.parse(answer.body) as Answer;
    } catch {
      return unexpectedAnswer(PROVIDER, "body (JSON text)", answer);
    }
  }
  const response = envelope.Response as Answer | undefined;
  if (!response || typeof response !== "object") return unexpectedAnswer(PROVIDER, "Response", answer);
  const error = response.Error as Answer | undefined;
  if (error && typeof error === "object") {
    return rejection(PROVIDER, LEQI_CODES, field(error, "Code") ?? "", field(error, "Message"), answer);
  }
  const cipher = field(response, "Data");
  if (cipher === undefined) return unexpectedAnswer(PROVIDER, "Response.Data", answer);
  const plain = sm4Decrypt(keyHex, cipher);
  if (!plain.ok) {
    return {
      status: "unknown",
      diagnostics: [
        providerDiagnostic(PROVIDER, "LEQI_UNDECRYPTABLE", {
          zh: `乐企应答的 Data 无法解密（${plain.reason}）：请求可能已被受理，请查询结果`,
          en: `Leqi's Response.Data does not decrypt (${plain.reason}): the request may have been taken; query it`,
        }),
      ],
      raw: answer,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(plain.text);
  } catch {
    return {
      status: "unknown",
      diagnostics: [
        providerDiagnostic(PROVIDER, "LEQI_DATA_NOT_JSON", {
          zh: "乐企应答的 Data 解密后不是 JSON",
          en: "Leqi's decrypted Response.Data is not JSON",
        }),
      ],
      raw: answer,
    };
  }
  const code = field(data, "code");
  if (code !== undefined && !(LEQI_SUCCESS as readonly string[]).includes(code)) {
    return rejection(PROVIDER, LEQI_CODES, code, field(data, "msg") ?? field(data, "message"), data);
  }
  return { data: code !== undefined && (data as Answer).data !== undefined ? (data as Answer).data : data };
}

const isOutcome = (value: object): value is Rejected | Unknown => "status" in value;

/**
 * QDFPSC's answer: accepted for processing → pending under the 受理流水号 (sllsh).
 * @example
 * issueAnswer(key, "SO-1", buildLeqiAnswer(key, { sllsh: "S1" })) // { status: "pending", providerRef: "S1", … }
 */
export function issueAnswer(keyHex: string, requestKey: string, answer: Answer): IssueOutcome {
  const opened = openLeqiAnswer(keyHex, answer);
  if (isOutcome(opened)) return opened;
  const sllsh = field(opened.data, "sllsh");
  if (!sllsh) return unexpectedAnswer(PROVIDER, "Data.sllsh", opened.data);
  return { status: "pending", requestKey, providerRef: sllsh, raw: opened.data };
}

/**
 * CXQDFPSCJG's answer for an upload: sczt 1 → issued (the pre-assigned number, kprq), 0 → pending,
 * 2 → refused with sbyy (失败原因).
 */
export function resultAnswer(keyHex: string, requestKey: string, answer: Answer): IssueOutcome {
  const opened = openLeqiAnswer(keyHex, answer);
  if (isOutcome(opened)) return opened;
  const records = Array.isArray(opened.data) ? opened.data : [opened.data];
  const record = records[0] as Answer | undefined;
  const status = field(record, "sczt");
  if (status === SCZT.pending) return { status: "pending", requestKey, raw: opened.data };
  if (status === SCZT.issued) {
    const number = field(record, "fphm");
    if (!number) return unexpectedAnswer(PROVIDER, "Data.fphm", opened.data);
    const time = parseCstDateTime(field(record, "kprq") ?? "");
    return {
      status: "issued",
      requestKey,
      number,
      issuedAt: time ? cstIso(time) : "",
      files: [],
      raw: opened.data,
    };
  }
  if (status === SCZT.failed) {
    const reason = field(record, "sbyy");
    return {
      status: "rejected",
      reason: "refused",
      retryable: false,
      diagnostics: [
        providerDiagnostic(
          PROVIDER,
          "LEQI_UPLOAD_FAILED",
          {
            zh: `乐企上传失败：${reason ?? "未说明原因"}`,
            en: `Leqi refused the upload: ${reason ?? "no reason given"}`,
          },
          { providerCode: status, ...(reason ? { providerMessage: reason } : {}) },
        ),
      ],
      raw: opened.data,
    };
  }
  return unexpectedAnswer(PROVIDER, "Data.sczt", opened.data);
}

/** A red-letter form record (QDHZQRDSQ, CXQDHZQRDLB, CXQDHZQRDMX) as the port's form. */
export function redFormOf(record: Answer): RedForm {
  const form: RedForm = { uuid: field(record, "uuid") ?? "", state: field(record, "hzqrxxztDm") ?? "" };
  const number = present(record.hzfpxxqrdbh) ?? present(record.hzqrdbh);
  if (number) form.number = number;
  const original = present(record.lzfphm);
  if (original) form.originalNumber = original;
  const reason = field(record, "chyyDm");
  if (reason === "01" || reason === "02" || reason === "03" || reason === "04") form.reason = reason;
  const amount = toMoney(decimalText(record.hzcxje) ?? "");
  if (amount) form.amount = amount;
  const tax = toMoney(decimalText(record.hzcxse) ?? "");
  if (tax) form.tax = tax;
  const role = field(record, "lrfsf");
  if (role === ROLE.seller) form.initiator = "seller";
  if (role === ROLE.buyer) form.initiator = "buyer";
  return form;
}

/** The forms of an apply / list / detail answer (one record, a list, or `{ list | records }`). */
export function redFormsAnswer(keyHex: string, answer: Answer): CallOutcome<RedForm[]> {
  const opened = openLeqiAnswer(keyHex, answer);
  if (isOutcome(opened)) return opened;
  const data = opened.data as Answer | unknown[];
  const list = Array.isArray(data)
    ? data
    : Array.isArray(data?.list)
      ? data.list
      : Array.isArray(data?.records)
        ? data.records
        : data && typeof data === "object"
          ? [data]
          : [];
  return { status: "ok", value: (list as Answer[]).map(redFormOf), raw: opened.data };
}
