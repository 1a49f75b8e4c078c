// The 百望 adapter (@efapiao/baiwang) against the sandbox end to end: synchronous issuing, duplicates,
// rule refusals, bad signatures (100007), the password grant, faults, partial and full reversals.
import { negateLines } from "@efapiao/calc";
import { createBaiwang } from "@efapiao/baiwang";
import type { RedFormApplication } from "@efapiao/provider";
import { afterEach, describe, expect, it } from "vitest";
import { createSandbox, manualClock, type Sandbox, type SandboxOptions } from "../src/index.js";
import { invoice, SELLER } from "./helpers.js";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setUp(options: SandboxOptions = {}, credentials: Record<string, string> = {}) {
  sandbox = await createSandbox({ clock: manualClock("2026-05-21T15:26:32+08:00"), seed: 3, ...options });
  const baiwang = createBaiwang({
    credentials: { ...sandbox.credentials("baiwang"), ...credentials } as never,
    sellerTaxId: SELLER,
    timeoutMs: 1_000,
  });
  return { sandbox, baiwang };
}

describe("Baiwang against the sandbox", () => {
  it("issues synchronously with a 20-digit number and the platform's time", async () => {
    const { sandbox, baiwang } = await setUp();
    const outcome = await baiwang.issue({ requestKey: "BW-1", invoice: invoice() });
    expect(outcome).toMatchObject({ status: "issued", issuedAt: "2026-05-21T15:26:32+08:00" });
    const number = (outcome as { number: string }).number;
    expect(number).toMatch(/^26332\d{15}$/);
    expect(await baiwang.query("BW-1")).toMatchObject({ status: "issued", number });
    expect(sandbox.invoices()).toEqual([
      {
        requestKey: "BW-1",
        number,
        provider: "baiwang",
        status: "issued",
        issuedAt: "2026-05-21T15:26:32+08:00",
      },
    ]);
  });

  it("answers a reused serial number as a duplicate; the query returns the first invoice", async () => {
    const { sandbox, baiwang } = await setUp();
    const first = await baiwang.issue({ requestKey: "BW-2", invoice: invoice() });
    expect(await baiwang.issue({ requestKey: "BW-2", invoice: invoice() })).toMatchObject({
      status: "rejected",
      reason: "duplicate",
    });
    expect(await baiwang.query("BW-2")).toMatchObject({ number: (first as { number: string }).number });
    expect(sandbox.invoices()).toHaveLength(1);
  });

  it("refuses what the standard rules refuse, and an unknown serial is not found", async () => {
    const { sandbox, baiwang } = await setUp();
    const bad = invoice();
    bad.lines[1]!.tax = "61.00"; // 1000.00 × 6% = 60.00; the header agrees with the lines, the rate does not
    bad.totals = { ...bad.totals, tax: "241.00", total: "4241.00" };
    const outcome = await baiwang.issue({ requestKey: "BW-3", invoice: bad });
    expect(outcome).toMatchObject({ status: "rejected", reason: "refused" });
    expect(JSON.stringify(outcome)).toContain("60.00");
    expect(sandbox.invoices()).toHaveLength(0);
    expect(await baiwang.query("BW-3")).toMatchObject({ status: "rejected", reason: "not-found" });
  });

  it("answers a wrong signature with 100007", async () => {
    const { sandbox, baiwang } = await setUp({}, { appSecret: "wrong" });
    const outcome = await baiwang.issue({ requestKey: "BW-4", invoice: invoice() });
    expect(outcome).toMatchObject({ status: "rejected", reason: "credentials" });
    expect(outcome.status === "rejected" && outcome.diagnostics[0]?.providerCode).toBe("100007");
    expect(sandbox.invoices()).toHaveLength(0);
  });

  it("accepts any credentials through the password grant", async () => {
    sandbox = await createSandbox();
    const baiwang = createBaiwang({
      credentials: { appKey: "MINE", appSecret: "my-secret", username: "u", password: "p", url: sandbox.url },
      sellerTaxId: SELLER,
    });
    expect(await baiwang.issue({ requestKey: "BW-5", invoice: invoice() })).toMatchObject({
      status: "issued",
    });
  });

  it("faults: 5xx issues nothing; reset, timeout and duplicate issue once, found by query", async () => {
    const { sandbox, baiwang } = await setUp({ faults: "5xx=1" });
    expect((await baiwang.issue({ requestKey: "F-1", invoice: invoice() })).status).toBe("unknown");
    expect(sandbox.invoices()).toHaveLength(0);
    for (const [fault, key] of [
      ["reset=1", "F-2"],
      ["timeout=1", "F-3"],
      ["duplicate=1", "F-4"],
    ] as const) {
      sandbox.setFaults(fault);
      const outcome = await baiwang.issue({ requestKey: key, invoice: invoice() }, { timeoutMs: 200 });
      expect(outcome.status).toBe(fault === "duplicate=1" ? "rejected" : "unknown");
      sandbox.setFaults("");
      expect(await baiwang.query(key)).toMatchObject({ status: "issued" });
    }
    expect(sandbox.invoices().map((i) => i.requestKey)).toEqual(["F-2", "F-3", "F-4"]);
  });
});

describe("red letter (Baiwang)", () => {
  it("partial reversal of line 2, then the rest; beyond that is refused", async () => {
    const { sandbox, baiwang } = await setUp();
    const blue = invoice();
    const issued = await baiwang.issue({ requestKey: "B-1", invoice: blue });
    const number = (issued as { number: string }).number;
    const application = (key: string, lines: number[]): RedFormApplication => {
      const red = negateLines(blue, lines);
      if (!red.ok) throw new Error("negate");
      return {
        requestKey: key,
        initiator: "seller",
        originalNumber: number,
        originalIssueDate: "2026-05-21 15:26:32",
        originalKind: "special",
        originalAmount: "4000.00",
        originalTax: "240.00",
        reason: "02",
        seller: { taxId: SELLER, name: blue.seller.name },
        buyer: { taxId: blue.buyer.taxId!, name: blue.buyer.name },
        amount: red.value.totals.amount,
        tax: red.value.totals.tax,
        lines: red.value.lines.map((l, i) => ({
          originalIndex: lines[i]!,
          itemName: l.itemName,
          code: l.code,
          amount: l.amount,
          taxRate: l.taxRate,
          tax: l.tax,
        })),
      };
    };
    const partial = await baiwang.redLetter.applyForm(application("RF-1", [2]));
    expect(partial).toMatchObject({
      status: "ok",
      value: { state: "01", amount: "-1000.00", tax: "-60.00" },
    });
    const form = (partial as { value: { uuid: string; number: string } }).value;
    const red = negateLines(blue, [2]);
    if (!red.ok) throw new Error("negate");
    const redIssued = await baiwang.redLetter.issueRed({
      requestKey: "R-1",
      invoice: red.value,
      red: { originalNumber: number, reason: "02", formUuid: form.uuid, formNumber: form.number },
    });
    expect(redIssued).toMatchObject({ status: "issued" });
    const redRecord = sandbox.platform.findByNumber((redIssued as { number: string }).number);
    expect(redRecord?.invoice.totals).toMatchObject({ amount: "-1000.00", tax: "-60.00", total: "-1060.00" });
    expect(redRecord?.invoice.remarks).toBe(
      `被红冲蓝字数电票号码：${number} 红字发票信息确认单编号：${form.number}`,
    );

    expect(await baiwang.redLetter.applyForm(application("RF-2", [1]))).toMatchObject({
      status: "ok",
      value: { amount: "-3000.00", tax: "-180.00" },
    });
    const over = await baiwang.redLetter.applyForm(application("RF-3", [1]));
    expect(over).toMatchObject({ status: "rejected", reason: "refused" });
    const listed = await baiwang.redLetter.listForms({ from: "2026-05-21", to: "2026-05-21" });
    expect(listed.status === "ok" && listed.value.map((f) => f.state)).toEqual(["01", "01"]);
  });

  it("confirm and refuse through operate", async () => {
    const { baiwang } = await setUp({ redConfirmation: "always" });
    const blue = invoice();
    const number = ((await baiwang.issue({ requestKey: "B-2", invoice: blue })) as { number: string }).number;
    const apply = (key: string) =>
      baiwang.redLetter.applyForm({
        requestKey: key,
        initiator: "seller",
        originalNumber: number,
        originalIssueDate: "2026-05-21 15:26:32",
        originalKind: "special",
        originalAmount: "4000.00",
        originalTax: "240.00",
        reason: "01",
        seller: { taxId: SELLER, name: blue.seller.name },
        buyer: { taxId: blue.buyer.taxId!, name: blue.buyer.name },
        amount: "-4000.00",
        tax: "-240.00",
        lines: [],
      });
    const first = (await apply("RF-A")) as { value: { uuid: string; number: string; state: string } };
    expect(first.value.state).toBe("02");
    expect(await baiwang.redLetter.refuseForm(first.value)).toMatchObject({
      status: "ok",
      value: { state: "05" },
    });
    const second = (await apply("RF-B")) as { value: { uuid: string; number: string } };
    expect(await baiwang.redLetter.confirmForm(second.value)).toMatchObject({
      status: "ok",
      value: { state: "04" },
    });
  });
});
