/**
 * Outcomes: what a provider call can end in. A provider-side failure (a refusal, a bad signature, an
 * HTML error page, a timeout) is one of these values, never a thrown error, so a caller can record it
 * before deciding what to do next.
 */
import type { Diagnostic, Message } from "@efapiao/model";

/**
 * A diagnostic about a provider call: efapiao's own message in Chinese and English (`message`,
 * `messageEn`), plus the provider's code and message exactly as it answered, so nothing the provider
 * said is lost in translation. `rule` is efapiao's stable id (`PROVIDER_DUPLICATE_KEY`, …).
 */
export interface ProviderDiagnostic extends Diagnostic {
  /** Which provider answered ("nuonuo", "baiwang", "leqi", "sandbox", …). */
  provider: string;
  /** The provider's own code, as sent (`E9106`, `100007`, `31022`); absent when it gave none. */
  providerCode?: string;
  /** The provider's own message, as sent (`订单编号或流水号不能重复`). */
  providerMessage?: string;
}

/** A file of an issued invoice the provider makes available (the platform's OFD is the original). */
export interface IssuedFileLink {
  format: "ofd" | "pdf" | "xml" | "image" | "qr";
  /** A URL, or for `qr` the QR code payload. */
  url: string;
}

/**
 * Why a request was rejected, for the caller's next step:
 * - `refused`: the provider or platform refused the content; fix the invoice, then send it under a new key.
 * - `duplicate`: the request key was used before — the first request may have been issued. Never send it
 *   again as new: query the outcome by the key.
 * - `seal-failed`: the invoice was issued but sealing failed; re-seal ({@link Provider.reseal}), never re-issue.
 * - `credentials`: the credentials, token or signature were not accepted.
 * - `limit`: a quota or rate limit (re-seal attempts per day, requests per second) was reached.
 * - `not-found`: the provider knows nothing under that key or id (query before any request arrived).
 * - `unsupported`: the provider does not offer this operation.
 */
export type RejectionReason =
  | "refused"
  | "duplicate"
  | "seal-failed"
  | "credentials"
  | "limit"
  | "not-found"
  | "unsupported";

/** The request was not taken, or failed on the provider's side: the diagnostics say why. */
export interface Rejected {
  status: "rejected";
  reason: RejectionReason;
  /** True when sending the same request again later can help (a busy provider, a seal failure). */
  retryable: boolean;
  diagnostics: ProviderDiagnostic[];
  /** The provider's answer as parsed, for the record. */
  raw?: unknown;
}

/**
 * The transport failed or the answer could not be read (timeout, reset, HTML page, truncated or
 * undecryptable body): the request may or may not have been taken. Resolve it by querying the request
 * key, never by sending a new request.
 */
export interface Unknown {
  status: "unknown";
  diagnostics: ProviderDiagnostic[];
  /** The answer's text when there was one (secrets removed), for the record. */
  raw?: unknown;
}

/** Accepted, being issued: ask again later (by request key). */
export interface Pending {
  status: "pending";
  requestKey: string;
  /** The provider's id for the request (Nuonuo invoiceSerialNum, 乐企 sllsh), when it gave one. */
  providerRef?: string;
  raw?: unknown;
}

/** Issued by the platform. */
export interface Issued {
  status: "issued";
  requestKey: string;
  /** The 20-digit 数电票号码 the platform assigned. */
  number: string;
  /** When it was issued, ISO 8601 with the +08:00 offset (`2026-05-18T10:21:07+08:00`). */
  issuedAt: string;
  files: IssuedFileLink[];
  providerRef?: string;
  raw?: unknown;
}

/** What issuing (or querying an issue request) ends in. */
export type IssueOutcome = Pending | Issued | Rejected | Unknown;

/** A call that returns data (a red-letter form, a listing, a verification) or fails like any other call. */
export type CallOutcome<T> = { status: "ok"; value: T; raw?: unknown } | Rejected | Unknown;

/**
 * True when the outcome is final for the request key: issued, or rejected in a way that a new attempt
 * under the same key cannot change. Pending, unknown, duplicate and seal failures need another call.
 * @example
 * if (!isFinal(outcome)) outcome = await provider.query(key);
 */
export function isFinal(outcome: IssueOutcome): boolean {
  if (outcome.status === "issued") return true;
  if (outcome.status !== "rejected") return false;
  return outcome.reason !== "duplicate" && outcome.reason !== "seal-failed" && !outcome.retryable;
}

/**
 * Makes a provider diagnostic (severity error, empty path unless given).
 * @example
 * providerDiagnostic("nuonuo", "PROVIDER_REFUSED", { zh: "诺诺拒绝开票", en: "Nuonuo refused the invoice" },
 *   { providerCode: "E9105", providerMessage: "折扣行的商品名称必须和被折扣行相同" })
 */
export function providerDiagnostic(
  provider: string,
  rule: string,
  message: Message,
  extra: { providerCode?: string; providerMessage?: string; path?: string } = {},
): ProviderDiagnostic {
  const diagnostic: ProviderDiagnostic = {
    rule,
    severity: "error",
    path: extra.path ?? "",
    message: message.zh,
    messageEn: message.en,
    provider,
  };
  if (extra.providerCode !== undefined) diagnostic.providerCode = extra.providerCode;
  if (extra.providerMessage !== undefined) diagnostic.providerMessage = extra.providerMessage;
  return diagnostic;
}
