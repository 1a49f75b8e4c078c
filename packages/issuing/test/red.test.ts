import { afterAll, afterEach, describe, expect, it } from "vitest";
import { EXPIRY_MS, Issuer, RedLetter, type Store } from "../src/index.js";
import { prepare, sale } from "./documents.js";
import { FakeProvider } from "./fake-provider.js";
import { removeTempDirs, STORE_KINDS } from "./stores.js";

afterAll(removeTempDirs);

/** Blue: 2 × 1000.00 at 6 % (tax 120.00) and 500.00 at 13 % (tax 65.00): total 2685.00. */
const BLUE = sale(0, {
  requestKey: "blue-1",
  lines: [
    { name: "软件开发", code: "3040201010000000000", quantity: "2", unitPrice: "1000.00", taxRate: "6%" },
    { name: "笔记本", code: "1060105020000000000", amount: "500.00", taxRate: "13%" },
  ],
});

describe.each(STORE_KINDS)("red-letter reversals on the $name store", (kind) => {
  const open: Store[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  async function issuedBlue() {
    const { store } = await kind.fresh();
    open.push(store);
    const provider = new FakeProvider();
    let clock = Date.parse("2026-05-20T02:00:00Z");
    const now = () => clock;
    const issuer = new Issuer({ store, provider, now, backoff: () => 5 });
    const [blue] = await issuer.issue([prepare(BLUE)]);
    const red = new RedLetter({ store, provider, issuer, now });
    return {
      red,
      provider,
      blueNumber: blue!.number!,
      advance: (ms: number) => {
        clock += ms;
      },
    };
  }

  it("reverses a whole invoice: form 02 → confirmed 04 → red invoice with the negated amounts; a second full reversal is refused", async () => {
    const { red, provider, blueNumber } = await issuedBlue();
    const form = await red.apply({ blueNumber, reversal: { kind: "full" }, reason: "01" });
    expect(form.ok && form.value).toMatchObject({
      state: "02",
      number: blueNumber,
      amount: "-2500.00",
      tax: "-185.00",
      total: "-2685.00",
    });
    if (!form.ok) return;
    const early = await red.issue(form.value.form);
    expect(early.ok).toBe(false);
    expect(early.diagnostics[0]!.rule).toBe("RED_FORM_STATE");
    const confirmed = await red.operate(form.value.form, "confirm");
    expect(confirmed.ok && confirmed.value.state).toBe("04");
    const issued = await red.issue(form.value.form);
    expect(issued.ok && issued.value.status).toBe("issued");
    const redKey = issued.ok ? issued.value.requestKey : "";
    const sent = provider.issuedUnder(redKey)!;
    expect(sent.invoice.lines.map((l) => [l.amount, l.tax])).toEqual([
      ["-2000.00", "-120.00"],
      ["-500.00", "-65.00"],
    ]);
    expect(sent.invoice.totals).toEqual({
      amount: "-2500.00",
      tax: "-185.00",
      total: "-2685.00",
      totalInWords: "（负数）贰仟陆佰捌拾伍圆整",
    });
    expect(sent.red).toMatchObject({
      originalNumber: blueNumber,
      formId: form.value.form,
      reason: "01",
      originalLineIndexes: [1, 2],
    });
    // Issuing the same form again sends nothing.
    const again = await red.issue(form.value.form);
    expect(again.ok && again.value.number).toBe(issued.ok && issued.value.number);
    expect(provider.issuedKeys).toHaveLength(2);
    const second = await red.apply({ blueNumber, reversal: { kind: "full" }, reason: "01" });
    expect(second.ok).toBe(false);
    expect(second.diagnostics[0]!.rule).toBe("RED_ALREADY_REVERSED");
  });

  it("reverses by lines, then by amount, and refuses what goes beyond the rest", async () => {
    const { red, provider, blueNumber } = await issuedBlue();
    provider.formState = "01";
    const byLine = await red.apply({ blueNumber, reversal: { kind: "lines", lines: [2] }, reason: "02" });
    expect(byLine.ok && byLine.value).toMatchObject({
      state: "01",
      amount: "-500.00",
      tax: "-65.00",
      total: "-565.00",
    });
    const lineAgain = await red.apply({ blueNumber, reversal: { kind: "lines", lines: [2] }, reason: "02" });
    expect(lineAgain.diagnostics[0]!.rule).toBe("RED_LINE_ALREADY_REVERSED");
    // What remains: line 1, 2000.00 + 120.00 = 2120.00.
    const over = await red.apply({
      blueNumber,
      reversal: { kind: "amount", amount: "2120.01" },
      reason: "04",
    });
    expect(over.ok).toBe(false);
    expect(over.diagnostics[0]).toMatchObject({ rule: "RED_OVER_REVERSAL", path: "amount" });
    // 1060.00 incl. 6 %: 1000.00 + 60.00.
    const half = await red.apply({
      blueNumber,
      reversal: { kind: "amount", amount: "1060.00" },
      reason: "04",
    });
    expect(half.ok && half.value).toMatchObject({ amount: "-1000.00", tax: "-60.00", total: "-1060.00" });
    const issued = half.ok ? await red.issue(half.value.form) : undefined;
    expect(issued?.ok && issued.value.status).toBe("issued");
    const rest = await red.apply({
      blueNumber,
      reversal: { kind: "amount", amount: "1060.00" },
      reason: "04",
    });
    expect(rest.ok && rest.value.total).toBe("-1060.00");
    const nothingLeft = await red.apply({
      blueNumber,
      reversal: { kind: "amount", amount: "0.01" },
      reason: "04",
    });
    expect(nothingLeft.diagnostics[0]!.rule).toBe("RED_OVER_REVERSAL");
  });

  it("spreads an amount over the lines in proportion to what remains of each", async () => {
    const { red, provider, blueNumber } = await issuedBlue();
    provider.formState = "01";
    // 1000.00 of 2685.00: 2120/2685 → 789.57 (744.88 + 44.69), 565/2685 → 210.43 (186.22 + 24.21).
    const form = await red.apply({ blueNumber, reversal: { kind: "amount", amount: "1000" }, reason: "04" });
    expect(form.ok && form.value).toMatchObject({ amount: "-931.10", tax: "-68.90", total: "-1000.00" });
    const issued = form.ok ? await red.issue(form.value.form) : undefined;
    const sent = provider.issuedUnder(issued?.ok ? issued.value.requestKey : "")!;
    expect(sent.invoice.lines.map((l) => [l.amount, l.tax, l.quantity])).toEqual([
      ["-744.88", "-44.69", undefined],
      ["-186.22", "-24.21", undefined],
    ]);
  });

  it("an expired form (more than 72 hours unconfirmed) cannot be used, and gives back what it reserved", async () => {
    const { red, blueNumber, advance } = await issuedBlue();
    const form = await red.apply({ blueNumber, reversal: { kind: "full" }, reason: "03" });
    if (!form.ok) throw new Error("apply failed");
    advance(EXPIRY_MS + 60_000);
    const confirm = await red.operate(form.value.form, "confirm");
    expect(confirm.diagnostics[0]!.rule).toBe("RED_FORM_EXPIRED");
    const issue = await red.issue(form.value.form);
    expect(issue.diagnostics[0]!.rule).toBe("RED_FORM_EXPIRED");
    expect((await red.list()).map((f) => f.state)).toEqual(["07"]);
    const again = await red.apply({ blueNumber, reversal: { kind: "full" }, reason: "03" });
    expect(again.ok && again.value.state).toBe("02");
  });

  it("a refused or cancelled form frees the blue invoice; an ambiguous application is read back, not applied twice", async () => {
    const { red, provider, blueNumber } = await issuedBlue();
    const first = await red.apply({ blueNumber, reversal: { kind: "full" }, reason: "01" });
    if (!first.ok) throw new Error("apply failed");
    expect((await red.operate(first.value.form, "refuse")).ok).toBe(true);
    provider.formFaults = ["timeout"];
    const second = await red.apply({ blueNumber, reversal: { kind: "full" }, reason: "01" });
    expect(second.ok && second.value.state).toBe("02");
    expect(provider.formRequests()).toHaveLength(2);
    const cancelled = second.ok ? await red.operate(second.value.form, "cancel") : undefined;
    expect(cancelled?.ok && cancelled.value.state).toBe("08");
    expect((await red.list()).map((f) => f.state)).toEqual(["05", "08"]);
  });

  it("refuses a number the store has not issued", async () => {
    const { red } = await issuedBlue();
    const form = await red.apply({
      blueNumber: "26312000009999999999",
      reversal: { kind: "full" },
      reason: "01",
    });
    expect(form.diagnostics[0]).toMatchObject({ rule: "RED_BLUE_UNKNOWN", path: "number" });
  });
});
