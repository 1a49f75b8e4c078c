/**
 * The issuing process of the crash test (crash.test.ts), run as a child that the test SIGKILLs at random
 * moments: it issues the prepared batch through the Nuonuo or the 乐企 adapter pointed at the test's
 * sandbox, on the store named in its configuration (乐企: under numbers of the store's pool, which it fills
 * from the configuration's batch on every start — adding a batch twice adds nothing). It prints "go" once
 * the store is open, "r" after each HTTP exchange, and, if it lives to the end, one JSON line with how many
 * requests it sent and the statuses it reported.
 *   usage: node --conditions=source --import tsx test/crash-child.ts CONFIG.json
 */
import { readFileSync } from "node:fs";
import { createLeqi, readLeqiCredentials } from "@efapiao/leqi";
import { createNuonuo, readNuonuoCredentials } from "@efapiao/nuonuo";
import type { FetchLike } from "@efapiao/provider-utils";
import {
  fromProvider,
  Issuer,
  numberScope,
  preassignedNumbers,
  type Store,
  type Submission,
} from "../src/index.js";
import { openStore } from "../src/node.js";
import { reportingFetch } from "./child-fetch.js";

interface CrashConfig {
  protocol: "nuonuo" | "leqi";
  storeUrl: string;
  credentials: Record<string, unknown>;
  sellerTaxId: string;
  submissions: string;
}

const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as CrashConfig;
const submissions = JSON.parse(readFileSync(config.submissions, "utf8")) as Submission[];

let requests = 0;
const fetch: FetchLike = reportingFetch(() => requests++);
// Well below the sandbox's held answers: a `timeout` fault is a timeout here.
const timeoutMs = 400;

async function providerOn(store: Store) {
  if (config.protocol === "leqi") {
    const credentials = readLeqiCredentials(config.credentials);
    if (!credentials.ok) throw new Error("crash-child: bad credentials");
    const scope = numberScope("leqi", config.sellerTaxId);
    await store.numbers.add(scope, credentials.value.numbers ?? [], Date.now());
    const state = preassignedNumbers(store.numbers, scope);
    return createLeqi({
      credentials: credentials.value,
      sellerTaxId: config.sellerTaxId,
      state,
      fetch,
      timeoutMs,
    });
  }
  const credentials = readNuonuoCredentials(config.credentials);
  if (!credentials.ok) throw new Error("crash-child: bad credentials");
  return createNuonuo({ credentials: credentials.value, sellerTaxId: config.sellerTaxId, fetch, timeoutMs });
}

const store = await openStore(config.storeUrl);
const provider = fromProvider(await providerOn(store));
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
