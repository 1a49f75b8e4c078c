/**
 * Benchmark: 1,000 invoices issued through the in-process sandbox (over HTTP, as Nuonuo, with its
 * asynchronous results), on the SQLite store with durable commits (WAL, synchronous = FULL), next to the
 * same run on the in-memory store — the difference is the store's share of the time — and on PostgreSQL
 * when EFAPIAO_TEST_PG_URL names a server (`pnpm bench` starts one through scripts/with-postgres.sh).
 *
 * Target: ≥ 500 invoices/s on the SQLite store on a 2-core machine.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createNuonuo, readNuonuoCredentials } from "@efapiao/nuonuo";
import { createSandbox, type Sandbox } from "@efapiao/sandbox";
import { Bench } from "tinybench";
import { createMemoryStore, fromProvider, Issuer, type Store } from "../src/index.js";
import { openPostgresStore, openSqliteStore } from "../src/node.js";
import { freshPostgresUrl } from "../test/stores.js";
import { prepare, sale } from "../test/documents.js";

const COUNT = 1_000;
const dir = mkdtempSync(join(tmpdir(), "efapiao-bench-"));
let round = 0;

/** 1,000 prepared sales with keys of their own for each round (validation is not part of the timing). */
function batch() {
  round++;
  return Array.from({ length: COUNT }, (_, i) => prepare(sale(i, { requestKey: `b${round}-${i}` })));
}

interface Run {
  sandbox: Sandbox;
  store: Store;
  issuer: Issuer;
  documents: ReturnType<typeof batch>;
}

async function setup(open: () => Promise<Store>): Promise<Run> {
  const sandbox = await createSandbox({ pendingPolls: 1 });
  const credentials = readNuonuoCredentials(sandbox.credentials("nuonuo"));
  if (!credentials.ok) throw new Error("sandbox credentials");
  const provider = fromProvider(
    createNuonuo({ credentials: credentials.value, sellerTaxId: "91310115MA1K3X4Y77" }),
  );
  const store = await open();
  const issuer = new Issuer({ store, provider, concurrency: 32, backoff: () => 2 });
  return { sandbox, store, issuer, documents: batch() };
}

const stores: [string, () => Promise<Store>][] = [
  ["memory store", async () => createMemoryStore()],
  ["SQLite store, durable", async () => openSqliteStore(join(dir, `bench-${round}.db`))],
];
if (process.env.EFAPIAO_TEST_PG_URL)
  stores.push(["PostgreSQL store", async () => openPostgresStore(await freshPostgresUrl(), { poolSize: 8 })]);

// One warm-up round per task (not timed): the first store measured must not pay for the JIT alone.
/** CPU time (ms, this process: client, store and sandbox) of each timed round, per task. */
const cpu = new Map<string, number[]>();
const loadBefore = loadavg()[0]!.toFixed(2);
const bench = new Bench({ iterations: 3, time: 0, warmup: true, warmupIterations: 1, warmupTime: 0 });
for (const [name, open] of stores) {
  let run: Run | undefined;
  bench.add(
    `issue ${COUNT} invoices, ${name}`,
    async () => {
      const started = process.cpuUsage();
      const reports = await run!.issuer.issue(run!.documents, { waitMs: 120_000 });
      const used = process.cpuUsage(started);
      cpu.set(name, [...(cpu.get(name) ?? []), (used.user + used.system) / 1000]);
      if (reports.some((r) => r.status !== "issued")) throw new Error("not every invoice was issued");
    },
    {
      beforeEach: async () => {
        run = await setup(open);
      },
      afterEach: async () => {
        await run!.store.close();
        await run!.sandbox.close();
      },
    },
  );
}

await bench.run();
const mean = (name: string) => bench.tasks.find((t) => t.name.includes(name))?.result?.latency.mean;
/** Mean CPU ms of the timed rounds (the warm-up round is the first one recorded). */
const cpuMean = (name: string) => {
  const rounds = (cpu.get(name) ?? []).slice(1);
  return rounds.reduce((a, b) => a + b, 0) / Math.max(1, rounds.length);
};
const load = loadavg()[0]!.toFixed(2);
console.log(`load average before the run ${loadBefore}, after ${load} (${cpus().length} cores shared)`);
console.table(
  stores.map(([name]) => {
    const t = bench.tasks.find((task) => task.name.endsWith(name))!;
    return {
      task: t.name,
      "mean (ms)": t.result?.latency.mean.toFixed(0),
      "invoices/s": t.result ? (COUNT / (t.result.latency.mean / 1000)).toFixed(0) : "-",
      // CPU per invoice does not depend on what else the machine runs: it bounds the rate on a free core.
      "CPU ms / invoice": (cpuMean(name) / COUNT).toFixed(2),
    };
  }),
);
const memory = mean("memory")!;
const sqlite = mean("SQLite")!;
console.log(`SQLite, durable: ${(COUNT / (sqlite / 1000)).toFixed(0)} invoices/s (target ≥ 500)`);
console.log(
  `store's share of the SQLite run: ${(((sqlite - memory) / sqlite) * 100).toFixed(1)} % (SQLite ÷ memory = ${(sqlite / memory).toFixed(2)}×)`,
);
const postgres = mean("PostgreSQL");
if (postgres)
  console.log(
    `PostgreSQL: ${(COUNT / (postgres / 1000)).toFixed(0)} invoices/s (PostgreSQL ÷ memory = ${(postgres / memory).toFixed(2)}×)`,
  );
rmSync(dir, { recursive: true, force: true });
