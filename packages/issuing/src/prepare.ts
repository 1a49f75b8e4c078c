/**
 * A document (a sale or an invoice payload, possibly carrying a `requestKey`) → the invoice to issue, its
 * request key and its content hash — or the reasons it is refused. Nothing is stored or sent for a refused
 * document.
 */
import { createHash } from "node:crypto";
import { buildInvoice } from "@efapiao/calc";
import {
  type Diagnostic,
  error,
  type Invoice,
  InvoiceSchema,
  parseSale,
  type Result,
  zodIssuesToDiagnostics,
} from "@efapiao/model";
import type { CodeTable } from "@efapiao/tables";

/** Runs rule packs on a document (a sale or an invoice): `createValidator` of @efapiao/rules fits. */
export type Check = (document: unknown) => { diagnostics: Diagnostic[] };

export interface PreparedDocument {
  requestKey: string;
  /** sha256 (hex) of the document's canonical JSON without its requestKey. */
  contentHash: string;
  invoice: Invoice;
  /** Warnings and notes of the rules (errors refuse the document). */
  diagnostics: Diagnostic[];
}

/** 1–40 of A–Z a–z 0–9 - _ (contracts.md §4). */
export const REQUEST_KEY = /^[A-Za-z0-9_-]{1,40}$/;

export interface PrepareOptions {
  codes: CodeTable;
  check: Check;
}

/**
 * Checks one document and works out what to issue.
 * @example
 * const prepared = prepareDocument(JSON.parse(text), { codes, check: createValidator({ packs: [standard], codes }) });
 * if (prepared.ok) prepared.value.requestKey; // its own requestKey, or one derived from the content
 */
export function prepareDocument(document: unknown, options: PrepareOptions): Result<PreparedDocument> {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return refused([
      error("ISSUE_DOCUMENT", "", {
        zh: "文档应为 JSON 对象（销售单据或发票）",
        en: "A document must be a JSON object (a sale or an invoice)",
      }),
    ]);
  }
  const { requestKey: givenKey, ...content } = document as Record<string, unknown>;
  if (givenKey !== undefined && (typeof givenKey !== "string" || !REQUEST_KEY.test(givenKey))) {
    return refused([
      error("ISSUE_REQUEST_KEY", "requestKey", {
        zh: "requestKey 应为 1–40 个字母、数字、- 或 _",
        en: "requestKey must be 1–40 of A–Z a–z 0–9 - _",
      }),
    ]);
  }
  const contentHash = hashContent(content);
  const built = isInvoice(content) ? parseInvoice(content) : buildFromSale(content, options);
  if (!built.ok) return built;
  const diagnostics = withoutRepeats([...built.diagnostics, ...options.check(built.value).diagnostics]);
  if (diagnostics.some((d) => d.severity === "error")) return refused(diagnostics);
  return {
    ok: true,
    value: {
      requestKey: (givenKey as string | undefined) ?? derivedKey(contentHash),
      contentHash,
      invoice: built.value,
      diagnostics,
    },
    diagnostics,
  };
}

/** The key of a document without one: derived from its content, so the same document gets the same key. */
export function derivedKey(contentHash: string): string {
  return contentHash.slice(0, 32);
}

/** sha256 of the canonical JSON (object keys sorted) of a value. */
export function hashContent(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

/** JSON with object keys in sorted order, so that equal content has equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function buildFromSale(content: Record<string, unknown>, options: PrepareOptions): Result<Invoice> {
  const sale = parseSale(content);
  if (!sale.ok) return sale;
  // Rules written for the sale as entered (e.g. a special invoice needs the buyer's tax id) run on it too.
  const onSale = options.check(sale.value).diagnostics;
  if (onSale.some((d) => d.severity === "error")) return refused(onSale);
  const built = buildInvoice(sale.value, { codes: options.codes });
  if (!built.ok) return built;
  return { ok: true, value: built.value, diagnostics: [...onSale, ...built.diagnostics] };
}

function parseInvoice(content: Record<string, unknown>): Result<Invoice> {
  const parsed = InvoiceSchema.safeParse(content);
  if (parsed.success) return { ok: true, value: parsed.data, diagnostics: [] };
  return refused(zodIssuesToDiagnostics(parsed.error.issues, "INVOICE"));
}

/** Totals or a kind code make an invoice payload; anything else is read as a sale. */
function isInvoice(content: Record<string, unknown>): boolean {
  return "totals" in content || "kindCode" in content;
}

function withoutRepeats(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.rule}\u0000${d.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function refused<T>(diagnostics: Diagnostic[]): Result<T> {
  return { ok: false, diagnostics };
}
