/**
 * PDF: the same layout as the HTML, drawn with pdfkit at the invoice's real size (210 × 140 mm), text in
 * an embedded subset of Noto Sans SC so that it is real, selectable and extractable (`pdftotext` gives the
 * Chinese back). Output is deterministic for the same invoice (fixed dates; pdfkit's subset tag follows
 * the font's id in the document).
 */
import PDFDocument from "pdfkit";
import { INKS, type LaidPage, layoutInvoice, PAGE, WATERMARK_OPACITY } from "../layout.js";
import type { PreviewDocument } from "../read.js";
import { invoiceView } from "../view.js";
import { fontBytes } from "./font.js";

const PT_PER_MM = 72 / 25.4;
/** A fixed creation date keeps the bytes of a PDF the same for the same invoice. */
const EPOCH = new Date("2000-01-01T00:00:00Z");
const FONT = "invoice";
const NO_FEATURES: PDFKit.Mixins.TextOptions = { features: [] };

/**
 * Writes the invoice as a PDF.
 * @example
 * const read = readPreviewDocument(text);
 * if (read.ok) await writeFile("invoice.pdf", await renderInvoicePdf(read.value));
 */
export async function renderInvoicePdf(document: PreviewDocument): Promise<Uint8Array> {
  const view = invoiceView(document);
  const pages = layoutInvoice(view);
  const font = await fontBytes();
  const pdf = new PDFDocument({
    size: [PAGE.width * PT_PER_MM, PAGE.height * PT_PER_MM],
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: `${view.title}${view.number ? ` ${view.number}` : "（预览 / preview）"}`,
      Creator: "efapiao",
      Producer: "efapiao (@efapiao/preview, pdfkit)",
      CreationDate: EPOCH,
      ModDate: EPOCH,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    pdf.on("end", resolve);
    pdf.on("error", reject);
  });
  pdf.registerFont(FONT, font);
  for (const page of pages) drawPage(pdf, page);
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function drawPage(pdf: PDFKit.PDFDocument, laid: LaidPage): void {
  pdf.addPage();
  pdf.font(FONT);
  const pt = (mm: number) => mm * PT_PER_MM;
  for (const item of laid.items) {
    const ink = INKS[item.ink].hex;
    if (item.kind === "rule") {
      pdf.moveTo(pt(item.x1), pt(item.y1)).lineTo(pt(item.x2), pt(item.y2));
      pdf.lineWidth(pt(item.width)).strokeColor(ink).stroke();
      continue;
    }
    pdf.fontSize(item.size).fillColor(ink);
    const width = pdf.widthOfString(item.text, NO_FEATURES);
    const shift = item.align === "start" ? 0 : item.align === "middle" ? width / 2 : width;
    // No OpenType features: the invoice needs no shaping, and applying the CJK font's GSUB/GPOS costs ~100 ms.
    const options: PDFKit.Mixins.TextOptions = { lineBreak: false, baseline: "alphabetic", features: [] };
    if (item.rotate) {
      // On paper a positive angle turns counter-clockwise; pdfkit's y axis points down.
      pdf
        .save()
        .rotate(-item.rotate, { origin: [pt(item.x), pt(item.y)] })
        .fillOpacity(WATERMARK_OPACITY);
      pdf.text(item.text, pt(item.x) - shift, pt(item.y), options);
      pdf.restore();
    } else {
      pdf.text(item.text, pt(item.x) - shift, pt(item.y), options);
    }
  }
}
