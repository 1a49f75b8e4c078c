/**
 * The crash test of 用途确认: 36 received special invoices confirmed for deduction through the sandbox with
 * faults on (timeouts, resets, 5xx on the use calls), by a child process SIGKILLed at random moments at
 * least 6 times and then resumed until it finishes, on the SQLite and PostgreSQL stores. The sandbox lives in
 * this process and counts every change of use it is asked for. In the end each invoice was confirmed
 * exactly once — no request reached the sandbox again for an invoice it had applied — the store's records
 * are the sandbox's state, and confirming the batch again sends nothing.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { UseRequest } from "@efapiao/receiving";
import { createSandbox, manualClock, seededRandom } from "@efapiao/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleChild, type ChildRun, randomKillAt, runChild } from "./child-harness.js";
import { BUYER_TAX_ID, prepare, SELLER_TAX_ID, sale } from "./documents.js";
import { DURABLE_KINDS, removeTempDirs, tempDir } from "./stores.js";

const INVOICES = 36;
const KILLS = 6;
const PERIOD = "2026-05";
const SOURCE = fileURLToPath(new URL("./use-crash-child.ts", import.meta.url));
const CHILD = fileURLToPath(new URL("../node_modules/.cache/efapiao-crash/use-child.mjs", import.meta.url));

beforeAll(() => bundleChild(SOURCE, CHILD));
afterAll(removeTempDirs);

type Result = { useRequests: number; statuses: Record<string, number> };

describe.each(DURABLE_KINDS)("the use-confirmation crash test on the $name store", (kind) => {
  it(`confirms ${INVOICES} invoices exactly once through faults and ≥ ${KILLS} SIGKILLs`, async () => {
    const seed = Number(process.env.EFAPIAO_CRASH_SEED ?? Date.now() % 100_000);
    const random = seededRandom(seed); // a failing run replays with EFAPIAO_CRASH_SEED
    const sandbox = await createSandbox({
      clock: manualClock("2026-05-18T10:00:00+08:00"),
      seed,
      timeoutMs: 1_500,
    });
    // Every change of use the platform is asked for, applied or refused: the sandbox's own count.
    const asked: { number: string; refused?: string }[] = [];
    const setUse = sandbox.platform.setUse.bind(sandbox.platform);
    sandbox.platform.setUse = (buyer, period, number, use) => {
      const refusal = setUse(buyer, period, number, use);
      asked.push({ number, ...(refusal ? { refused: refusal.code } : {}) });
      return refusal;
    };
    const fresh = await kind.fresh();
    await fresh.store.close();
    try {
      const requests: UseRequest[] = [];
      for (let i = 0; i < INVOICES; i++) {
        const { invoice } = prepare(sale(i, { kind: "special" }));
        const issued = sandbox.platform.issue({
          provider: "nuonuo",
          requestKey: `use-${i}`,
          sellerTaxId: SELLER_TAX_ID,
          invoice,
          async: false,
        });
        if (issued.kind !== "issued") throw new Error(JSON.stringify(issued));
        requests.push({ number: issued.record.number, issueDate: issued.record.invoice.issueDate });
      }
      sandbox.setFaults("timeout=0.1,reset=0.1,5xx=0.1");

      const configPath = join(tempDir(), "config.json");
      writeFileSync(
        configPath,
        JSON.stringify({
          storeUrl: fresh.url,
          sandboxUrl: sandbox.url,
          buyerTaxId: BUYER_TAX_ID,
          period: PERIOD,
          requests,
        }),
      );

      let kills = 0;
      let finished: ChildRun<Result> | undefined;
      for (let run = 0; run < 40 && !finished; run++) {
        // A round is one listing and 18 use calls of 2 invoices: a kill within the first 4 exchanges leaves
        // most of the work to the next run, so that the kills come while invoices are still unconfirmed.
        const killAt = kills >= KILLS ? undefined : randomKillAt(random, 4);
        const outcome = await runChild<Result>(CHILD, configPath, killAt);
        if (outcome.killed) kills++;
        else finished = outcome;
      }
      expect(kills, `seed ${seed}`).toBeGreaterThanOrEqual(KILLS);
      const statuses = finished?.result?.statuses ?? {};
      expect((statuses.done ?? 0) + (statuses.unchanged ?? 0), `seed ${seed}`).toBe(INVOICES);

      // Each invoice applied exactly once, and never asked again once applied (nothing refused).
      const numbers = requests.map((r) => r.number).sort();
      expect(
        asked.filter((a) => a.refused),
        `seed ${seed}`,
      ).toEqual([]);
      expect(asked.map((a) => a.number).sort(), `seed ${seed}`).toEqual(numbers);
      const platform = sandbox.platform.received(BUYER_TAX_ID, PERIOD);
      expect(platform.map((r) => r.useStatus)).toEqual(Array(INVOICES).fill("deduct"));

      // The store's records are the sandbox's state: one record per invoice, confirmed for deduction.
      const store = await fresh.reopen();
      try {
        const records = await store.uses.list(BUYER_TAX_ID, PERIOD);
        expect(records.map((r) => r.number).sort()).toEqual(numbers);
        for (const r of records) {
          expect([r.action, r.use, r.status], r.number).toEqual(["confirm", "deduct", "done"]);
          expect(r.sends, r.number).toBeGreaterThanOrEqual(1);
        }
      } finally {
        await store.close();
      }

      // The same batch again sends nothing.
      const again = await runChild<Result>(CHILD, configPath);
      expect(again.result).toEqual({ useRequests: 0, statuses: { unchanged: INVOICES } });
      expect(asked).toHaveLength(INVOICES);
    } finally {
      await sandbox.close();
    }
  }, 180_000);
});
