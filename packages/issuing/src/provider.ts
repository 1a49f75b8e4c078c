/**
 * What the workflow needs from a provider: the port's calls as issuing uses them. A provider (an adapter
 * of @efapiao/provider, the sandbox, a fake in tests) is handed in; issuing never imports an adapter.
 *
 * Every call either answers with a typed outcome or throws a {@link ProviderFailure} that says whether
 * the request may have taken effect (`ambiguous`: a timeout, a reset connection, a 5xx) or certainly did
 * not (`definite`: bad credentials, a malformed request). The workflow resolves ambiguity by querying the
 * provider by request key, never by sending a new request.
 */
import type { Diagnostic, Invoice } from "@efapiao/model";

/** The provider's answer about one invoice, by request key. */
export type IssueOutcome =
  | { status: "issued"; number: string; issuedAt: string }
  /** Accepted, still being issued (asynchronous providers): poll later. */
  | { status: "pending" }
  /** Issued, but the seal (签章) failed: re-seal it, never issue it again. */
  | { status: "seal-failed"; number?: string }
  /** Refused for good (the platform's business rules): nothing was issued. */
  | { status: "rejected"; diagnostics: Diagnostic[] }
  /** "This request key was already used" — the answer after a lost reply. Read it back by key. */
  | { status: "duplicate" }
  /** Only from a query: the provider knows no request under that key. */
  | { status: "not-found" };

/** The red reference of a red invoice: the blue invoice it reverses and the confirmation form. */
export interface RedOrigin {
  originalNumber: string;
  /** The blue invoice's issue date, YYYY-MM-DD. */
  originalIssueDate: string;
  /** The provider's id of the form (红字确认单 UUID). */
  formId: string;
  reason: RedReason;
  /** For each red line, the index of the blue line it reverses. */
  originalLineIndexes: number[];
}

export interface IssueRequest {
  requestKey: string;
  invoice: Invoice;
  red?: RedOrigin;
}

/** Red-letter confirmation-form states 01–10 (domain-facts.md, "Red-letter"). */
export type RedFormState = "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10";
/** 冲红原因: 01 开票有误, 02 销货退回, 03 服务中止, 04 销售折让. */
export type RedReason = "01" | "02" | "03" | "04";
export type RedFormAction = "confirm" | "refuse" | "cancel";

export interface RedFormRequest {
  /** Idempotency key of the application, so that a lost answer is read back, not applied twice. */
  requestKey: string;
  blueNumber: string;
  /** The blue invoice as issued. */
  blue: Invoice;
  reason: RedReason;
  /** The red invoice the form announces (negative amounts). */
  invoice: Invoice;
  /** For each red line, the index of the blue line it reverses. */
  originalLineIndexes: number[];
}

/** The provider's view of a form. */
export type RedFormOutcome =
  | { status: "ok"; formId: string; state: RedFormState }
  | { status: "rejected"; diagnostics: Diagnostic[] }
  | { status: "not-found" };

/** The calls issuing makes. Adapters implement them over their protocol. */
export interface IssuingProvider {
  /** `sandbox`, `nuonuo`, `baiwang`, `leqi`, … (stored with each record). */
  readonly name: string;
  issue(request: IssueRequest): Promise<IssueOutcome>;
  /** The state of the request sent under this key. */
  query(requestKey: string): Promise<IssueOutcome>;
  /**
   * The states of many requests in one go (providers whose query takes a list), in the order of the keys:
   * each an outcome, or the {@link ProviderFailure} that left that key unanswered. Throws a
   * {@link ProviderFailure} when the call failed as a whole.
   */
  queryMany?(requestKeys: readonly string[]): Promise<(IssueOutcome | ProviderFailure)[]>;
  /** Re-seals an invoice whose seal failed (Nuonuo reInvoice). */
  reseal(requestKey: string): Promise<IssueOutcome>;
  applyRedForm(request: RedFormRequest): Promise<RedFormOutcome>;
  /** The form applied for with this request (after an ambiguous answer). */
  queryRedForm(request: RedFormRequest): Promise<RedFormOutcome>;
  operateRedForm(formId: string, action: RedFormAction): Promise<RedFormOutcome>;
}

/** Why a provider call failed; `ambiguous` means it may have taken effect. */
export type FailureKind = "ambiguous" | "definite";

/**
 * A call that did not produce an answer. `ambiguous` (timeout, reset, 5xx): the request may have been
 * acted on; `definite` (credentials refused, request malformed): it certainly was not.
 */
export class ProviderFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ProviderFailure";
  }
}

/** True when an error may hide an effect: an explicit ambiguous failure, or any error we cannot classify. */
export function isAmbiguous(error: unknown): boolean {
  return !(error instanceof ProviderFailure) || error.kind === "ambiguous";
}
