import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Issuer, type Store } from "../src/index.js";
import { BUYER_TAX_ID, prepare, sale } from "./documents.js";
import { BatchingFakeProvider, FakeProvider } from "./fake-provider.js";
import { removeTempDirs, STORE_KINDS } from "./stores.js";

const quick = { backoff: () => 5, concurrency: 4 };

afterAll(removeTempDirs);

describe.each(STORE_KINDS)("issuing on the $name store", (kind) => {
  let store: Store;
  const open: Store[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });
  async function setup() {
    const fresh = await kind.fresh();
    store = fresh.store;
    open.push(store);
    const provider = new FakeProvider();
    return { provider, issuer: new Issuer({ store, provider, ...quick }), fresh };
  }

  it("issues each sale once; the same batch again sends nothing and returns the stored numbers", async () => {
    const { provider, issuer } = await setup();
    const batch = [prepare(sale(1)), prepare(sale(2, { requestKey: "order-2" }))];
    const first = await issuer.issue(batch);
    expect(first.map((r) => r.status)).toEqual(["issued", "issued"]);
    expect(first[1]!.requestKey).toBe("order-2");
    expect(first[0]!.number).toMatch(/^\d{20}$/);
    expect(provider.calls.issue).toBe(2);
    const again = await issuer.issue(batch);
    expect(again).toEqual(first);
    expect(provider.calls).toEqual({ issue: 2, query: 0, reseal: 0 });
  });

  it("polls pending records together when the provider answers many keys in one query", async () => {
    const fresh = await kind.fresh();
    open.push(fresh.store);
    const provider = new BatchingFakeProvider();
    provider.pendingPolls = 1;
    provider.faults = Array(6).fill("pending");
    provider.manyFaults = ["5xx"]; // the first batched poll fails as a whole: each record asks again later
    // A clock that only the waits move: the six records come due at the same instant, on any store.
    let t = 1_000_000;
    const clock = {
      now: () => t,
      sleep: async (ms: number) => {
        t += ms;
      },
    };
    const issuer = new Issuer({ store: fresh.store, provider, ...quick, ...clock });
    const batch = Array.from({ length: 6 }, (_, i) => prepare(sale(40 + i)));
    const reports = await issuer.issue(batch);
    expect(reports.map((r) => r.status)).toEqual(Array(6).fill("issued"));
    expect(provider.issuedKeys).toHaveLength(6);
    // 6 sends (pending) → one poll of all 6 fails → one poll answers pending → one answers issued.
    expect(provider.calls).toEqual({ issue: 6, query: 0, reseal: 0 });
    expect(provider.batches).toHaveLength(3);
    for (const keys of provider.batches)
      expect([...keys].sort()).toEqual(batch.map((b) => b.requestKey).sort());
    expect(await fresh.store.progress(batch.map((b) => b.requestKey))).toEqual({
      done: 6,
      issued: 6,
      open: 0,
    });
  });

  it("resolves a timeout (issued, answer lost) by querying, never by sending again", async () => {
    const { provider, issuer } = await setup();
    provider.faults = ["timeout"];
    const [report] = await issuer.issue([prepare(sale(3))]);
    expect(report!.status).toBe("issued");
    expect(provider.issuedKeys).toHaveLength(1);
    expect(provider.calls.issue).toBe(1);
    expect(provider.calls.query).toBe(1);
  });

  it("sends again under the same key only when a query says the provider never saw it (5xx)", async () => {
    const { provider, issuer } = await setup();
    provider.faults = ["5xx", "5xx"];
    const [report] = await issuer.issue([prepare(sale(4))]);
    expect(report!.status).toBe("issued");
    expect(provider.issuedKeys).toEqual([report!.requestKey]);
    // send (500) → query: not found → send (500) → query: not found → send: issued
    expect(provider.calls).toEqual({ issue: 3, query: 2, reseal: 0 });
  });

  it("polls a pending outcome with back-off until issued; with no wait it reports pending, and a later run resolves it", async () => {
    const { provider, issuer } = await setup();
    provider.pendingPolls = 3;
    provider.faults = ["pending"];
    const [early] = await issuer.issue([prepare(sale(5))], { waitMs: 0 });
    expect(early!.status).toBe("pending");
    expect(early!.number).toBeUndefined();
    const [done] = await issuer.resume({ waitMs: 5_000 });
    expect(done!.status).toBe("issued");
    expect(provider.calls.issue).toBe(1);
    expect(provider.calls.query).toBe(4);
  });

  it("re-seals a seal failure instead of issuing again", async () => {
    const { provider, issuer } = await setup();
    provider.faults = ["seal"];
    const [report] = await issuer.issue([prepare(sale(6))]);
    expect(report!.status).toBe("issued");
    expect(provider.calls).toEqual({ issue: 1, query: 0, reseal: 1 });
    expect(provider.issuedKeys).toHaveLength(1);
  });

  it("refuses a request key reused with other content, leaving the stored record as it was", async () => {
    const { provider, issuer } = await setup();
    const [first] = await issuer.issue([prepare(sale(7, { requestKey: "K-7" }))]);
    const [reused] = await issuer.issue([prepare(sale(8, { requestKey: "K-7" }))]);
    expect(reused!.status).toBe("rejected");
    expect(reused!.diagnostics[0]!.rule).toBe("ISSUE_KEY_REUSED");
    expect(provider.calls.issue).toBe(1);
    expect(await issuer.status(["K-7"])).toEqual([first]);
    // Within one batch too: the second document under the same key is refused, the first issued.
    const both = await issuer.issue([
      prepare(sale(9, { requestKey: "K-9" })),
      prepare(sale(10, { requestKey: "K-9" })),
    ]);
    expect(both.map((r) => r.status)).toEqual(["issued", "rejected"]);
  });

  it("records the provider's refusal and a definite failure as final, sending nothing more", async () => {
    const { provider, issuer } = await setup();
    provider.faults = ["none", "refuse-credentials"];
    const refused = prepare(sale(11, { buyer: { name: "拒收公司", taxId: BUYER_TAX_ID } }));
    const reports = await issuer.issue([refused, prepare(sale(12))]);
    expect(reports.map((r) => r.status)).toEqual(["rejected", "failed"]);
    expect(reports[0]!.diagnostics[0]!.rule).toBe("E9999");
    expect(reports[1]!.diagnostics[0]!.rule).toBe("ISSUE_PROVIDER_FAILED");
    await issuer.issue([refused]);
    expect(provider.calls.issue).toBe(2);
  });

  it("sends exactly what was recorded: the invoice built from the sale", async () => {
    const { provider, issuer } = await setup();
    const prepared = prepare(sale(13));
    await issuer.issue([prepared]);
    const sent = provider.issuedUnder(prepared.requestKey)!.invoice;
    // 1 × 1013.00 at 6 %: tax 60.78, total 1073.78
    expect(sent.totals).toMatchObject({ amount: "1013.00", tax: "60.78", total: "1073.78" });
  });

  it("after a crash between claim and answer, the next process queries before sending", async () => {
    const { provider, issuer, fresh } = await setup();
    const prepared = prepare(sale(14));
    await store.record([{ ...prepared, provider: provider.name }], Date.now());
    // A process (pid 2^22 + 1 does not run here) claimed it and sent it, then died.
    const dead = `${(await import("node:os")).hostname()}/4194305/x`;
    const [claimed] = await store.claim({ owner: dead, now: Date.now(), leaseMs: 600_000, limit: 1 });
    await provider.issue({ requestKey: claimed!.requestKey, invoice: claimed!.invoice });
    const reopened = await fresh.reopen();
    open.push(reopened);
    const after = new Issuer({ store: reopened, provider, ...quick });
    const [report] = await after.resume();
    expect(report!.status).toBe("issued");
    expect(provider.calls).toEqual({ issue: 1, query: 1, reseal: 0 });
    void issuer;
  });

  it("two workers draining one store never issue a record twice", async () => {
    const { provider } = await setup();
    const batch = Array.from({ length: 40 }, (_, i) => prepare(sale(100 + i)));
    provider.faults = Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? "timeout" : "none"));
    await store.record(
      batch.map((b) => ({ ...b, provider: provider.name })),
      Date.now(),
    );
    const workers = [1, 2].map((n) => new Issuer({ store, provider, ...quick, owner: `w${n}` }));
    await Promise.all(workers.map((w) => w.resume()));
    const records = await store.list();
    expect(records.every((r) => r.status === "issued")).toBe(true);
    expect(new Set(provider.issuedKeys).size).toBe(40);
    expect(provider.issuedKeys).toHaveLength(40);
    expect(new Set(records.map((r) => r.number)).size).toBe(40);
  });
});
