// The 乐企 adapter (@efapiao/leqi) against the sandbox end to end: SM4 bodies both ways, pre-assigned
// numbers (QDFPPLFM), upload and result (QDFPSC → CXQDFPSCJG), a reused number, rule refusals, a wrong
// key, faults, and red-letter forms (QDHZQRDSQ / CXQDHZQRDLB / QDHZQRDQR).
import { negateInvoice } from "@efapiao/calc";
import {
  createLeqi,
  type LeqiCredentials,
  LEQI_SERVICES,
  memoryLeqiState,
  openLeqiAnswer,
  prepareLeqiRequest,
} from "@efapiao/leqi";
import type { IssueOutcome, Provider } from "@efapiao/provider";
import { afterEach, describe, expect, it } from "vitest";
import { createSandbox, HOUR, manualClock, type Sandbox, type SandboxOptions } from "../src/index.js";
import { invoice, SELLER } from "./helpers.js";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** Asks the sandbox for a batch of pre-assigned numbers, through the adapter's request and answer code. */
async function batch(credentials: LeqiCredentials, count: number, ywlsh: string) {
  const prepared = prepareLeqiRequest(credentials, LEQI_SERVICES.numbers, {
    nsrsbh: SELLER,
    lysl: count,
    ywlsh,
  });
  const response = await fetch(prepared.url, {
    method: "POST",
    headers: prepared.headers,
    body: prepared.body,
  });
  const opened = openLeqiAnswer(credentials.sm4Key, (await response.json()) as Record<string, unknown>);
  if ("status" in opened) throw new Error(JSON.stringify(opened));
  return opened.data as { fpqshm: string; fpzzhm: string; lysl: number };
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = BigInt(from); n <= BigInt(to); n++) out.push(n.toString().padStart(20, "0"));
  return out;
}

async function setUp(options: SandboxOptions = {}) {
  sandbox = await createSandbox({ clock: manualClock("2026-05-18T10:00:00+08:00"), seed: 5, ...options });
  const credentials = sandbox.credentials("leqi") as unknown as LeqiCredentials;
  const numbers = await batch(credentials, 5, "B-1");
  const leqi = createLeqi({
    credentials,
    sellerTaxId: SELLER,
    state: memoryLeqiState(range(numbers.fpqshm, numbers.fpzzhm)),
    timeoutMs: 1_000,
  });
  return { sandbox, leqi, credentials, numbers };
}

async function settle(provider: Provider, key: string): Promise<IssueOutcome> {
  let outcome = await provider.query(key);
  for (let i = 0; i < 4 && outcome.status === "pending"; i++) outcome = await provider.query(key);
  return outcome;
}

describe("乐企 against the sandbox", () => {
  it("pre-assigns 5 consecutive numbers; the same 业务流水号 gives the same batch", async () => {
    const { credentials, numbers } = await setUp();
    expect(numbers.lysl).toBe(5);
    expect(numbers.fpqshm).toMatch(/^26332\d{15}$/);
    expect(BigInt(numbers.fpzzhm) - BigInt(numbers.fpqshm)).toBe(4n);
    expect(await batch(credentials, 5, "B-1")).toEqual(numbers);
  });

  it("uploads under the pre-assigned number: accepted, 处理中, then issued", async () => {
    const { sandbox, leqi, numbers } = await setUp();
    const accepted = await leqi.issue({ requestKey: "SO-1", invoice: invoice() });
    expect(accepted).toMatchObject({ status: "pending" });
    expect(await leqi.query("SO-1")).toMatchObject({ status: "pending" });
    expect(await leqi.query("SO-1")).toMatchObject({
      status: "issued",
      number: numbers.fpqshm,
      issuedAt: "2026-05-18T10:00:00+08:00",
    });
    expect(sandbox.invoices()).toMatchObject([
      { number: numbers.fpqshm, provider: "leqi", status: "issued" },
    ]);
  });

  it("a number uploaded twice answers the first upload: one invoice", async () => {
    const { sandbox, credentials, numbers } = await setUp();
    const state = memoryLeqiState([numbers.fpqshm]);
    const first = createLeqi({ credentials, sellerTaxId: SELLER, state });
    await first.issue({ requestKey: "SO-2", invoice: invoice() });
    // A second client that lost the answer sends the same number again.
    const again = createLeqi({ credentials, sellerTaxId: SELLER, state: memoryLeqiState([numbers.fpqshm]) });
    const outcome = await again.issue({ requestKey: "SO-2", invoice: invoice() });
    expect(outcome).toMatchObject({ status: "pending" });
    expect(await settle(again, "SO-2")).toMatchObject({ status: "issued", number: numbers.fpqshm });
    expect(sandbox.invoices()).toHaveLength(1);
  });

  it("refuses in the upload result what the standard rules refuse", async () => {
    const { sandbox, leqi } = await setUp();
    const bad = invoice();
    bad.lines[0]!.tax = "181.00"; // 3000.00 × 6% = 180.00
    expect((await leqi.issue({ requestKey: "SO-3", invoice: bad })).status).toBe("pending");
    const result = await leqi.query("SO-3");
    expect(result).toMatchObject({ status: "rejected", reason: "refused" });
    expect(JSON.stringify(result)).toContain("180.00");
    expect(sandbox.invoices()).toHaveLength(0);
  });

  it("refuses a number that was not pre-assigned", async () => {
    const { sandbox, credentials } = await setUp();
    const leqi = createLeqi({
      credentials,
      sellerTaxId: SELLER,
      state: memoryLeqiState(["26332000000099999999"]),
    });
    await leqi.issue({ requestKey: "SO-4", invoice: invoice() });
    expect(await leqi.query("SO-4")).toMatchObject({ status: "rejected", reason: "refused" });
    expect(sandbox.invoices()).toHaveLength(0);
  });

  it("answers a body under the wrong key with a clear-text error", async () => {
    const { sandbox, credentials, numbers } = await setUp();
    const wrong = { ...credentials, sm4Key: "ffffffffffffffffffffffffffffffff" };
    const leqi = createLeqi({
      credentials: wrong,
      sellerTaxId: SELLER,
      state: memoryLeqiState([numbers.fpqshm]),
    });
    const outcome = await leqi.issue({ requestKey: "SO-5", invoice: invoice() });
    expect(outcome.status).toBe("rejected");
    expect(outcome.status === "rejected" && outcome.diagnostics[0]?.providerCode).toBe("1003");
    expect(sandbox.invoices()).toHaveLength(0);
  });

  it("faults: 5xx issues nothing, reset issues once", async () => {
    const { sandbox, leqi } = await setUp({ faults: "5xx=1" });
    expect((await leqi.issue({ requestKey: "F-1", invoice: invoice() })).status).toBe("unknown");
    expect(sandbox.invoices()).toHaveLength(0);
    sandbox.setFaults("reset=1");
    expect((await leqi.issue({ requestKey: "F-2", invoice: invoice() })).status).toBe("unknown");
    expect(sandbox.invoices()).toHaveLength(1);
  });
});

describe("red letter (乐企)", () => {
  it("form 02 → confirm Y → 04 → red invoice; an unanswered form expires (07)", async () => {
    const { sandbox, leqi } = await setUp({ redConfirmation: "always" });
    const blue = invoice();
    await leqi.issue({ requestKey: "B-1", invoice: blue });
    const number = ((await settle(leqi, "B-1")) as { number: string }).number;
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
    const form = await leqi.redLetter.applyForm(application);
    expect(form).toMatchObject({
      status: "ok",
      value: { state: "02", originalNumber: number, amount: "-4000.00" },
    });
    const ref = (form as { value: { uuid: string; number: string } }).value;
    expect(await leqi.redLetter.confirmForm(ref)).toMatchObject({ status: "ok", value: { state: "04" } });
    await leqi.redLetter.issueRed({
      requestKey: "R-1",
      invoice: negateInvoice(blue),
      red: { originalNumber: number, reason: "01", formUuid: ref.uuid, formNumber: ref.number },
    });
    const red = await settle(leqi, "R-1");
    expect(red.status).toBe("issued");
    expect(sandbox.platform.findByNumber((red as { number: string }).number)?.invoice.totals.total).toBe(
      "-4240.00",
    );

    // A second full reversal is refused: nothing remains.
    expect(await leqi.redLetter.applyForm(application)).toMatchObject({ status: "rejected" });

    // A fresh blue invoice, a form nobody answers, 72 hours later: 07.
    await leqi.issue({ requestKey: "B-2", invoice: blue });
    const second = ((await settle(leqi, "B-2")) as { number: string }).number;
    await leqi.redLetter.applyForm({ ...application, originalNumber: second });
    sandbox.clock.advance(72 * HOUR);
    const listed = await leqi.redLetter.listForms({
      from: "2026-05-18",
      to: "2026-05-21",
      originalNumber: second,
    });
    expect(listed).toMatchObject({ status: "ok", value: [{ state: "07" }] });
  });
});
