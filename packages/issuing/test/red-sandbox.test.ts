/**
 * Red-letter reversals end to end: the workflow, the Nuonuo adapter and the sandbox platform, over HTTP.
 * Blue: 100 × 1000.00 at 6 % → amount 100000.00, tax 6000.00, total 106000.00 (worked out by hand).
 */
import { createNuonuo, readNuonuoCredentials } from "@efapiao/nuonuo";
import type { FetchLike } from "@efapiao/provider-utils";
import { createSandbox, type Sandbox } from "@efapiao/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStore, EXPIRY_MS, fromProvider, Issuer, RedLetter } from "../src/index.js";
import { prepare, SELLER_TAX_ID, sale } from "./documents.js";

const BLUE = sale(0, {
  requestKey: "blue-red-1",
  lines: [
    { name: "软件开发", code: "3040201010000000000", quantity: "100", unitPrice: "1000.00", taxRate: "6%" },
  ],
});

describe("red-letter reversals against the sandbox (Nuonuo protocol)", () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  /** `lose`: a Nuonuo service whose first answer is lost (the request arrives; the connection resets). */
  async function issuedBlue(options: { redConfirmation?: "always"; lose?: string } = {}) {
    const { lose, ...sandboxOptions } = options;
    sandbox = await createSandbox({ pendingPolls: 1, ...sandboxOptions });
    const credentials = readNuonuoCredentials(sandbox.credentials("nuonuo"));
    if (!credentials.ok) throw new Error("sandbox credentials");
    let lost = false;
    const fetchLosing: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      if (lose && !lost && (init.headers as Record<string, string>).method === lose) {
        lost = true;
        throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      }
      return response;
    };
    const provider = fromProvider(
      createNuonuo({ credentials: credentials.value, sellerTaxId: SELLER_TAX_ID, fetch: fetchLosing }),
    );
    const store = createMemoryStore();
    const now = () => sandbox!.clock.now();
    const issuer = new Issuer({ store, provider, now, backoff: () => 5 });
    const [blue] = await issuer.issue([prepare(BLUE)]);
    expect(blue!.status).toBe("issued");
    return {
      red: new RedLetter({ store, provider, issuer, now }),
      blueNumber: blue!.number!,
      sandbox,
      lostAnswer: () => lost,
    };
  }

  const onPlatform = (number: string) => sandbox!.platform.findByNumber(number)?.invoice.totals;

  it("a partial reversal by amount: the form and the red invoice carry −1000.00 / −60.00; what remains cannot be reversed in full", async () => {
    const { red, blueNumber } = await issuedBlue();
    const form = await red.apply({ blueNumber, reversal: { kind: "amount", amount: "1060" }, reason: "04" });
    expect(form.ok && form.value).toMatchObject({ state: "01", amount: "-1000.00", tax: "-60.00" });
    if (!form.ok) return;
    expect(sandbox!.platform.listForms({})[0]).toMatchObject({ amount: "-1000.00", tax: "-60.00" });
    const issued = await red.issue(form.value.form, { waitMs: 5_000 });
    expect(issued.ok && issued.value.status).toBe("issued");
    if (!issued.ok) return;
    expect(onPlatform(issued.value.number!)).toMatchObject({
      amount: "-1000.00",
      tax: "-60.00",
      total: "-1060.00",
    });
    const full = await red.apply({ blueNumber, reversal: { kind: "full" }, reason: "01" });
    expect(full.ok).toBe(false);
    expect(full.diagnostics[0]!.rule).toBe("RED_ALREADY_REVERSED");
  });

  it("an application whose answer was lost is read back by its key (billId), never raised twice", async () => {
    const { red, blueNumber, lostAnswer } = await issuedBlue({
      lose: "nuonuo.OpeMplatform.saveInvoiceRedConfirm",
    });
    const form = await red.apply({ blueNumber, reversal: { kind: "full" }, reason: "01" });
    expect(lostAnswer()).toBe(true);
    expect(form.ok && form.value).toMatchObject({ state: "01", amount: "-100000.00", tax: "-6000.00" });
    const forms = sandbox!.platform.listForms({});
    expect(forms).toHaveLength(1);
    expect(form.ok && form.value.form).toBe(forms[0]!.requestKey);
  });

  it("a full reversal ends in a red invoice of −100000.00 / −6000.00; a second full reversal is refused", async () => {
    const { red, blueNumber } = await issuedBlue();
    const form = await red.apply({ blueNumber, reversal: { kind: "full" }, reason: "01" });
    expect(form.ok && form.value).toMatchObject({
      amount: "-100000.00",
      tax: "-6000.00",
      total: "-106000.00",
    });
    if (!form.ok) return;
    const issued = await red.issue(form.value.form, { waitMs: 5_000 });
    expect(issued.ok && issued.value.status).toBe("issued");
    if (!issued.ok) return;
    expect(onPlatform(issued.value.number!)).toMatchObject({ amount: "-100000.00", tax: "-6000.00" });
    expect(sandbox!.invoices()).toHaveLength(2);
    const again = await red.apply({ blueNumber, reversal: { kind: "full" }, reason: "01" });
    expect(again.ok).toBe(false);
    expect(again.diagnostics[0]!.rule).toBe("RED_ALREADY_REVERSED");
    // Issuing the same form again sends nothing new.
    const twice = await red.issue(form.value.form);
    expect(twice.ok && twice.value.number).toBe(issued.value.number);
    expect(sandbox!.invoices()).toHaveLength(2);
  });

  it("a form left unconfirmed past 72 hours is void (07) on both sides and cannot be used", async () => {
    const { red, blueNumber } = await issuedBlue({ redConfirmation: "always" });
    const form = await red.apply({ blueNumber, reversal: { kind: "lines", lines: [1] }, reason: "02" });
    expect(form.ok && form.value.state).toBe("02");
    if (!form.ok) return;
    sandbox!.clock.advance(EXPIRY_MS + 60_000);
    const issued = await red.issue(form.value.form);
    expect(issued.ok).toBe(false);
    expect(issued.diagnostics[0]!.rule).toBe("RED_FORM_EXPIRED");
    const confirmed = await red.operate(form.value.form, "confirm");
    expect(confirmed.ok).toBe(false);
    expect(sandbox!.platform.listForms({})[0]!.state).toBe("07");
    expect(sandbox!.invoices()).toHaveLength(1);
  });
});
