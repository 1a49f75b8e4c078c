import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mofWithRefundLine, read, saleText, saleWithLines, sampleText } from "../../test/helpers.js";
import { renderInvoicePdf } from "./index.js";

// poppler-utils reads the PDFs back; scripts/browser-deps.sh installs it (scripts/test.sh runs it first).
const dir = mkdtempSync(join(tmpdir(), "efapiao-preview-"));
async function pdfOf(text: string, name: string): Promise<{ path: string; size: number }> {
  const bytes = await renderInvoicePdf(read(text));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, size: bytes.length };
}
const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: "utf8" });

describe("the PDF", () => {
  it("gives back the seed example's text: parties, item, figures, capitals, remarks, drawer", async () => {
    const { path, size } = await pdfOf(saleText(), "sale.pdf");
    const text = poppler("pdftotext", "-enc", "UTF-8", path, "-");
    for (const expected of [
      "北京采购贸易有限公司",
      "91110108MA00ABCD1U",
      "上海示例科技有限公司",
      "91310115MA1K3XY874",
      "*信息技术服务*软件开发",
      "6000.00",
      "106000.00",
      "壹拾万陆仟圆整",
      "合同号 HT-2026-0518",
      "开票人：张伟",
      "电子发票（增值税专用发票）",
      "预览",
    ]) {
      expect(text).toContain(expected);
    }
    expect(size).toBeLessThan(2 * 1024 * 1024);
  });

  it("embeds every font, as a subset", async () => {
    const { path } = await pdfOf(saleText(), "fonts.pdf");
    const rows = poppler("pdffonts", path).trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name, type (may hold a space), encoding, emb, sub, uni, object ID (two numbers)
      const fields = row.split(/\s+/);
      expect(fields[0]).toMatch(/^[A-Z]{6}\+NotoSansSC-Regular$/);
      expect(fields.slice(-5, -2)).toEqual(["yes", "yes", "yes"]);
    }
  });

  it("prints an issued platform XML with its refund line and the file's totals", async () => {
    const { path } = await pdfOf(mofWithRefundLine(), "refund.pdf");
    const text = poppler("pdftotext", "-layout", "-enc", "UTF-8", path, "-");
    expect(text).toContain("23440000000000100001");
    expect(text).toContain("-1.00");
    expect(text).toContain("-0.06");
    expect(text).toContain("¥1.06");
    expect(text).toContain("壹圆零陆分");
    expect(text).not.toContain("预览");
  });

  it("continues a long table on further pages", async () => {
    const { path } = await pdfOf(saleWithLines(20), "long.pdf");
    expect(poppler("pdfinfo", path)).toMatch(/^Pages:\s+4$/m);
    const last = poppler("pdftotext", "-f", "4", "-l", "4", "-enc", "UTF-8", path, "-");
    expect(last).toContain("共4页 第4页");
    expect(last).toContain("21200.00");
  });

  it("is the same bytes for the same invoice", async () => {
    const doc = read(sampleText("gd-special-1pct-inclusive.xml"));
    expect(Buffer.from(await renderInvoicePdf(doc)).equals(Buffer.from(await renderInvoicePdf(doc)))).toBe(
      true,
    );
  });
});
