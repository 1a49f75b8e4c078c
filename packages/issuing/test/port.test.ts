/**
 * Settling a red-letter application whose answer was lost, through the port bridge: providers that key
 * applications (Nuonuo, Baiwang) apply again under the key; a keyless one (乐企) is matched among the listed
 * forms, and two forms that cannot be told apart are left unsettled rather than guessed.
 */
import type { Provider, RedForm, RedFormApplication } from "@efapiao/provider";
import { describe, expect, it } from "vitest";
import { fromProvider, ProviderFailure, type RedFormRequest } from "../src/index.js";
import { prepare, sale } from "./documents.js";

const blue = prepare(sale(7)).invoice;
/** The red invoice of a full reversal: the blue totals negated (sale(7)'s, worked out from documents.ts). */
const redInvoice = {
  ...blue,
  totals: { ...blue.totals, amount: `-${blue.totals.amount}`, tax: `-${blue.totals.tax}` },
};
const request: RedFormRequest = {
  requestKey: "rf-lost-1",
  blueNumber: "26312000000000000007",
  blue,
  reason: "01",
  invoice: redInvoice,
  originalLineIndexes: blue.lines.map((l) => l.index),
};

function portWith(forms: RedForm[], keyed: boolean) {
  const applied: RedFormApplication[] = [];
  const port = {
    id: keyed ? "keyed" : "keyless",
    ...(keyed && { formApplicationsByKey: true }),
    issue: async () => ({ status: "unknown", diagnostics: [] }),
    query: async () => ({ status: "unknown", diagnostics: [] }),
    redLetter: {
      applyForm: async (application: RedFormApplication) => {
        applied.push(application);
        return { status: "ok", value: forms[0]! };
      },
      listForms: async () => ({ status: "ok", value: forms }),
      confirmForm: async () => ({ status: "unknown", diagnostics: [] }),
      refuseForm: async () => ({ status: "unknown", diagnostics: [] }),
      cancelForm: async () => ({ status: "unknown", diagnostics: [] }),
      issueRed: async () => ({ status: "unknown", diagnostics: [] }),
    },
  } as unknown as Provider;
  return { provider: fromProvider(port), applied };
}

const form = (uuid: string, extra: Partial<RedForm> = {}): RedForm => ({
  uuid,
  state: "01",
  originalNumber: request.blueNumber,
  reason: "01",
  amount: redInvoice.totals.amount,
  tax: redInvoice.totals.tax,
  ...extra,
});

describe("reading back a red-letter application whose answer was lost", () => {
  it("applies again under the same key where the provider keys applications", async () => {
    const { provider, applied } = portWith([form("U-1")], true);
    expect(await provider.queryRedForm(request)).toEqual({ status: "ok", formId: "U-1", state: "01" });
    expect(applied.map((a) => a.requestKey)).toEqual(["rf-lost-1"]);
  });

  it("without keys, takes the one live form of the blue invoice with the same reason and amounts", async () => {
    const forms = [
      form("U-void", { state: "08" }),
      form("U-other-reason", { reason: "04" }),
      form("U-other-amount", { amount: "-1.00" }),
      form("U-mine"),
    ];
    const { provider, applied } = portWith(forms, false);
    expect(await provider.queryRedForm(request)).toEqual({ status: "ok", formId: "U-mine", state: "01" });
    expect(applied).toHaveLength(0); // a keyless application is never sent again
    const none = portWith([form("U-void", { state: "07" })], false);
    expect(await none.provider.queryRedForm(request)).toEqual({ status: "not-found" });
  });

  it("without keys, two forms that match alike are left unsettled, not guessed", async () => {
    const { provider } = portWith([form("U-1"), form("U-2")], false);
    const failure = await provider.queryRedForm(request).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProviderFailure);
    expect((failure as ProviderFailure).kind).toBe("ambiguous");
    expect((failure as Error).message).toContain("U-1, U-2");
  });
});
