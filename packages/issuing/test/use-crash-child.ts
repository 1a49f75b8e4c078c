/**
 * The 用途确认 process of use-crash.test.ts, run as a child that the test SIGKILLs at random moments: it
 * confirms the batch for deduction through the sandbox provider, its records in the store named in its
 * configuration, a few invoices per call, applying again until every invoice is done. It prints "go" once
 * the store is open, "r" after each HTTP exchange, and, if it lives to the end, one JSON line with how many
 * use requests it sent and the statuses of its last round.
 */
import { readFileSync } from "node:fs";
import { UseConfirmation, type UseRequest } from "@efapiao/receiving";
import { createSandboxProvider } from "@efapiao/sandbox";
import { openStore } from "../src/node.js";
import { reportingFetch } from "./child-fetch.js";

interface UseCrashConfig {
  storeUrl: string;
  sandboxUrl: string;
  buyerTaxId: string;
  period: string;
  requests: UseRequest[];
}

const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as UseCrashConfig;
let useRequests = 0;
const provider = createSandboxProvider({
  url: config.sandboxUrl,
  taxId: config.buyerTaxId,
  // Well below the sandbox's held answers: a `timeout` fault is a timeout here.
  timeoutMs: 400,
  fetch: reportingFetch((url) => {
    if (url.endsWith("/sandbox/use")) useRequests++;
  }),
});
const store = await openStore(config.storeUrl);
const use = new UseConfirmation({
  store: store.uses,
  capability: provider.useConfirmation,
  buyerTaxId: config.buyerTaxId,
  batchSize: 2,
});
process.stdout.write("go\n");
let statuses: Record<string, number> = {};
for (let round = 0; round < 50; round++) {
  const reports = await use.apply(config.period, "confirm", config.requests);
  statuses = {};
  for (const r of reports) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  if (reports.every((r) => r.status === "done" || r.status === "unchanged")) break;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await store.close();
process.stdout.write(`${JSON.stringify({ useRequests, statuses })}\n`);
