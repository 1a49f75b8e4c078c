/**
 * 用途确认 as a workflow, against a platform stand-in that keeps each invoice's use status as the port
 * describes it, and can lose an answer after applying a request. Nothing is ever sent twice: a lost answer
 * or a crash is resolved by listing, a repeated request is not sent.
 */
import type { ReceivedInvoice, UseConfirmationCapability, UseConfirmationItem } from "@efapiao/provider";
import { describe, expect, it } from "vitest";
import { createMemoryUseStore, UseConfirmation, type UseStore } from "../src/index.js";

const BUYER = "914403001922038216";
const A = "26332000000000000001";
const B = "26332000000000000002";

function platform() {
  const invoices = new Map<string, ReceivedInvoice>(
    [A, B].map((number) => [
      number,
      {
        number,
        issueDate: "2026-05-18",
        sellerTaxId: "91330100716105852F",
        sellerName: "阿里巴巴（中国）网络技术有限公司",
        amount: "4000.00",
        tax: "240.00",
        useStatus: "unconfirmed",
      },
    ]),
  );
  const sent: { action: string; numbers: string[] }[] = [];
  let loseNextAnswer = false;
  const apply = (action: "confirm" | "cancel") => async (_period: string, items: UseConfirmationItem[]) => {
    sent.push({ action, numbers: items.map((i) => i.number) });
    const results = items.map((item) => {
      const invoice = invoices.get(item.number);
      if (!invoice) return { number: item.number, ok: false, providerCode: "NOT_FOUND" };
      if (action === "confirm" && invoice.useStatus !== "unconfirmed")
        return { number: item.number, ok: false, providerCode: "ALREADY_CONFIRMED" };
      invoice.useStatus = action === "confirm" ? (item.use ?? "deduct") : "unconfirmed";
      return { number: item.number, ok: true };
    });
    if (loseNextAnswer) {
      loseNextAnswer = false;
      return { status: "unknown" as const, diagnostics: [] };
    }
    return { status: "ok" as const, value: results };
  };
  const capability: UseConfirmationCapability = {
    listReceived: async (filter) => ({
      status: "ok",
      value: [...invoices.values()]
        .filter((i) => !filter.useStatus || i.useStatus === filter.useStatus)
        .map((i) => ({ ...i })),
    }),
    confirmUse: apply("confirm"),
    cancelUse: apply("cancel"),
  };
  return {
    capability,
    sent,
    invoices,
    loseAnswer: () => {
      loseNextAnswer = true;
    },
  };
}

const requests = [
  { number: A, issueDate: "2026-05-18" },
  { number: B, issueDate: "2026-05-18", use: "no-deduct" as const },
];

describe("UseConfirmation", () => {
  it("confirms, records, and does not send the same confirmation again", async () => {
    const p = platform();
    const store = createMemoryUseStore();
    const use = new UseConfirmation({ store, capability: p.capability, buyerTaxId: BUYER, now: () => 1 });
    const first = await use.apply("2026-05", "confirm", requests);
    expect(first.map((r) => [r.number, r.status])).toEqual([
      [A, "done"],
      [B, "done"],
    ]);
    expect(p.invoices.get(A)!.useStatus).toBe("deduct");
    expect(p.invoices.get(B)!.useStatus).toBe("no-deduct");
    const again = await use.apply("2026-05", "confirm", requests);
    expect(again.map((r) => r.status)).toEqual(["unchanged", "unchanged"]);
    expect(p.sent).toEqual([{ action: "confirm", numbers: [A, B] }]);
    const records = await use.records("2026-05");
    expect(records.map((r) => [r.key, r.action, r.use, r.status, r.sends])).toEqual([
      [`${BUYER}/2026-05/${A}/1`, "confirm", "deduct", "done", 1],
      [`${BUYER}/2026-05/${B}/1`, "confirm", "no-deduct", "done", 1],
    ]);
  });

  it("cancels, then confirms again as a new request", async () => {
    const p = platform();
    const use = new UseConfirmation({
      store: createMemoryUseStore(),
      capability: p.capability,
      buyerTaxId: BUYER,
    });
    await use.apply("2026-05", "confirm", [requests[0]!]);
    expect((await use.apply("2026-05", "cancel", [requests[0]!]))[0]!.status).toBe("done");
    expect(p.invoices.get(A)!.useStatus).toBe("unconfirmed");
    expect((await use.apply("2026-05", "confirm", [requests[0]!]))[0]!.status).toBe("done");
    expect(p.sent.map((s) => s.action)).toEqual(["confirm", "cancel", "confirm"]);
    expect((await use.records()).map((r) => r.key.split("/").at(-1))).toEqual(["1", "2", "3"]);
  });

  it("a lost answer is resolved by listing, not by sending again", async () => {
    const p = platform();
    const store = createMemoryUseStore();
    const use = new UseConfirmation({ store, capability: p.capability, buyerTaxId: BUYER });
    p.loseAnswer();
    const lost = await use.apply("2026-05", "confirm", [requests[0]!]);
    expect(lost[0]!.status).toBe("unknown");
    const later = await use.apply("2026-05", "confirm", [requests[0]!]);
    expect(later[0]!.status).toBe("unchanged");
    expect(p.sent).toHaveLength(1);
    expect((await use.records())[0]).toMatchObject({ status: "done", sends: 1 });
  });

  it("a crash after sending, before the answer is written, is resolved the same way", async () => {
    const p = platform();
    const store = createMemoryUseStore();
    // The process dies right after the platform applied the request: the answer is never written.
    let writes = 0;
    const dying: UseStore = {
      ...store,
      list: store.list,
      insert: store.insert,
      async update(record) {
        if (++writes > 1) throw new Error("killed");
        return store.update(record);
      },
    };
    await expect(
      new UseConfirmation({ store: dying, capability: p.capability, buyerTaxId: BUYER }).apply(
        "2026-05",
        "confirm",
        [requests[0]!],
      ),
    ).rejects.toThrow("killed");
    expect((await store.list(BUYER))[0]).toMatchObject({ status: "recorded", sends: 1 });
    const restarted = new UseConfirmation({ store, capability: p.capability, buyerTaxId: BUYER });
    const reports = await restarted.apply("2026-05", "confirm", [requests[0]!]);
    expect(reports[0]!.status).toBe("unchanged");
    expect(p.sent).toHaveLength(1);
    expect((await store.list(BUYER))[0]).toMatchObject({ status: "done", sends: 1 });
  });

  it("a crash before sending sends the recorded request on the next run", async () => {
    const p = platform();
    const store = createMemoryUseStore();
    const dying: UseStore = {
      ...store,
      async update() {
        throw new Error("killed");
      },
    };
    await expect(
      new UseConfirmation({ store: dying, capability: p.capability, buyerTaxId: BUYER }).apply(
        "2026-05",
        "confirm",
        [requests[0]!],
      ),
    ).rejects.toThrow("killed");
    expect(p.sent).toHaveLength(0);
    const reports = await new UseConfirmation({ store, capability: p.capability, buyerTaxId: BUYER }).apply(
      "2026-05",
      "confirm",
      [requests[0]!],
    );
    expect(reports[0]!.status).toBe("done"); // sent now, while resolving the unfinished record
    expect(p.sent).toEqual([{ action: "confirm", numbers: [A] }]);
    expect(p.invoices.get(A)!.useStatus).toBe("deduct");
  });

  it("sends at most batchSize invoices a call, each batch answered before the next is sent", async () => {
    const p = platform();
    const use = new UseConfirmation({
      store: createMemoryUseStore(),
      capability: p.capability,
      buyerTaxId: BUYER,
      batchSize: 1,
    });
    const reports = await use.apply("2026-05", "confirm", requests);
    expect(reports.map((r) => [r.number, r.status])).toEqual([
      [A, "done"],
      [B, "done"],
    ]);
    expect(p.sent).toEqual([
      { action: "confirm", numbers: [A] },
      { action: "confirm", numbers: [B] },
    ]);
    expect(p.invoices.get(B)!.useStatus).toBe("no-deduct");
  });

  it("reports the platform's refusal with its code", async () => {
    const p = platform();
    const use = new UseConfirmation({
      store: createMemoryUseStore(),
      capability: p.capability,
      buyerTaxId: BUYER,
    });
    const reports = await use.apply("2026-05", "confirm", [
      { number: "26332000000000000099", issueDate: "2026-05-18" },
    ]);
    expect(reports).toEqual([
      {
        number: "26332000000000000099",
        action: "confirm",
        status: "refused",
        providerCode: "NOT_FOUND",
        diagnostics: [],
      },
    ]);
  });
});
