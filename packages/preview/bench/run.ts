/**
 * Benchmark: the HTML and PDF preview of a 20-line invoice (built beforehand: this times rendering only),
 * next to JSON.stringify of the same invoice in the same run, so the figures carry across machines as
 * ratios. Run with `pnpm bench` in packages/preview.
 *
 * Targets: HTML ≤ 1 ms; PDF ≤ 300 ms (after the first PDF of the process, which reads the 10 MB font).
 */
import { loadavg } from "node:os";
import { Bench } from "tinybench";
import { read, saleWithLines } from "../test/helpers.js";
import { renderInvoiceHtml } from "../src/index.js";
import { renderInvoicePdf } from "../src/node/index.js";

const doc = read(saleWithLines(20));
await renderInvoicePdf(doc); // the font file is read once per process

const bench = new Bench({ time: 3000, warmupTime: 1000 });
bench
  .add("JSON.stringify 20-line invoice", () => JSON.stringify(doc.invoice))
  .add("HTML preview, 20 lines", () => renderInvoiceHtml(doc))
  .add("PDF preview, 20 lines", async () => {
    await renderInvoicePdf(doc);
  });
await bench.run();

const stat = (name: string) => {
  const result = bench.getTask(name)?.result;
  if (!result || !("latency" in result)) throw new Error(`no result for ${name}`);
  return { p50: result.latency.p50 ?? result.latency.mean, p99: result.latency.p99 ?? result.latency.max };
};
const show = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const base = stat("JSON.stringify 20-line invoice").p50;
const html = stat("HTML preview, 20 lines");
const pdf = stat("PDF preview, 20 lines");
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
console.log(`node ${process.version}, ${process.platform}/${process.arch}, load average ${load}`);
console.log("| task | median | p99 | × JSON.stringify | target |");
console.log("|---|---|---|---|---|");
console.log(`| JSON.stringify 20-line invoice | ${show(base)} | | 1 | |`);
console.log(
  `| HTML preview, 20 lines | ${show(html.p50)} | ${show(html.p99)} | ${(html.p50 / base).toFixed(0)} | ≤ 1 ms ${html.p50 <= 1 ? "✓" : "✗"} |`,
);
console.log(
  `| PDF preview, 20 lines | ${show(pdf.p50)} | ${show(pdf.p99)} | ${(pdf.p50 / base).toFixed(0)} | ≤ 300 ms ${pdf.p50 <= 300 ? "✓" : "✗"} |`,
);
