/**
 * Benchmark: mapping (toLeqiInvoice), serialising once and encrypting (SM4-ECB, base64) for 乐企 a 20-line invoice, as a ratio to JSON.stringify of the same invoice in the same run, so
 * the figure carries across machines; batches of the two alternate, and the median of the per-round
 * ratios is reported, which keeps it steady on a busy machine. Target ≤ 3×.
 * Run with `pnpm bench` in packages/adapters/leqi.
 */
import { benchInvoice, ratioToBaseline } from "@efapiao/provider-utils/testing";
import { prepareLeqiIssue } from "../src/index.js";

const invoice = benchInvoice(20);
const credentials = {
  sm4Key: "0123456789abcdeffedcba9876543210",
  jrdwptbh: "P0001",
  sydwptbh: "P0002",
  nlbm: "NL01",
};
const fixes = { number: "26312000000012345678", time: "10:21:07" };

const { ratio, baselineMicros, taskMicros } = ratioToBaseline(
  () => JSON.stringify(invoice),
  () => prepareLeqiIssue(credentials, { requestKey: "SO-1", invoice }, fixes),
);
console.log(`JSON.stringify(invoice), the baseline: ${baselineMicros.toFixed(1)} µs`);
console.log(`map + serialise + encrypt: ${taskMicros.toFixed(1)} µs`);
console.log(
  `leqi, 20 lines: ${ratio.toFixed(2)}× JSON.stringify (target ≤ 3×) ${ratio <= 3 ? "OK" : "OVER"}`,
);
