/**
 * Benchmark: mapping (toNuonuoOrder), serialising once and signing (X-Nuonuo-Sign, the URL) for Nuonuo a 20-line invoice, as a ratio to JSON.stringify of the same invoice in the same run, so
 * the figure carries across machines; batches of the two alternate, and the median of the per-round
 * ratios is reported, which keeps it steady on a busy machine. Target ≤ 3×.
 * Run with `pnpm bench` in packages/adapters/nuonuo.
 */
import { benchInvoice, ratioToBaseline } from "@efapiao/provider-utils/testing";
import { prepareNuonuoIssue } from "../src/index.js";

const invoice = benchInvoice(20);
const credentials = { appKey: "APPKEY-1", appSecret: "app-secret", accessToken: "token" };
const fixes = { nonce: "12345678", timestamp: "1779000000", senid: "SENID" };

const { ratio, baselineMicros, taskMicros } = ratioToBaseline(
  () => JSON.stringify(invoice),
  () => prepareNuonuoIssue(credentials, { requestKey: "SO-1", invoice }, fixes),
);
console.log(`JSON.stringify(invoice), the baseline: ${baselineMicros.toFixed(1)} µs`);
console.log(`map + serialise + sign: ${taskMicros.toFixed(1)} µs`);
console.log(
  `nuonuo, 20 lines: ${ratio.toFixed(2)}× JSON.stringify (target ≤ 3×) ${ratio <= 3 ? "OK" : "OVER"}`,
);
