/**
 * Benchmark: buildInvoice of a 20-line and a 2,000-line sale, from the JSON text (JSON.parse + parseSale
 * + build), next to JSON.parse of the same text in the same run, so the figures carry across machines
 * as ratios. Run with `pnpm bench` in packages/calc.
 *
 * Targets: the 20-line build within 5× JSON.parse; the 2,000-line build within 110× the 20-line one.
 */
import { loadavg } from "node:os";
import { parseSale, type Sale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { Bench } from "tinybench";
import { buildInvoice, buildInvoiceFromJson } from "../src/index.js";

const codes = builtinCodeTable();
const ITEMS = [
  { name: "软件开发", code: "3040201010000000000", taxRate: "6%" },
  { name: "物业管理", code: "3040801010000000000", taxRate: "6%" },
  { name: "货物运输", code: "3010102990100000000", taxRate: "9%" },
  { name: "笔记本", code: "1060105020000000000", taxRate: "13%" },
  { name: "瓶装茶饮料", code: "1030307050000000000", taxRate: "0.13" },
];

/** A realistic sale: quantities and prices, some discounts, a few amount-only lines. */
function saleText(lineCount: number, pricesIncludeTax: boolean): string {
  const lines = Array.from({ length: lineCount }, (_, i) => {
    const item = ITEMS[i % ITEMS.length]!;
    const line: Record<string, unknown> = { ...item, spec: `型号-${i % 17}`, unit: "个" };
    if (i % 10 === 9) line.amount = `${1000 + i}.${String(i % 100).padStart(2, "0")}`;
    else {
      line.quantity = String(1 + (i % 12));
      line.unitPrice = `${37 + ((i * 7919) % 5000)}.${String((i * 31) % 100).padStart(2, "0")}`;
    }
    if (i % 4 === 0) line.discount = "1.50";
    return line;
  });
  return JSON.stringify({
    kind: "special",
    issueDate: "2026-05-18",
    seller: {
      name: "上海示例科技有限公司",
      taxId: "91310115MA1K3XYZ7A",
      address: "上海市浦东新区",
      phone: "021-12345678",
    },
    buyer: { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1B" },
    pricesIncludeTax,
    lines,
    remarks: "合同号 HT-2026-0518",
    drawer: "张伟",
  });
}

interface Case {
  name: string;
  text: string;
  sale: Sale;
}

function caseOf(lineCount: number): Case {
  const text = saleText(lineCount, false);
  const parsed = parseSale(JSON.parse(text));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  const built = buildInvoice(parsed.value, { codes });
  if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
  return { name: `${lineCount} lines`, text, sale: parsed.value };
}

const [small, large] = [caseOf(20), caseOf(2000)] as const;
const parseAndBuild = (c: Case) => buildInvoiceFromJson(JSON.parse(c.text), { codes });

const bench = new Bench({ time: 2000, warmupTime: 500 });
for (const c of [small, large]) {
  bench
    .add(`JSON.parse ${c.name}`, () => JSON.parse(c.text))
    .add(`parse+build ${c.name}`, () => parseAndBuild(c))
    .add(`build only ${c.name}`, () => buildInvoice(c.sale, { codes }));
}
await bench.run();

/** Median latency of a task, in milliseconds. */
const median = (name: string): number => {
  const result = bench.getTask(name)?.result;
  if (!result || !("latency" in result)) throw new Error(`no result for ${name}`);
  return result.latency.p50 ?? result.latency.mean;
};

/**
 * Ratios measured in pairs, run back to back and alternated, then the median of the pair ratios: on a
 * shared, loaded machine this holds steadier than dividing two medians taken seconds apart. Each side is
 * short (a few calls, well under a scheduler time slice), so that a loaded machine's preemptions land in
 * few pairs, whatever the side's length, and the median drops them: with 50 calls a side the longer side
 * was preempted in most pairs and the ratio came out several times too high.
 */
function pairedRatio(numerator: () => void, denominator: () => void, pairs = 2001): number {
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const t0 = performance.now();
    numerator();
    const t1 = performance.now();
    denominator();
    const t2 = performance.now();
    ratios.push((t1 - t0) / (t2 - t1));
  }
  return ratios.sort((a, b) => a - b)[pairs >> 1]!;
}
const show = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
console.log(`node ${process.version}, ${process.platform}/${process.arch}, load average ${load}; medians`);
console.log("| sale | JSON.parse | parse+build | × JSON.parse | build only | × JSON.parse |");
console.log("|---|---|---|---|---|---|");
for (const c of [small, large]) {
  const parse = median(`JSON.parse ${c.name}`);
  const full = median(`parse+build ${c.name}`);
  const build = median(`build only ${c.name}`);
  console.log(
    `| ${c.name} | ${show(parse)} | ${show(full)} | ${(full / parse).toFixed(1)} | ${show(build)} | ${(build / parse).toFixed(1)} |`,
  );
}

// Each side repeats its task in its own loop (a shared repeat helper would make the call site megamorphic).
const parse20 = () => {
  for (let i = 0; i < 5; i++) JSON.parse(small.text);
};
const fullRatio = pairedRatio(() => {
  for (let i = 0; i < 5; i++) parseAndBuild(small);
}, parse20);
const saleRatio = pairedRatio(() => {
  for (let i = 0; i < 5; i++) parseSale(JSON.parse(small.text));
}, parse20);
const buildRatio = pairedRatio(() => {
  for (let i = 0; i < 5; i++) buildInvoice(small.sale, { codes });
}, parse20);
const linear =
  100 *
  pairedRatio(
    () => parseAndBuild(large),
    () => {
      for (let i = 0; i < 100; i++) parseAndBuild(small);
    },
    51,
  );
const buildLinear =
  100 *
  pairedRatio(
    () => buildInvoice(large.sale, { codes }),
    () => {
      for (let i = 0; i < 100; i++) buildInvoice(small.sale, { codes });
    },
    51,
  );
console.log("\npaired medians:");
console.log(`20 lines, parse+build ÷ JSON.parse: ${fullRatio.toFixed(1)}× (target ≤ 5×)`);
console.log(
  `  of which parseSale (JSON.parse + zod) ÷ JSON.parse: ${saleRatio.toFixed(1)}×; build only: ${buildRatio.toFixed(1)}×`,
);
console.log(`2,000 lines ÷ 20 lines, parse+build: ${linear.toFixed(0)}× (target ≤ 110×; 100× is linear)`);
console.log(`  build only: ${buildLinear.toFixed(0)}×`);
