import { negateInvoice } from "@efapiao/calc";
import { writeDocbitsXml } from "@efapiao/docbits-xml";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mofWithRefundLine, read, saleText, saleWithLines, sampleText } from "../test/helpers.js";
import {
  invoiceView,
  LINES_PER_PAGE,
  layoutInvoice,
  percent,
  readPreviewDocument,
  renderInvoiceFragment,
  renderInvoiceHtml,
  type TextItem,
  wrapText,
} from "./index.js";

const texts = (items: { kind: string }[]) =>
  items.filter((i): i is TextItem => i.kind === "text").map((i) => i.text);

describe("reading every input the preview accepts", () => {
  it("builds sale data first: 100000.00 at 6% is 6000.00 tax, 106000.00 in all", () => {
    const doc = read(saleText());
    expect(doc.format).toBe("sale");
    const view = invoiceView(doc);
    expect(view.title).toBe("电子发票（增值税专用发票）");
    expect(view.issued).toBe(false);
    expect(view.rows).toEqual([
      {
        itemName: "*信息技术服务*软件开发",
        spec: "V2",
        unit: "项",
        quantity: "1",
        unitPrice: "100000",
        amount: "100000.00",
        rate: "6%",
        tax: "6000.00",
      },
    ]);
    expect(view.totals).toEqual({
      amount: "¥100000.00",
      tax: "¥6000.00",
      total: "¥106000.00",
      words: "⊗壹拾万陆仟圆整",
    });
    expect(view.remarks[0]).toBe("合同号 HT-2026-0518");
    expect(view.drawer).toBe("张伟");
  });

  it("reads the platform's XML as issued: number, date, the file's own figures", () => {
    const doc = read(sampleText("gd-special-1pct-inclusive.xml"));
    expect(doc.format).toBe("sta-xml");
    const view = invoiceView(doc);
    expect(view).toMatchObject({ issued: true, number: "01234567890123456789", date: "2024年01月24日" });
    expect(view.rows[0]).toMatchObject({ unitPrice: "15841.5841584158", rate: "1%", tax: "158.42" });
    expect(view.totals).toEqual({
      amount: "¥15841.58",
      tax: "¥158.42",
      total: "¥16000.00",
      words: "⊗壹万陆仟圆整",
    });
  });

  it("shows a negative refund line of a platform XML and the file's totals", () => {
    const view = invoiceView(read(mofWithRefundLine()));
    expect(view.rows.map((r) => [r.itemName, r.amount, r.tax])).toEqual([
      ["*人力资源服务*劳务", "2.00", "0.12"],
      ["*人力资源服务*劳务", "-1.00", "-0.06"],
    ]);
    expect(view.totals).toEqual({ amount: "¥1.00", tax: "¥0.06", total: "¥1.06", words: "⊗壹圆零陆分" });
    const html = renderInvoiceHtml(read(mofWithRefundLine()));
    for (const shown of ["-1.00", "-0.06", "¥1.06", "⊗壹圆零陆分", "23440000000000100001"]) {
      expect(html).toContain(shown);
    }
  });

  it("reads DocBits XML and a canonical invoice to the same figures", () => {
    const invoice = read(saleText()).invoice;
    const docbits = writeDocbitsXml(invoice);
    if (!docbits.ok) throw new Error("DocBits writer rejected the invoice");
    const fromDocbits = read(docbits.value);
    expect(fromDocbits.format).toBe("docbits-xml");
    expect(fromDocbits.invoice.totals).toEqual(invoice.totals);
    const fromPayload = read(JSON.stringify(invoice));
    expect(fromPayload.format).toBe("invoice");
    expect(invoiceView(fromPayload)).toEqual(invoiceView(read(saleText())));
  });

  it("rejects bad input with the offending path, never a throw", () => {
    const sale = JSON.parse(saleText());
    sale.lines[0].amount = "十万";
    const bad = readPreviewDocument(JSON.stringify(sale));
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => d.path)).toContain("lines[0].amount");
    for (const d of bad.diagnostics) expect(d.message && d.messageEn).toBeTruthy();

    const unknown = readPreviewDocument("hello");
    expect(unknown).toMatchObject({ ok: false, diagnostics: [{ rule: "PREVIEW_UNKNOWN_FORMAT", path: "" }] });
    expect(readPreviewDocument("<EInvoice><Header>").ok).toBe(false);
    expect(readPreviewDocument('{"kind": "special",').ok).toBe(false);
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.json(), fc.constantFrom("<", "<?xml", "{}", "[]", "null")),
        (text) => {
          const result = readPreviewDocument(text);
          if (result.ok) renderInvoiceHtml(result.value);
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("what the invoice prints", () => {
  it("titles a general invoice as such", () => {
    const sale = JSON.parse(saleText());
    sale.kind = "general";
    expect(invoiceView(read(JSON.stringify(sale))).title).toBe("电子发票（普通发票）");
  });

  it("prints rates as percentages and 免税 / 不征税 with *** tax", () => {
    expect(percent("0.06")).toBe("6%");
    expect(percent("0.015")).toBe("1.5%");
    expect(percent("0")).toBe("0%");
    const sale = JSON.parse(saleText());
    sale.lines[0] = { ...sale.lines[0], taxRate: "0", policy: "03" };
    const row = invoiceView(read(JSON.stringify(sale))).rows[0]!;
    expect([row.rate, row.tax]).toEqual(["免税", "***"]);
  });

  it("marks a red invoice and prints its negative amounts", () => {
    const blue = read(saleText()).invoice;
    const red = { invoice: negateInvoice(blue), format: "invoice" as const };
    const view = invoiceView(red);
    expect(view.red).toBe(true);
    expect(view.totals.total).toBe("¥-106000.00");
    expect(view.totals.words).toBe("⊗（负数）壹拾万陆仟圆整");
    const html = renderInvoiceHtml(red);
    expect(html).toContain("红字发票");
    expect(html).toContain("-100000.00");
  });

  it("marks anything not issued as a preview, and an issued invoice not", () => {
    expect(renderInvoiceHtml(read(saleText()))).toContain("预览 PREVIEW");
    const issued = renderInvoiceHtml(read(sampleText("mof-official-special.xml")));
    expect(issued).not.toContain("预览");
    expect(issued).toContain("发票号码");
    expect(issued).toContain("2023年02月23日");
  });

  it("escapes whatever the input says", () => {
    const sale = JSON.parse(saleText());
    sale.remarks = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const html = renderInvoiceFragment(read(JSON.stringify(sale)));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img");
  });
});

describe("pages", () => {
  it("continues a long table on further pages, totals on the last", () => {
    const view = invoiceView(read(saleWithLines(20)));
    const pages = layoutInvoice(view);
    // 20 lines; every fifth name (rows 4, 9, 14, 19) takes 3 lines of 17.6 em (49.8 mm at 8 pt), the
    // others 1; 9 lines a page: rows 0–6 (1+1+1+1+3+1+1), 7–13 (1+1+3+1+1+1+1), 14–18 (3+1+1+1+1), 19.
    expect(pages.length).toBe(4);
    pages.forEach((page, i) => {
      const shown = texts(page.items);
      expect(shown).toContain(`共${pages.length}页 第${i + 1}页`);
      expect(shown).toContain("电子发票（增值税专用发票）");
      const last = i === pages.length - 1;
      expect(shown.includes("¥21200.00")).toBe(last);
      expect(shown.includes("（续下页 / continued）")).toBe(!last);
    });
    // Every line is printed once: 20 amounts of 1000.00.
    const amounts = pages.flatMap((p) => texts(p.items)).filter((t) => t === "1000.00");
    expect(amounts).toHaveLength(20);
    expect(view.totals.total).toBe("¥21200.00"); // 20 × 1000.00 × 1.06
  });

  it("keeps a page within its lines", () => {
    for (const page of layoutInvoice(invoiceView(read(saleWithLines(30))))) {
      const rows = page.items.filter(
        (i): i is TextItem => i.kind === "text" && !i.rotate && i.y >= 59 && i.y < 92,
      );
      const baselines = new Set(rows.map((r) => r.y));
      expect(baselines.size).toBeLessThanOrEqual(LINES_PER_PAGE);
    }
  });

  it("wraps text without losing a character", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 5, max: 200 }), (text, width) => {
        const lines = wrapText(text, width, 8);
        return lines.join("") === text && lines.every((l, i) => l !== "" || (i === 0 && text === ""));
      }),
    );
  });
});
