// The Nuonuo adapter (@efapiao/nuonuo) issuing against the sandbox end to end: asynchronous results,
// duplicates, rule refusals, bad signatures, every fault kind, and the red-letter life cycle.
import { negateInvoice } from "@efapiao/calc";
import { createNuonuo } from "@efapiao/nuonuo";
import type { IssueOutcome, Provider } from "@efapiao/provider";
import { afterEach, describe, expect, it } from "vitest";
import { createSandbox, HOUR, manualClock, type Sandbox, type SandboxOptions } from "../src/index.js";
import { invoice, SELLER } from "./helpers.js";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setUp(options: SandboxOptions = {}, credentials: Record<string, string> = {}) {
  sandbox = await createSandbox({ clock: manualClock("2026-05-18T10:00:00+08:00"), seed: 1, ...options });
  const nuonuo = createNuonuo({
    credentials: { ...sandbox.credentials("nuonuo"), ...credentials } as never,
    sellerTaxId: SELLER,
    timeoutMs: 1_000,
  });
  return { sandbox, nuonuo };
}

/** Queries until the outcome is final or `limit` queries were made. */
async function settle(provider: Provider, key: string, limit = 5): Promise<IssueOutcome> {
  let outcome = await provider.query(key);
  for (let i = 1; i < limit && outcome.status === "pending"; i++) outcome = await provider.query(key);
  return outcome;
}

describe("Nuonuo against the sandbox", () => {
  it("issues: pending with a serial number, then 开票中, then issued with a 20-digit number", async () => {
    const { sandbox, nuonuo } = await setUp();
    const accepted = await nuonuo.issue({ requestKey: "SO-1", invoice: invoice() });
    expect(accepted).toMatchObject({ status: "pending", requestKey: "SO-1" });
    expect((accepted as { providerRef: string }).providerRef).toMatch(/^\d{20}$/);
    expect(await nuonuo.query("SO-1")).toMatchObject({ status: "pending" });
    const issued = await nuonuo.query("SO-1");
    expect(issued).toMatchObject({ status: "issued", issuedAt: "2026-05-18T10:00:00+08:00" });
    const number = (issued as { number: string }).number;
    expect(number).toMatch(/^26332\d{15}$/); // 2026, 33 Zhejiang (seller 9133…), channel 2
    expect(sandbox.invoices()).toEqual([
      {
        requestKey: "SO-1",
        number,
        provider: "nuonuo",
        status: "issued",
        issuedAt: "2026-05-18T10:00:00+08:00",
      },
    ]);
    expect(await (await fetch(`${sandbox.url}/sandbox/invoices`)).json()).toEqual(sandbox.invoices());
  });

  it("answers a reused order number as a duplicate and issues nothing more", async () => {
    const { sandbox, nuonuo } = await setUp();
    await nuonuo.issue({ requestKey: "SO-2", invoice: invoice() });
    const again = await nuonuo.issue({ requestKey: "SO-2", invoice: invoice() });
    expect(again).toMatchObject({ status: "rejected", reason: "duplicate" });
    expect(again.status === "rejected" && again.diagnostics[0]?.providerCode).toBe("E9106");
    expect(sandbox.invoices()).toHaveLength(1);
  });

  it("refuses what the standard rules refuse (tax 181.00 on 3000.00 at 6%)", async () => {
    const { sandbox, nuonuo } = await setUp();
    const bad = invoice();
    bad.lines[0]!.tax = "181.00";
    const outcome = await nuonuo.issue({ requestKey: "SO-3", invoice: bad });
    expect(outcome).toMatchObject({ status: "rejected", reason: "refused" });
    expect(JSON.stringify(outcome)).toContain("180.00");
    expect(sandbox.invoices()).toHaveLength(0);
    expect(await nuonuo.query("SO-3")).toMatchObject({ status: "rejected", reason: "not-found" });
  });

  it("answers a wrong signature with Nuonuo's credential error, issuing nothing", async () => {
    const { sandbox, nuonuo } = await setUp({}, { appSecret: "not-the-secret" });
    const outcome = await nuonuo.issue({ requestKey: "SO-4", invoice: invoice() });
    expect(outcome).toMatchObject({ status: "rejected", reason: "credentials" });
    expect(sandbox.invoices()).toHaveLength(0);
  });

  it("accepts any credentials once registered", async () => {
    const mine = { appKey: "MY-APP", appSecret: "my-secret", accessToken: "my-token" };
    const { sandbox, nuonuo } = await setUp({ credentials: [mine] }, mine);
    expect(await nuonuo.issue({ requestKey: "SO-5", invoice: invoice() })).toMatchObject({
      status: "pending",
    });
    expect(sandbox.invoices()).toHaveLength(1);
  });
});

describe("faults (Nuonuo)", () => {
  it("timeout: issues, the client gives up (unknown), the query finds the invoice", async () => {
    const { sandbox, nuonuo } = await setUp({ faults: "timeout=1" });
    const outcome = await nuonuo.issue({ requestKey: "T-1", invoice: invoice() }, { timeoutMs: 200 });
    expect(outcome.status).toBe("unknown");
    expect(sandbox.invoices()).toHaveLength(1);
    expect(await settle(nuonuo, "T-1")).toMatchObject({ status: "issued" });
  });

  it("reset: issues, drops the connection (unknown), the query finds the invoice", async () => {
    const { sandbox, nuonuo } = await setUp({ faults: "reset=1" });
    expect((await nuonuo.issue({ requestKey: "R-1", invoice: invoice() })).status).toBe("unknown");
    expect(sandbox.invoices()).toHaveLength(1);
    expect(await settle(nuonuo, "R-1")).toMatchObject({ status: "issued" });
  });

  it("5xx: an HTML error page (unknown) and nothing issued", async () => {
    const { sandbox, nuonuo } = await setUp({ faults: "5xx=1" });
    expect((await nuonuo.issue({ requestKey: "E-1", invoice: invoice() })).status).toBe("unknown");
    expect(sandbox.invoices()).toHaveLength(0);
    expect(await nuonuo.query("E-1")).toMatchObject({ status: "rejected", reason: "not-found" });
  });

  it("seal: issued with a seal failure (status 24) until re-sealed, keeping its number", async () => {
    const { sandbox, nuonuo } = await setUp({ faults: "seal=1" });
    await nuonuo.issue({ requestKey: "S-1", invoice: invoice() });
    expect(await settle(nuonuo, "S-1")).toMatchObject({ status: "rejected", reason: "seal-failed" });
    const number = sandbox.invoices()[0]!.number;
    expect(sandbox.invoices()[0]!.status).toBe("seal-failed");
    await nuonuo.reseal!("S-1");
    expect(await settle(nuonuo, "S-1")).toMatchObject({ status: "issued", number });
    expect(sandbox.invoices()).toHaveLength(1);
  });

  it("slow: answers, but only after the configured delay", async () => {
    const { nuonuo } = await setUp({ faults: "slow=1", slowMs: 300 });
    const started = performance.now();
    expect(await nuonuo.issue({ requestKey: "L-1", invoice: invoice() })).toMatchObject({
      status: "pending",
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("duplicate: issues, answers E9106 as after a lost answer, the query finds the invoice", async () => {
    const { sandbox, nuonuo } = await setUp({ faults: "duplicate=1" });
    expect(await nuonuo.issue({ requestKey: "D-1", invoice: invoice() })).toMatchObject({
      status: "rejected",
      reason: "duplicate",
    });
    expect(sandbox.invoices()).toHaveLength(1);
    expect(await settle(nuonuo, "D-1")).toMatchObject({ status: "issued" });
  });

  it("draws faults from a seeded source: the same seed, the same faults", async () => {
    const run = async () => {
      const { sandbox, nuonuo } = await setUp({ faults: "5xx=0.5", seed: 42 });
      const statuses = [];
      for (let i = 0; i < 8; i++)
        statuses.push((await nuonuo.issue({ requestKey: `K-${i}`, invoice: invoice() })).status);
      await sandbox.close();
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain("unknown");
    expect(first).toContain("pending");
  });
});

describe("red letter (Nuonuo)", () => {
  it("full reversal: form 01 (buyer has not confirmed use), red invoice −4240.00, a second reversal refused", async () => {
    const { sandbox, nuonuo } = await setUp();
    const blue = invoice();
    await nuonuo.issue({ requestKey: "B-1", invoice: blue });
    const issued = await settle(nuonuo, "B-1");
    const number = (issued as { number: string }).number;
    const application = {
      requestKey: "F-1",
      initiator: "seller" as const,
      originalNumber: number,
      originalIssueDate: "2026-05-18",
      originalKind: "special" as const,
      originalAmount: "4000.00",
      originalTax: "240.00",
      reason: "01" as const,
      seller: { taxId: SELLER, name: blue.seller.name },
      buyer: { taxId: blue.buyer.taxId!, name: blue.buyer.name },
      amount: "-4000.00",
      tax: "-240.00",
      lines: [],
    };
    const form = await nuonuo.redLetter.applyForm(application);
    expect(form).toMatchObject({ status: "ok", value: { uuid: "F-1", state: "01", originalNumber: number } });
    const red = await nuonuo.redLetter.issueRed({
      requestKey: "RED-1",
      invoice: negateInvoice(blue),
      red: {
        originalNumber: number,
        reason: "01",
        formNumber: (form as { value: { number: string } }).value.number,
      },
    });
    expect(red.status).toBe("pending");
    const redIssued = await settle(nuonuo, "RED-1");
    expect(redIssued.status).toBe("issued");
    const listed = sandbox.platform.findByNumber((redIssued as { number: string }).number);
    expect(listed?.invoice.totals).toMatchObject({ amount: "-4000.00", tax: "-240.00", total: "-4240.00" });
    const second = await nuonuo.redLetter.applyForm({ ...application, requestKey: "F-2" });
    expect(second).toMatchObject({ status: "rejected" });
    expect(second.status === "rejected" && second.diagnostics[0]?.providerCode).toBe("E9103");
  });

  it("a form waiting for the buyer expires after 72 hours (07) and cannot be confirmed", async () => {
    const { sandbox, nuonuo } = await setUp({ redConfirmation: "always" });
    const blue = invoice();
    await nuonuo.issue({ requestKey: "B-2", invoice: blue });
    const number = ((await settle(nuonuo, "B-2")) as { number: string }).number;
    const form = await nuonuo.redLetter.applyForm({
      requestKey: "F-3",
      initiator: "seller",
      originalNumber: number,
      originalIssueDate: "2026-05-18",
      originalKind: "special",
      originalAmount: "4000.00",
      originalTax: "240.00",
      reason: "02",
      seller: { taxId: SELLER, name: blue.seller.name },
      buyer: { taxId: blue.buyer.taxId!, name: blue.buyer.name },
      amount: "-4000.00",
      tax: "-240.00",
      lines: [],
    });
    expect(form).toMatchObject({ status: "ok", value: { state: "02" } });
    sandbox.clock.advance(72 * HOUR);
    const listed = await nuonuo.redLetter.listForms({ from: "2026-05-18", to: "2026-05-21" });
    expect(listed).toMatchObject({ status: "ok", value: [{ uuid: "F-3", state: "07" }] });
    expect((await nuonuo.redLetter.confirmForm({ uuid: "F-3" })).status).toBe("rejected");
  });

  it("confirm 02 → 04, then the red invoice; withdraw a confirmed form → 09", async () => {
    const { nuonuo } = await setUp({ redConfirmation: "always" });
    const blue = invoice();
    await nuonuo.issue({ requestKey: "B-3", invoice: blue });
    const number = ((await settle(nuonuo, "B-3")) as { number: string }).number;
    const apply = (requestKey: string, amount: string, tax: string) =>
      nuonuo.redLetter.applyForm({
        requestKey,
        initiator: "seller",
        originalNumber: number,
        originalIssueDate: "2026-05-18",
        originalKind: "special",
        originalAmount: "4000.00",
        originalTax: "240.00",
        reason: "01",
        seller: { taxId: SELLER, name: blue.seller.name },
        buyer: { taxId: blue.buyer.taxId!, name: blue.buyer.name },
        amount,
        tax,
        lines: [],
      });
    await apply("F-4", "-4000.00", "-240.00");
    expect(await nuonuo.redLetter.confirmForm({ uuid: "F-4" })).toMatchObject({
      status: "ok",
      value: { state: "04" },
    });
    expect(await nuonuo.redLetter.cancelForm({ uuid: "F-4" })).toMatchObject({
      status: "ok",
      value: { state: "09" },
    });
  });
});
