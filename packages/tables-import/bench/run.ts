/**
 * Benchmark of importing the official v32.0 table (4,236 rows, read in place from ../shared) from the STA's
 * xlsx and from the CSV of the same columns. Figures are medians and ratios to JSON.parse of the resulting
 * pack text measured in the same run, so they carry across machines. Run with `pnpm bench` here.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { readCodeTableBytes } from "../src/index.js";

const DATA = new URL("../../../../shared/data/tax-codes/", import.meta.url);
const xlsx = readFileSync(fileURLToPath(new URL("tax-codes-v32-2019-04-01.xlsx", DATA)));
const csv = readFileSync(fileURLToPath(new URL("tax-codes-v32-2019-04-01.csv", DATA)));

const imported = await readCodeTableBytes(csv, "tax-codes-v32-2019-04-01.csv");
if (!imported.ok) throw new Error(JSON.stringify(imported.diagnostics.slice(0, 3)));
const packText = JSON.stringify(imported.pack);

const bench = new Bench({ time: 0, iterations: 5, warmupIterations: 1 });
bench.add("JSON.parse(pack text) [baseline]", () => JSON.parse(packText));
bench.add("import xlsx (read + check + pack)", async () => {
  if (!(await readCodeTableBytes(xlsx, "t.xlsx")).ok) throw new Error("import failed");
});
bench.add("import csv (read + check + pack)", async () => {
  if (!(await readCodeTableBytes(csv, "t.csv")).ok) throw new Error("import failed");
});
await bench.run();

const baseline = bench.tasks[0]!.result!.latency.p50!;
console.table(
  bench.tasks.map((task) => ({
    task: task.name,
    "p50 ms": task.result!.latency.p50!.toFixed(3),
    "p50 × JSON.parse": (task.result!.latency.p50! / baseline).toFixed(1),
  })),
);
