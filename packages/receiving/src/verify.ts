/**
 * 查验: asks the platform (through a provider's {@link VerifyCapability}) whether an invoice with these
 * elements exists, and compares what the platform holds with what the file says, field by field. A file
 * whose amount was edited verifies as "differs: totals.amount" — the platform's record is the truth.
 */
import { type Diagnostic, readDecimal, trimDecimal } from "@efapiao/model";
import type { ReceivedInvoice } from "@efapiao/ofd";
import type { CallOptions, VerifyCapability, VerifyQuery } from "@efapiao/provider";

/**
 * - `genuine`: found, every field the platform returns matches the file;
 * - `differs`: found, but fields differ (listed in `differences`);
 * - `not-found`: the platform has no invoice with these elements;
 * - `red-reversed` / `partly-red-reversed`: found, and reversed by red invoices in full / in part;
 * - `void`, `abnormal`: found, in that state on the platform;
 * - `failed`: the call failed (the diagnostics say why); ask again later.
 */
export type VerificationStatus =
  | "genuine"
  | "differs"
  | "not-found"
  | "red-reversed"
  | "partly-red-reversed"
  | "void"
  | "abnormal"
  | "failed";

/** A field whose value on the platform is not the file's. */
export interface FieldDifference {
  path: string;
  file: string;
  platform: string;
}

export interface Verification {
  status: VerificationStatus;
  differences: FieldDifference[];
  /** The platform's fields as it answered them (canonical names). */
  platform?: Record<string, string>;
  /** Why a call failed, as the provider reported it. */
  diagnostics: Diagnostic[];
}

/**
 * The elements 查验 asks about: number and date always; the totals; the check code of a legacy invoice.
 * @example
 * verificationQuery(invoice) // { number: "24112000000048542163", issueDate: "2024-05-28", total: "4449.00", amount: "4197.17", kind: "special" }
 */
export function verificationQuery(invoice: ReceivedInvoice): VerifyQuery {
  const query: VerifyQuery = {
    number: invoice.number,
    issueDate: invoice.issueDate,
    total: invoice.totals.total,
    amount: invoice.totals.amount,
  };
  if (invoice.checkCode) query.checkCode = invoice.checkCode;
  if (invoice.invoiceCode) query.code = invoice.invoiceCode;
  // The kind spares 乐企 a second question (it asks as 普票 first when it does not know).
  if (invoice.kind) query.kind = invoice.kind;
  return query;
}

/**
 * Verifies one received invoice.
 * @example
 * const v = await verifyInvoice(provider.verification, read.value.invoice);
 * describeVerification(v) // "differs: totals.amount"
 */
export function verifyInvoice(
  capability: VerifyCapability,
  invoice: ReceivedInvoice,
  options?: CallOptions,
): Promise<Verification> {
  return verifyElements(capability, verificationQuery(invoice), (path) => valueAt(invoice, path), options);
}

/**
 * Verifies by elements alone (a number, a date, a total typed in): `known` gives the value the caller
 * holds for a platform field, or undefined when it holds none.
 * @example
 * await verifyElements(capability, { number, issueDate: "2026-05-18", total: "4240.00" },
 *   (path) => (path === "totals.total" ? "4240.00" : undefined))
 */
export async function verifyElements(
  capability: VerifyCapability,
  query: VerifyQuery,
  known: (path: string) => string | undefined,
  options?: CallOptions,
): Promise<Verification> {
  const outcome = await capability.verify(query, options);
  if (outcome.status !== "ok") return { status: "failed", differences: [], diagnostics: outcome.diagnostics };
  const answer = outcome.value;
  if (!answer.found) return { status: "not-found", differences: [], diagnostics: [] };
  const differences = differing(known, answer.fields);
  const status: VerificationStatus =
    answer.redStatus === "full"
      ? "red-reversed"
      : answer.redStatus === "partial"
        ? "partly-red-reversed"
        : answer.state === "void" || answer.state === "abnormal"
          ? answer.state
          : differences.length > 0
            ? "differs"
            : "genuine";
  return { status, differences, platform: answer.fields, diagnostics: [] };
}

/**
 * The fields the platform returned whose values differ from the file's. Amounts compare as numbers
 * (`4449.00` is `4449`), everything else as text with surrounding spaces removed; a field the file does
 * not show is not compared.
 * @example
 * compareWithPlatform(invoice, { "totals.amount": "4197.71" }) // [{ path: "totals.amount", file: "4197.17", platform: "4197.71" }]
 */
export function compareWithPlatform(
  invoice: ReceivedInvoice,
  fields: Record<string, string>,
): FieldDifference[] {
  return differing((path) => valueAt(invoice, path), fields);
}

function differing(
  known: (path: string) => string | undefined,
  fields: Record<string, string>,
): FieldDifference[] {
  const differences: FieldDifference[] = [];
  for (const [path, platform] of Object.entries(fields)) {
    const file = known(path);
    if (file === undefined) continue;
    if (!same(path, file, platform)) differences.push({ path, file, platform });
  }
  return differences;
}

/**
 * One line for a report: the status, and for `differs` the fields.
 * @example
 * describeVerification({ status: "differs", differences: [{ path: "totals.amount", … }], diagnostics: [] }) // "differs: totals.amount"
 */
export function describeVerification(verification: Verification): string {
  if (verification.differences.length === 0) return verification.status;
  return `${verification.status}: ${verification.differences.map((d) => d.path).join(", ")}`;
}

/** The value at a dotted path with indices (`lines[0].amount`), as text; undefined when absent. */
function valueAt(invoice: ReceivedInvoice, path: string): string | undefined {
  let value: unknown = invoice;
  for (const key of path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : undefined;
}

/** Amounts, taxes, rates, quantities and prices compare as numbers; numbers, codes and ids as text. */
const NUMERIC = /^totals\.(amount|tax|total)$|\.(amount|tax|taxRate|quantity|unitPrice)$/;

function same(path: string, file: string, platform: string): boolean {
  if (!NUMERIC.test(path)) return file.trim() === platform.trim();
  const a = readDecimal(file.trim());
  const b = readDecimal(platform.trim());
  if (a.ok && b.ok) return trimDecimal(a.text) === trimDecimal(b.text);
  return file.trim() === platform.trim();
}
