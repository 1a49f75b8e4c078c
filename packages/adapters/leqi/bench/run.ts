/**
 * Benchmark: mapping (toLeqiInvoice), serialising once and encrypting (SM4-ECB, base64) for 乐企 a 20-line
 * invoice, as a ratio to JSON.stringify of the same invoice in the same run, so the figure carries across
 * machines; batches of the two alternate, and the median of the per-round ratios is reported, which keeps
 * it steady on a busy machine. Target ≤ 3×.
 *
 * The cipher alone is measured too, on the request's own plaintext bytes: Node's built-in `sm4-ecb`
 * (OpenSSL's software SM4; the project adds no crypto package) costs more than 3× JSON.stringify by
 * itself, so the ≤ 3× target cannot be met for 乐企 whatever the mapping does. The mapping and
 * serialisation are therefore reported on their own against the same target, and the total as it is.
 * Run with `pnpm bench` in packages/adapters/leqi.
 */
import { benchInvoice, ratioToBaseline } from "@efapiao/provider-utils/testing";
import { stringifyJson } from "@efapiao/provider-utils";
import { prepareLeqiIssue, sm4Encrypt, toLeqiInvoice } from "../src/index.js";

const invoice = benchInvoice(20);
const credentials = {
  sm4Key: "0123456789abcdeffedcba9876543210",
  jrdwptbh: "P0001",
  sydwptbh: "P0002",
  nlbm: "NL01",
};
const fixes = { number: "26312000000012345678", time: "10:21:07" };
const request = { requestKey: "SO-1", invoice };
const baseline = () => JSON.stringify(invoice);
const mapOptions = { ...fixes, platformNumber: credentials.jrdwptbh };
const plaintext = stringifyJson([toLeqiInvoice(request, mapOptions)]);

const total = ratioToBaseline(baseline, () => prepareLeqiIssue(credentials, request, fixes));
const mapping = ratioToBaseline(baseline, () => stringifyJson([toLeqiInvoice(request, mapOptions)]));
const cipher = ratioToBaseline(baseline, () => sm4Encrypt(credentials.sm4Key, plaintext));

const verdict = (ratio: number) => (ratio <= 3 ? "OK" : "OVER");
console.log(`JSON.stringify(invoice), the baseline: ${total.baselineMicros.toFixed(1)} µs`);
console.log(
  `map + serialise: ${mapping.taskMicros.toFixed(1)} µs = ${mapping.ratio.toFixed(2)}× (target ≤ 3×) ${verdict(mapping.ratio)}`,
);
console.log(
  `SM4-ECB + base64 alone (${Buffer.byteLength(plaintext)} bytes, Node's built-in sm4-ecb): ${cipher.taskMicros.toFixed(1)} µs = ${cipher.ratio.toFixed(2)}×`,
);
console.log(
  `leqi, 20 lines, map + serialise + encrypt: ${total.ratio.toFixed(2)}× JSON.stringify (target ≤ 3×) ${verdict(total.ratio)}` +
    (cipher.ratio > 3 ? " — out of reach: the cipher alone is over 3×" : ""),
);
