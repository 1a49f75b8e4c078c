/**
 * What the app shows for an input: the built invoice's preview and totals, and every diagnostic — from
 * reading/building and from the rule packs — with the range of the input it points at. Pure (no DOM), so
 * the same function is tested in Node and run in the page.
 */
import { type Diagnostic, toInvoice } from "@efapiao/model";
import {
  invoiceView,
  type PreviewDocument,
  readPreviewDocument,
  renderInvoiceFragment,
} from "@efapiao/preview";
import { type Pack, validate } from "@efapiao/rules";
import { jsonTree, lineColumn, type Range, rangeOfPath } from "./positions.js";

export interface Located extends Diagnostic {
  range?: Range;
  line?: number;
  column?: number;
}

export interface Analysis {
  /** The preview's HTML (SVG pages), when the input could be read. */
  html?: string;
  totals?: { amount: string; tax: string; total: string; words: string };
  format?: PreviewDocument["format"];
  diagnostics: Located[];
}

/**
 * Reads, builds, validates and renders one input.
 * @example
 * const a = analyzeInput(text, { packs: [standard], today: "2026-05-18" });
 * a.diagnostics[0] // { path: "buyer.taxId", range: { start: 301, end: 331 }, line: 13, … }
 */
export function analyzeInput(text: string, options: { packs: Pack[]; today?: string }): Analysis {
  if (text.trim() === "") return { diagnostics: [] };
  const isJson = /^\uFEFF?\s*[{[]/.test(text);
  const parsed = isJson ? jsonTree(text) : {};
  if (parsed.error) {
    const { start, end, code } = parsed.error;
    const at = lineColumn(text, start);
    return {
      diagnostics: [
        {
          rule: "JSON_SYNTAX",
          severity: "error",
          path: "",
          message: `JSON 语法错误（${code}），第 ${at.line} 行第 ${at.column} 列`,
          messageEn: `JSON syntax error (${code}) at line ${at.line}, column ${at.column}`,
          range: { start, end },
          ...at,
        },
      ],
    };
  }
  const locate = (d: Diagnostic): Located => {
    const range = isJson ? rangeOfPath(parsed.tree, d.path) : undefined;
    return range ? { ...d, range, ...lineColumn(text, range.start) } : d;
  };
  const read = readPreviewDocument(text, { today: options.today });
  if (!read.ok) return { diagnostics: read.diagnostics.map(locate) };

  const doc = read.value;
  // The rules check what the user wrote: the sale as given, or the invoice read from a file.
  const checked: unknown = doc.issued
    ? toInvoice(doc.issued)
    : doc.format === "docbits-xml"
      ? doc.invoice
      : JSON.parse(text);
  const validation = validate(checked, { packs: options.packs, today: options.today });
  const view = invoiceView(doc);
  return {
    html: renderInvoiceFragment(view),
    totals: view.totals,
    format: doc.format,
    diagnostics: [...read.diagnostics, ...validation.diagnostics].map(locate),
  };
}
