/**
 * Benchmark of the classification-code table, on the official v32.0 file (4,236 rows) read in place from
 * ../shared. Every figure is also given as a ratio to JSON.parse of the pack text measured in the same run,
 * so the numbers carry across machines. Run with `pnpm bench` in packages/tables.
 *
 * Targets: loading the pack within 3× JSON.parse of it; look-up by code O(1) (per look-up about as fast in the
 * 4,236-row table as in a 10× smaller one cut from it; linear would be 10× slower); a search over the whole
 * table under 1 ms.
 *
 * Figures are medians (p50), which shared or busy machines disturb less than means; the load ratio is also
 * measured pairwise (parse, then load, alternately) so that a slow patch of the machine hits both sides.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { Bench } from "tinybench";
import { type CodeTable, importCodeGrid, parseCodePack, searchCodes } from "../src/index.js";

const DATA = new URL("../../../../shared/data/tax-codes/", import.meta.url);
const grid = parseCsv(
  readFileSync(fileURLToPath(new URL("tax-codes-v32-2019-04-01.csv", DATA)), "utf8"),
) as string[][];

const imported = importCodeGrid(grid, { file: "tax-codes-v32-2019-04-01.csv" });
if (!imported.ok) throw new Error(JSON.stringify(imported.diagnostics.slice(0, 3)));
const packText = JSON.stringify(imported.pack);
const table = loadPack();
/** The first 424 rows of the CSV (parents come before children, so any prefix is a valid table). */
const small = importCodeGrid(grid.slice(0, 425), { file: "first-424-rows.csv" });
if (!small.ok) throw new Error(JSON.stringify(small.diagnostics.slice(0, 3)));

function loadPack(): CodeTable {
  const loaded = parseCodePack(packText, "bench");
  if (!loaded.ok) throw new Error(loaded.message.en);
  return loaded.table;
}

/** Codes of each table looked up in a scattered but fixed order (stride 7919, a prime). */
const allCodes = [...table.entries()].map((entry) => entry.code);
const smallCodes = [...small.table.entries()].map((entry) => entry.code);
const LOOKUPS = 1000;
const lookupIn = (codes: CodeTable, list: string[]) => () => {
  let found = 0;
  for (let i = 0; i < LOOKUPS; i++) if (codes.get(list[(i * 7919) % list.length]!) !== undefined) found++;
  if (found !== LOOKUPS) throw new Error("look-up missed");
};

const SEARCHES = ["软件开发", "餐饮 服务", "稀土", "3040201", "开发软件"];
searchCodes(table, "warm-up"); // builds the search index once, as the first search of a session does

const slow = new Bench({ time: 0, iterations: 5, warmupIterations: 1 });
slow.add("import the CSV grid (check + pack; reading the file is @efapiao/tables-import)", () => {
  if (!importCodeGrid(grid, { file: "t.csv" }).ok) throw new Error("import failed");
});

const fast = new Bench({ time: 1000 });
fast.add("JSON.parse(pack text) [baseline]", () => JSON.parse(packText));
fast.add("load pack (parse + check + index)", loadPack);
fast.add("load pack + first search (builds search index)", () => searchCodes(loadPack(), "软件开发"));
fast.add(`get × ${LOOKUPS}, 4,236-row table`, lookupIn(table, allCodes));
fast.add(`get × ${LOOKUPS}, 424-row table`, lookupIn(small.table, smallCodes));
for (const query of SEARCHES) fast.add(`search "${query}"`, () => searchCodes(table, query));

await slow.run();
await fast.run();

const p50 = (name: string) =>
  [...slow.tasks, ...fast.tasks].find((task) => task.name === name)!.result!.latency.p50!;
const baseline = p50("JSON.parse(pack text) [baseline]");
console.log(
  `pack: ${(packText.length / 1e6).toFixed(2)} M characters, ${(Buffer.byteLength(packText) / 1e6).toFixed(2)} MB`,
);
console.table(
  [...slow.tasks, ...fast.tasks].map((task) => ({
    task: task.name,
    "p50 ms": task.result!.latency.p50!.toFixed(3),
    "mean ms": task.result!.latency.mean.toFixed(3),
    "p50 × JSON.parse": (task.result!.latency.p50! / baseline).toFixed(3),
    samples: task.result!.latency.samples.length,
  })),
);

/** Median of (load time / parse time) over pairs measured back to back. */
function pairedLoadRatio(pairs: number): number {
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    let start = performance.now();
    JSON.parse(packText);
    const parse = performance.now() - start;
    start = performance.now();
    loadPack();
    ratios.push((performance.now() - start) / parse);
  }
  return ratios.sort((a, b) => a - b)[pairs >> 1]!;
}

const load = p50("load pack (parse + check + index)") / baseline;
const paired = pairedLoadRatio(200);
const lookupRatio = p50(`get × ${LOOKUPS}, 4,236-row table`) / p50(`get × ${LOOKUPS}, 424-row table`);
const slowestSearch = Math.max(...SEARCHES.map((query) => p50(`search "${query}"`)));
console.log(
  `load / JSON.parse = ${load.toFixed(2)} (p50s), ${paired.toFixed(2)} (paired median); target ≤ 3: ${Math.min(load, paired) <= 3 ? "ok" : "MISSED"}`,
);
console.log(
  `look-up, 4,236 rows / 424 rows = ${lookupRatio.toFixed(2)} per look-up (linear would be 10); O(1): ${lookupRatio < 3 ? "ok" : "MISSED"}`,
);
console.log(
  `slowest search = ${slowestSearch.toFixed(3)} ms (p50); target < 1 ms: ${slowestSearch < 1 ? "ok" : "MISSED"}`,
);
