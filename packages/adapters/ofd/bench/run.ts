/**
 * Benchmark: readOfd on the two real OFD invoices (read in place from ../shared), next to two baselines in
 * the same run — JSON.parse of the canonical JSON it produces, and unzipping the file alone (fflate, every
 * entry) — so the figures carry across machines as ratios. Run with `pnpm bench` in packages/adapters/ofd.
 *
 * Wall-clock time per read, tinybench's mean and median; processor time beside it. Target: a one-page OFD
 * invoice read in ≤ 2 ms.
 */
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { Bench } from "tinybench";
import { readOfd } from "../src/index.js";

const samples = new URL("../../../../../shared/samples/ofd/", import.meta.url);
const cases = ["sdp-einvoice-customtags.ofd", "legacy-einvoice-with-original-xml.ofd"].map((name) => {
  const bytes = readFileSync(new URL(name, samples));
  const read = readOfd(bytes);
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
  return { name, bytes, json: JSON.stringify(read.value.invoice) };
});

const bench = new Bench({ time: 1500, warmupTime: 300 });
for (const c of cases) {
  bench
    .add(`JSON.parse ${c.name}`, () => JSON.parse(c.json))
    .add(`unzip ${c.name}`, () => unzipSync(c.bytes))
    .add(`readOfd ${c.name}`, () => readOfd(c.bytes));
}
await bench.run();

const latency = (name: string): { mean: number; median: number } => {
  const result = bench.getTask(name)?.result;
  if (!result || !("latency" in result)) throw new Error(`no result for ${name}`);
  return { mean: result.latency.mean, median: result.latency.p50 ?? result.latency.mean };
};
const show = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

/**
 * Processor time per call (user + system, process.cpuUsage): on a machine shared with other work, wall
 * time counts the waits for a core too; processor time counts only the reading.
 */
function cpuTime(run: () => unknown, times: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / times;
}

const load = (await import("node:os")).loadavg()[0]!.toFixed(1);
console.log(`node ${process.version}, ${process.platform}/${process.arch}, load average ${load}`);
console.log(
  "| file | size | JSON.parse of its canonical JSON | unzip alone | readOfd wall, mean | readOfd wall, median | ratio to JSON.parse | ratio to unzip | readOfd processor time |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
let slowest = 0;
for (const c of cases) {
  const base = latency(`JSON.parse ${c.name}`).median;
  const unzip = latency(`unzip ${c.name}`).median;
  const read = latency(`readOfd ${c.name}`);
  const readCpu = cpuTime(() => readOfd(c.bytes), 500);
  slowest = Math.max(slowest, read.mean, read.median);
  console.log(
    `| ${c.name} | ${(c.bytes.length / 1024).toFixed(1)} KiB | ${show(base)} | ${show(unzip)} | ${show(read.mean)} | ${show(read.median)} | ${(read.median / base).toFixed(0)}× | ${(read.median / unzip).toFixed(1)}× | ${show(readCpu)} |`,
  );
}
console.log(`\nslowest readOfd (mean or median wall time): ${show(slowest)} (target ≤ 2 ms)`);
