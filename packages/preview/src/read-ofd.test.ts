/**
 * Previewing received OFDs (the real samples, read in place): the 数电票 from its page — number
 * 24112000000048542163 of 2024-05-28, 4197.17 + 251.83 = 4449.00, 肆仟肆佰肆拾玖圆整, one line
 * *信息技术服务*技术服务费 at 6% — and the legacy one through its attached original XML (the legacy
 * layout, not an issued 数电票: read as a received invoice, number 99999951).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { invoiceView, readPreviewBytes, readPreviewOfd, renderInvoiceHtml } from "./index.js";

const sample = (name: string) =>
  readFileSync(new URL(`../../../../shared/samples/ofd/${name}`, import.meta.url));

describe("previewing an OFD", () => {
  it("draws the 数电票 as its page prints it, with its number and date in the header", () => {
    const read = readPreviewBytes(sample("sdp-einvoice-customtags.ofd"));
    if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
    expect(read.value.format).toBe("ofd");
    expect(read.value.issued).toBeUndefined();
    const view = invoiceView(read.value);
    expect(view).toMatchObject({
      issued: true,
      red: false,
      number: "24112000000048542163",
      date: "2024年05月28日",
      totals: { amount: "¥4197.17", tax: "¥251.83", total: "¥4449.00", words: "⊗肆仟肆佰肆拾玖圆整" },
    });
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]).toMatchObject({
      itemName: "*信息技术服务*技术服务费",
      rate: "6%",
      amount: "4197.17",
    });
    const html = renderInvoiceHtml(read.value);
    expect(html).toContain("24112000000048542163");
    expect(html).not.toContain("预览");
  });

  it("draws the legacy e-invoice from the original XML it attaches", () => {
    const read = readPreviewOfd(sample("legacy-einvoice-with-original-xml.ofd"));
    if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
    expect(read.value.printed?.number).toBe("99999951");
    expect(invoiceView(read.value)).toMatchObject({ issued: true, number: "99999951" });
  });

  it("refuses a zip that is not an OFD with the reader's diagnostics", () => {
    // An empty zip: the end-of-central-directory record alone, after a local-file signature check.
    const notOfd = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0)]);
    const read = readPreviewBytes(notOfd);
    expect(read.ok).toBe(false);
    expect(read.diagnostics[0]?.messageEn).toBeTruthy();
  });
});
