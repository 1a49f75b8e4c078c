/**
 * HTML: each page an inline SVG in millimetres, drawn from the layout, so the preview is self-contained
 * (no scripts, no images, no web fonts), its text selectable, and it prints at the invoice's real size.
 * Browser-safe: the web app renders with it.
 */
import {
  INKS,
  type Item,
  type LaidPage,
  layoutInvoice,
  MM_PER_PT,
  PAGE,
  WATERMARK_OPACITY,
} from "./layout.js";
import type { PreviewDocument } from "./read.js";
import { type InvoiceView, invoiceView } from "./view.js";

/** The fonts asked for, in order: the ones the PDF embeds first, then common Chinese system fonts. */
export const FONT_STACK =
  '"Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML and XML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const ANCHOR = { start: "start", middle: "middle", end: "end" } as const;
const round = (n: number) => Math.round(n * 100) / 100;

function svgItem(item: Item): string {
  const ink = INKS[item.ink];
  if (item.kind === "rule") {
    return `<line x1="${round(item.x1)}" y1="${round(item.y1)}" x2="${round(item.x2)}" y2="${round(item.y2)}" stroke="${ink.hex}" stroke-width="${item.width}"/>`;
  }
  const rotate = item.rotate
    ? ` transform="rotate(${-item.rotate} ${round(item.x)} ${round(item.y)})" opacity="${WATERMARK_OPACITY}"`
    : "";
  return `<text x="${round(item.x)}" y="${round(item.y)}" font-size="${round(item.size * MM_PER_PT)}" text-anchor="${ANCHOR[item.align]}" fill="${ink.hex}"${rotate}>${escapeHtml(item.text)}</text>`;
}

/** One page as an SVG element, 210 × 140 mm. */
export function pageSvg(page: LaidPage): string {
  return `<svg class="efapiao-page" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${PAGE.width} ${PAGE.height}" width="${PAGE.width}mm" height="${PAGE.height}mm">${page.items.map(svgItem).join("")}</svg>`;
}

/** The style the pages need, for embedding them in a page of one's own. */
export const PREVIEW_CSS = `.efapiao-invoice{display:flex;flex-direction:column;gap:6mm;align-items:center}
.efapiao-page{background:#fff;font-family:${FONT_STACK};white-space:pre;box-shadow:0 1px 4px rgba(0,0,0,.25);max-width:100%;height:auto}
@media print{@page{size:210mm 140mm;margin:0}body{margin:0;background:#fff}.efapiao-invoice{gap:0}
.efapiao-page{box-shadow:none;break-after:page;max-width:none;height:140mm}}`;

/**
 * The pages of an invoice as an HTML fragment (a `div.efapiao-invoice` of SVG pages); style it with
 * {@link PREVIEW_CSS}.
 * @example
 * element.innerHTML = `<style>${PREVIEW_CSS}</style>${renderInvoiceFragment(doc)}`;
 */
export function renderInvoiceFragment(document: PreviewDocument | InvoiceView): string {
  const view = "rows" in document ? document : invoiceView(document);
  return `<div class="efapiao-invoice" lang="zh-CN">${layoutInvoice(view).map(pageSvg).join("")}</div>`;
}

/**
 * A complete, self-contained HTML document previewing the invoice (print CSS: one invoice page per sheet).
 * @example
 * const read = readPreviewDocument(text);
 * if (read.ok) writeFileSync("invoice.html", renderInvoiceHtml(read.value));
 */
export function renderInvoiceHtml(document: PreviewDocument): string {
  const view = invoiceView(document);
  const title = `${view.title}${view.issued ? ` ${view.number ?? ""}` : "（预览 / preview）"}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{margin:0;padding:6mm 0;background:#eee}${PREVIEW_CSS}</style>
</head>
<body>
${renderInvoiceFragment(view)}
</body>
</html>
`;
}
