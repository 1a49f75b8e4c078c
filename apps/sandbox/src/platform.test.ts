// The platform behind the protocols: issuing once per key, numbers, red-letter forms (states, 72-hour
// expiry, over-reversal), 查验 and 用途确认. Expected figures are worked out by hand from the test sale
// (3000.00 + 1000.00 at 6%: tax 180.00 + 60.00, total 4240.00).
import { negateInvoice, negateLines } from "@efapiao/calc";
import { beforeEach, describe, expect, it } from "vitest";
import { BUYER, invoice, SELLER } from "../test/helpers.js";
import { HOUR, type ManualClock, manualClock } from "./clock.js";
import { Platform } from "./platform.js";
import { memoryStore } from "./store.js";

let clock: ManualClock;
let platform: Platform;

async function open(options: { redConfirmation?: "when-used" | "always" } = {}) {
  clock = manualClock("2026-05-18T10:00:00+08:00");
  platform = await Platform.open({ clock, store: memoryStore(), ...options });
}

function issueBlue(key = "SO-1") {
  const result = platform.issue({
    provider: "baiwang",
    requestKey: key,
    sellerTaxId: SELLER,
    invoice: invoice(),
    async: false,
  });
  if (result.kind !== "issued") throw new Error(JSON.stringify(result));
  return result.record;
}

beforeEach(() => open());

describe("issuing", () => {
  it("numbers invoices 26 (2026) 33 (seller 9133…) 2 then a 15-digit sequence, one per key", () => {
    const first = issueBlue("A");
    const second = issueBlue("B");
    expect(first.number).toBe("26332000000000000001");
    expect(second.number).toBe("26332000000000000002");
    expect(first.issuedAt).toBe("2026-05-18T10:00:00+08:00");
    expect(first.invoice.totals).toMatchObject({ amount: "4000.00", tax: "240.00", total: "4240.00" });
    const again = platform.issue({
      provider: "baiwang",
      requestKey: "A",
      sellerTaxId: SELLER,
      invoice: invoice(),
    });
    expect(again).toMatchObject({ kind: "duplicate", record: { number: "26332000000000000001" } });
    expect(platform.invoices()).toHaveLength(2);
  });

  it("refuses an invoice the standard rules reject, keeping nothing", () => {
    const bad = invoice();
    bad.lines[0]!.tax = "181.00"; // 3000.00 × 6% = 180.00
    const result = platform.issue({
      provider: "baiwang",
      requestKey: "X",
      sellerTaxId: SELLER,
      invoice: bad,
    });
    expect(result.kind).toBe("refused");
    expect(platform.invoices()).toHaveLength(0);
  });

  it("answers 'being issued' for the configured number of queries, then issued", () => {
    const r = platform.issue({
      provider: "nuonuo",
      requestKey: "P",
      sellerTaxId: SELLER,
      invoice: invoice(),
    });
    if (r.kind !== "issued") throw new Error("not issued");
    expect(platform.listing()[0]!.status).toBe("pending");
    expect(platform.observe(r.record)).toBe("pending");
    expect(platform.observe(r.record)).toBe("issued");
    expect(platform.listing()[0]!.status).toBe("issued");
  });

  it("keeps a seal failure until re-sealed, with the same number", () => {
    const r = platform.issue({
      provider: "nuonuo",
      requestKey: "S",
      sellerTaxId: SELLER,
      invoice: invoice(),
      sealFault: true,
      async: false,
    });
    if (r.kind !== "issued") throw new Error("not issued");
    expect(platform.observe(r.record)).toBe("seal-failed");
    platform.reseal(r.record);
    expect(platform.observe(r.record)).toBe("issued");
    expect(platform.invoices()).toHaveLength(1);
  });
});

describe("red-letter forms", () => {
  const seller = (number: string, amount?: string, tax?: string) => ({
    provider: "baiwang" as const,
    requestKey: `F-${amount ?? "all"}-${Math.random()}`,
    initiator: "seller" as const,
    originalNumber: number,
    reason: "01",
    lines: [],
    ...(amount ? { amount, tax } : {}),
  });

  it("partial then full reversal: state 01 while the buyer has not confirmed use; a third is refused", () => {
    const blue = issueBlue();
    const partial = platform.applyForm(seller(blue.number, "-1000.00", "-60.00"));
    expect(partial).toMatchObject({ kind: "ok", form: { state: "01", amount: "-1000.00", tax: "-60.00" } });
    const lines = negateLines(blue.invoice, [2]);
    if (!lines.ok) throw new Error("negate");
    const red = platform.issue({
      provider: "baiwang",
      requestKey: "R-1",
      sellerTaxId: SELLER,
      invoice: lines.value,
      red: { formUuid: (partial as { form: { uuid: string } }).form.uuid },
      async: false,
    });
    expect(red).toMatchObject({ kind: "issued", record: { direction: "red" } });
    expect(platform.verify(blue.number)?.redStatus).toBe("partial");

    const rest = platform.applyForm(seller(blue.number));
    expect(rest).toMatchObject({ kind: "ok", form: { amount: "-3000.00", tax: "-180.00" } });
    expect(platform.applyForm(seller(blue.number, "-0.01", "0.00"))).toMatchObject({
      kind: "refused",
      code: "over-reversal",
    });
  });

  it("a red invoice must match its form and a form gives one red invoice", () => {
    const blue = issueBlue();
    const applied = platform.applyForm(seller(blue.number));
    if (applied.kind !== "ok") throw new Error("apply");
    const red = negateInvoice(blue.invoice);
    const half = negateLines(blue.invoice, [1]);
    if (!half.ok) throw new Error("negate");
    const mismatch = platform.issue({
      provider: "baiwang",
      requestKey: "R-x",
      sellerTaxId: SELLER,
      invoice: half.value,
      red: { formUuid: applied.form.uuid },
    });
    expect(mismatch).toMatchObject({ kind: "refused", code: "form-mismatch" });
    const ok = platform.issue({
      provider: "baiwang",
      requestKey: "R-1",
      sellerTaxId: SELLER,
      invoice: red,
      red: { formUuid: applied.form.uuid },
      async: false,
    });
    expect(ok.kind).toBe("issued");
    expect(ok.kind === "issued" && ok.record.invoice.totals.total).toBe("-4240.00");
    const twice = platform.issue({
      provider: "baiwang",
      requestKey: "R-2",
      sellerTaxId: SELLER,
      invoice: red,
      red: { formUuid: applied.form.uuid },
    });
    expect(twice).toMatchObject({ kind: "refused", code: "form-not-usable" });
    expect(platform.verify(blue.number)?.redStatus).toBe("full");
  });

  it("a form waiting for the buyer expires after 72 hours (07) and can then be neither confirmed nor used", async () => {
    await open({ redConfirmation: "always" });
    const blue = issueBlue();
    const applied = platform.applyForm(seller(blue.number));
    if (applied.kind !== "ok") throw new Error("apply");
    expect(applied.form.state).toBe("02");
    clock.advance(72 * HOUR - 1);
    expect(platform.findForm({ formUuid: applied.form.uuid })?.state).toBe("02");
    clock.advance(1);
    expect(platform.findForm({ formUuid: applied.form.uuid })?.state).toBe("07");
    expect(platform.answerForm({ formUuid: applied.form.uuid }, "confirm")).toMatchObject({ code: "state" });
    const red = platform.issue({
      provider: "baiwang",
      requestKey: "R",
      sellerTaxId: SELLER,
      invoice: negateInvoice(blue.invoice),
      red: { formUuid: applied.form.uuid },
    });
    expect(red).toMatchObject({ kind: "refused", code: "form-not-usable" });
    // An expired form no longer holds the amount: a new form may reverse all of it.
    expect(platform.applyForm(seller(blue.number)).kind).toBe("ok");
  });

  it("states: confirm 02→04, refuse 02→05 and 03→06, withdraw 02→08 and 04→09", async () => {
    await open({ redConfirmation: "always" });
    const state = (
      initiator: "seller" | "buyer",
      action: "confirm" | "refuse" | "cancel",
      then?: "cancel",
    ) => {
      const blue = issueBlue(`B-${Math.random()}`);
      const applied = platform.applyForm({ ...seller(blue.number), initiator });
      if (applied.kind !== "ok") throw new Error("apply");
      let answered = platform.answerForm({ formUuid: applied.form.uuid }, action);
      if (then) answered = platform.answerForm({ formUuid: applied.form.uuid }, then);
      return answered.kind === "ok" ? answered.form.state : answered.kind;
    };
    expect(state("seller", "confirm")).toBe("04");
    expect(state("buyer", "confirm")).toBe("04");
    expect(state("seller", "refuse")).toBe("05");
    expect(state("buyer", "refuse")).toBe("06");
    expect(state("seller", "cancel")).toBe("08");
    expect(state("seller", "confirm", "cancel")).toBe("09");
  });

  it("needs the buyer once the buyer has confirmed the blue invoice's use (when-used)", () => {
    const blue = issueBlue();
    expect(platform.setUse(BUYER, "2026-05", blue.number, "deduct")).toBeUndefined();
    const applied = platform.applyForm(seller(blue.number));
    expect(applied).toMatchObject({ kind: "ok", form: { state: "02" } });
  });
});

describe("查验 and 用途确认", () => {
  it("verifies an issued invoice by number and date; other dates and numbers are not found", () => {
    const blue = issueBlue();
    const found = platform.verify(blue.number, "2026-05-18");
    expect(found?.fields).toMatchObject({
      number: blue.number,
      issueDate: "2026-05-18",
      "seller.taxId": SELLER,
      "buyer.taxId": BUYER,
      "totals.amount": "4000.00",
      "totals.tax": "240.00",
      "totals.total": "4240.00",
    });
    expect(found?.redStatus).toBe("none");
    expect(platform.verify(blue.number, "2026-05-19")).toBeUndefined();
    expect(platform.verify("26332000000000009999")).toBeUndefined();
  });

  it("lists received special invoices of a period and confirms or cancels their use once", () => {
    const blue = issueBlue();
    platform.issue({
      provider: "baiwang",
      requestKey: "G",
      sellerTaxId: SELLER,
      invoice: invoice("general"),
    });
    expect(platform.received(BUYER, "2026-05").map((r) => r.number)).toEqual([blue.number]);
    expect(platform.received(BUYER, "2026-04")).toEqual([]);
    expect(platform.setUse(BUYER, "2026-05", blue.number, "deduct")).toBeUndefined();
    expect(platform.setUse(BUYER, "2026-05", blue.number, "deduct")?.code).toBe("ALREADY_CONFIRMED");
    expect(platform.received(BUYER, "2026-05", "deduct")).toHaveLength(1);
    expect(platform.setUse(BUYER, "2026-06", blue.number, "unconfirmed")?.code).toBe("NOT_CONFIRMED");
    expect(platform.setUse(BUYER, "2026-05", blue.number, "unconfirmed")).toBeUndefined();
    expect(platform.received(BUYER, "2026-05", "unconfirmed")).toHaveLength(1);
    expect(platform.setUse("914403001922038216X", "2026-05", blue.number, "deduct")?.code).toBe("NOT_FOUND");
  });
});
