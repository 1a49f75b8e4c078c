/**
 * @efapiao/preview/node: the parts that need Node — the PDF writer, which reads the embedded font from disk.
 */
export { renderInvoicePdf } from "./pdf.js";
export { FONT_NAME, fontBytes } from "./font.js";
