/**
 * The issuing process of the crash test (crash.test.ts), run as a child that the test SIGKILLs at random
 * moments: it issues the prepared batch through the Nuonuo adapter pointed at the test's sandbox, on the
 * store named in its configuration. It prints "go" once the store is open, "r" after each HTTP exchange,
 * and, if it lives to the end, one JSON line with how many requests it sent and the statuses it reported.
 *   usage: node --conditions=source --import tsx test/crash-child.ts CONFIG.json
 */
import { readFileSync } from "node:fs";
import { createNuonuo, readNuonuoCredentials } from "@efapiao/nuonuo";
import { fromProvider, Issuer, type Submission } from "../src/index.js";
import { openStore } from "../src/node.js";
import { reportingFetch } from "./child-fetch.js";

interface CrashConfig {
  storeUrl: string;
  credentials: Record<string, string>;
  sellerTaxId: string;
  submissions: string;
}

const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as CrashConfig;
const submissions = JSON.parse(readFileSync(config.submissions, "utf8")) as Submission[];
const credentials = readNuonuoCredentials(config.credentials);
if (!credentials.ok) throw new Error("crash-child: bad credentials");

let requests = 0;
const provider = fromProvider(
  createNuonuo({
    credentials: credentials.value,
    sellerTaxId: config.sellerTaxId,
    // Well below the sandbox's held answers: a `timeout` fault is a timeout here.
    timeoutMs: 400,
    fetch: reportingFetch(() => requests++),
  }),
);
const store = await openStore(config.storeUrl);
const issuer = new Issuer({
  store,
  provider,
  concurrency: 4,
  backoff: (attempt) => Math.min(10 * attempt, 100),
});
process.stdout.write("go\n");
const reports = await issuer.issue(submissions, { waitMs: 60_000 });
await store.close();
const statuses: Record<string, number> = {};
for (const r of reports) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
process.stdout.write(`${JSON.stringify({ requests, statuses })}\n`);
