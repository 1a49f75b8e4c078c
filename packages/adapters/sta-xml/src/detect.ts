/**
 * Which kind of document a text is, from its first characters only: JSON, the platform's EInvoice XML,
 * DocBits fapiao XML. Cheap and bounded, so `convert` and `validate` can route any input before reading it.
 */

export type DocumentFormat = "sta-xml" | "docbits-xml" | "json" | "unknown";

/** The DocBits fapiao namespace. */
export const DOCBITS_NAMESPACE = "urn:china:tax:fapiao:1.0";

/** How far into the text to look for the root element (past a declaration and comments). */
const HEAD = 64 * 1024;

/**
 * @example
 * detectDocumentFormat('<?xml version="1.0"?><EInvoice>…')                  // "sta-xml"
 * detectDocumentFormat('<fapiao xmlns="urn:china:tax:fapiao:1.0" …>')      // "docbits-xml"
 * detectDocumentFormat('{"kind": "special", …}')                          // "json"
 */
export function detectDocumentFormat(text: string): DocumentFormat {
  const head = text
    .slice(0, HEAD)
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (head.startsWith("{") || head.startsWith("[")) return "json";
  if (!head.startsWith("<")) return "unknown";
  // Skip the declaration, processing instructions, comments and a DOCTYPE before the root element (a
  // DOCTYPE is then refused by the reader, with the reason, rather than passed off as "unknown").
  const withoutProlog = head.replace(
    /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)*/,
    "",
  );
  const root = /^<([\p{L}_][\p{L}\p{N}_.-]*:)?([\p{L}_][\p{L}\p{N}_.-]*)/u.exec(withoutProlog);
  if (!root) return "unknown";
  if (root[2] === "EInvoice") return "sta-xml";
  if (root[2] === "fapiao" || withoutProlog.slice(0, 512).includes(DOCBITS_NAMESPACE)) return "docbits-xml";
  return "unknown";
}
