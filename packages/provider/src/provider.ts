/**
 * The provider port: what any way of reaching the platform (乐企 directly, 诺诺, 百望, the sandbox) can do.
 * Adapters implement it; the issuing workflow consumes it and never imports an adapter.
 */
import type { RedLetterCapability, UseConfirmationCapability, VerifyCapability } from "./capabilities.js";
import type { CallOutcome, IssuedFileLink, IssueOutcome } from "./outcome.js";
import type { CallOptions, IssueRequest } from "./requests.js";

/**
 * A provider. Every method resolves to an outcome value; none throws for anything the provider or the
 * network does (a programming error, such as an invoice that is not an invoice, may still throw).
 *
 * @example
 * const outcome = await provider.issue({ requestKey: "SO-1001", invoice });
 * switch (outcome.status) {
 *   case "issued":   save(outcome.number, outcome.files); break;
 *   case "pending":  later(() => provider.query("SO-1001")); break;
 *   case "unknown":  later(() => provider.query("SO-1001")); break; // may have been taken: never resend
 *   case "rejected": show(outcome.diagnostics); break;
 * }
 */
export interface Provider {
  /** "nuonuo", "baiwang", "leqi", "sandbox", … */
  readonly id: string;
  /** Sends the invoice under its request key. A key used before answers `rejected` / `duplicate`. */
  issue(request: IssueRequest, options?: CallOptions): Promise<IssueOutcome>;
  /** The outcome of the request sent under this key (`rejected` / `not-found` when none arrived). */
  query(requestKey: string, options?: CallOptions): Promise<IssueOutcome>;
  /**
   * The outcomes of many request keys at once, in the order of `requestKeys` (Nuonuo's queryInvoiceResult
   * takes a list of order numbers): one call where polling key by key would make one per key. The adapter
   * splits a long list into the provider's own limit per call. A call that fails as a whole gives each of
   * its keys the same `unknown` (or `rejected`) outcome.
   * @example
   * const outcomes = await provider.queryMany?.(["SO-1", "SO-2"]); // [{ status: "issued", … }, { status: "pending", … }]
   */
  queryMany?(requestKeys: readonly string[], options?: CallOptions): Promise<IssueOutcome[]>;
  /** Links to the issued files (OFD, PDF, XML) of the invoice issued under this key. */
  files?(requestKey: string, options?: CallOptions): Promise<CallOutcome<IssuedFileLink[]>>;
  /** Re-seals an invoice whose seal failed (Nuonuo reInvoice); never issues a second invoice. */
  reseal?(requestKey: string, options?: CallOptions): Promise<IssueOutcome>;
  /** 红字确认单 and red invoices. */
  readonly redLetter?: RedLetterCapability;
  /**
   * True when a red-letter form application sent again under the same request key answers the form
   * applied for first instead of raising a second one (Nuonuo's billId, Baiwang's redConfirmSerialNo): an
   * application whose answer was lost is then settled exactly, by applying again. 乐企's applications carry
   * no key of the caller's, so it leaves this out.
   */
  readonly formApplicationsByKey?: boolean;
  /** 查验 of received invoices. */
  readonly verification?: VerifyCapability;
  /** 用途确认 of received special invoices. */
  readonly useConfirmation?: UseConfirmationCapability;
}

/** True when the provider offers red-letter forms. */
export function hasRedLetter(provider: Provider): provider is Provider & { redLetter: RedLetterCapability } {
  return provider.redLetter !== undefined;
}

/** True when the provider can verify received invoices (查验). */
export function hasVerification(
  provider: Provider,
): provider is Provider & { verification: VerifyCapability } {
  return provider.verification !== undefined;
}

/** True when the provider can confirm deduction use (用途确认). */
export function hasUseConfirmation(
  provider: Provider,
): provider is Provider & { useConfirmation: UseConfirmationCapability } {
  return provider.useConfirmation !== undefined;
}
