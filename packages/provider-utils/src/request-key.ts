/**
 * The request key of a document that names none: derived from its content, so the same invoice always
 * gets the same key (issuing it again is recognised, never sent as new) and a changed one a new key.
 */
import { createHash } from "node:crypto";
import type { Invoice } from "@efapiao/model";

/**
 * `efp-` and the first 32 hex digits of the SHA-256 of the invoice's JSON (without any requestKey).
 * @example
 * deriveRequestKey(invoice) // "efp-3f5a…" (36 characters, a valid request key)
 */
export function deriveRequestKey(invoice: Invoice): string {
  const { requestKey: _ignored, ...content } = invoice as Invoice & { requestKey?: string };
  return `efp-${createHash("sha256").update(JSON.stringify(content), "utf8").digest("hex").slice(0, 32)}`;
}
