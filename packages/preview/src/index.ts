/**
 * @efapiao/preview: an e-fapiao (数电票) as the issued invoice looks — from sale data, an invoice payload,
 * an issued invoice, the platform's EInvoice XML or DocBits XML. This entry is browser-safe (HTML); the
 * PDF writer, which reads the embedded font from disk, is in `@efapiao/preview/node`.
 */
export {
  type PreviewDocument,
  type ReadOptions,
  readPreviewBytes,
  readPreviewDocument,
  readPreviewOfd,
  type SourceFormat,
} from "./read.js";
export { type InvoiceView, invoiceView, percent, type RowView } from "./view.js";
export {
  type Align,
  fitSize,
  type Ink,
  INKS,
  type Item,
  type LaidPage,
  LINES_PER_PAGE,
  layoutInvoice,
  MM_PER_PT,
  PAGE,
  paginate,
  type RuleItem,
  type TextItem,
  textWidthEm,
  WATERMARK_OPACITY,
  wrapText,
} from "./layout.js";
export {
  escapeHtml,
  FONT_STACK,
  PREVIEW_CSS,
  pageSvg,
  renderInvoiceFragment,
  renderInvoiceHtml,
} from "./html.js";
