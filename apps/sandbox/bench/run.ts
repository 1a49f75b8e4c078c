/**
 * `pnpm bench`: how fast the sandbox issues, so that a client's own benchmark (1,000 invoices against an
 * in-process sandbox) knows what the sandbox costs. Reported as ratios to a baseline in the same process:
 * a bare HTTP round trip to the same server (GET /sandbox/invoices on an empty sandbox).
 */
import { createNuonuo } from "@efapiao/nuonuo";
import { Bench } from "tinybench";
import { invoice, SELLER } from "../test/sale.js";
import { createSandbox } from "../src/index.js";

const sandbox = await createSandbox({ pendingPolls: 0 });
const empty = await createSandbox();
const nuonuo = createNuonuo({ credentials: sandbox.credentials("nuonuo") as never, sellerTaxId: SELLER });
const blue = invoice();
let n = 0;

const bench = new Bench({ time: 2_000, warmupTime: 300 });
bench
  .add("baseline: HTTP round trip (GET /sandbox/invoices, empty)", async () => {
    await (await fetch(`${empty.url}/sandbox/invoices`)).text();
  })
  .add("Nuonuo requestBillingNew (signed, validated, issued)", async () => {
    await nuonuo.issue({ requestKey: `B-${n++}`, invoice: blue });
  })
  .add("Nuonuo queryInvoiceResult", async () => {
    await nuonuo.query("B-0");
  });
await bench.run();

const base = bench.tasks[0]!.result!.latency.mean;
for (const task of bench.tasks) {
  const mean = task.result!.latency.mean;
  console.log(`${task.name}: ${(1000 / mean).toFixed(0)} ops/s, ${(mean / base).toFixed(2)}× the baseline`);
}
await sandbox.close();
await empty.close();
