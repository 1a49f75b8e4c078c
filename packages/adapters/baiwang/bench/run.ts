/**
 * Benchmark: mapping (toBaiwangInvoice), serialising once with exact number literals and signing (MD5, the URL) for 百望 a 20-line invoice, as a ratio to JSON.stringify of the same invoice in the same run, so
 * the figure carries across machines; batches of the two alternate, and the median of the per-round
 * ratios is reported, which keeps it steady on a busy machine. Target ≤ 3×.
 * Run with `pnpm bench` in packages/adapters/baiwang.
 */
import { benchInvoice, ratioToBaseline } from "@efapiao/provider-utils/testing";
import { prepareBaiwangIssue } from "../src/index.js";

const invoice = benchInvoice(20);
const credentials = { appKey: "10001234", appSecret: "app-secret", token: "token" };
const fixes = { timestamp: "1779000000000", requestId: "req-1" };

const { ratio, baselineMicros, taskMicros } = ratioToBaseline(
  () => JSON.stringify(invoice),
  () => prepareBaiwangIssue(credentials, { requestKey: "SO-1", invoice }, fixes),
);
console.log(`JSON.stringify(invoice), the baseline: ${baselineMicros.toFixed(1)} µs`);
console.log(`map + serialise + sign: ${taskMicros.toFixed(1)} µs`);
console.log(
  `baiwang, 20 lines: ${ratio.toFixed(2)}× JSON.stringify (target ≤ 3×) ${ratio <= 3 ? "OK" : "OVER"}`,
);
