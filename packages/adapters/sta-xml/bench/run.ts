/**
 * Benchmark: parseStaXml on each real sample (read in place from ../shared) and on a 2,000-line file
 * written from the gd sample, next to fast-xml-parser's raw parse of the same text (default options:
 * no guard, no model) in the same run, so the figures carry across machines as ratios. Also the writer.
 * Run with `pnpm bench` in packages/adapters/sta-xml.
 *
 * Figures are medians. Target: parseStaXml within 3× the raw parse of the same file.
 */
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { Bench } from "tinybench";
import { parseStaXml, writeStaXml } from "../src/index.js";

const samples = new URL("../../../../../shared/samples/sta-xml/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, samples), "utf8");

function issued(text: string) {
  const result = parseStaXml(text);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

/** The gd invoice with its line repeated: the platform's documented ceiling is about 2,000 lines. */
function manyLines(count: number): string {
  const gd = issued(read("gd-special-1pct-inclusive.xml"));
  const lines = Array.from({ length: count }, (_, i) => ({
    ...gd.lines[0]!,
    index: i + 1,
    spec: `型号-${i}`,
  }));
  const written = writeStaXml({ ...gd, lines });
  if (!written.ok) throw new Error(JSON.stringify(written.diagnostics));
  return written.value;
}

const cases = [
  { name: "gd-special-1pct-inclusive.xml", text: read("gd-special-1pct-inclusive.xml") },
  { name: "mof-official-special.xml", text: read("mof-official-special.xml") },
  { name: "2,000 lines (written)", text: manyLines(2000) },
];

const raw = new XMLParser();
const bench = new Bench({ time: 1500, warmupTime: 300 });
for (const c of cases) {
  const invoice = issued(c.text);
  bench
    .add(`raw ${c.name}`, () => raw.parse(c.text))
    .add(`parseStaXml ${c.name}`, () => parseStaXml(c.text))
    .add(`writeStaXml ${c.name}`, () => writeStaXml(invoice));
}
await bench.run();

/** Median latency of a task, in milliseconds: robust to the garbage-collection pauses the 1 MB case causes. */
const median = (name: string): number => {
  const result = bench.getTask(name)?.result;
  if (!result || !("latency" in result)) throw new Error(`no result for ${name}`);
  return result.latency.p50 ?? result.latency.mean;
};
const show = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.log("| file | size | fast-xml-parser raw | parseStaXml | ratio | writeStaXml | ratio |");
console.log("|---|---|---|---|---|---|---|");
let worst = 0;
for (const c of cases) {
  const base = median(`raw ${c.name}`);
  const parse = median(`parseStaXml ${c.name}`);
  const write = median(`writeStaXml ${c.name}`);
  worst = Math.max(worst, parse / base);
  const size = `${(Buffer.byteLength(c.text) / 1024).toFixed(1)} KiB`;
  console.log(
    `| ${c.name} | ${size} | ${show(base)} | ${show(parse)} | ${(parse / base).toFixed(2)}× | ${show(write)} | ${(write / base).toFixed(2)}× |`,
  );
}
console.log(`\nworst parseStaXml / raw parse: ${worst.toFixed(2)}× (target ≤ 3×)`);
