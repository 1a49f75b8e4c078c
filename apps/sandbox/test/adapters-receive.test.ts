// 查验 and 用途确认 through each real adapter (Nuonuo, Baiwang, 乐企) against the in-process sandbox, in each
// provider's own protocol (signed, or SM4-encrypted). The invoice is the test sale, issued to the buyer:
// 4000.00 + 240.00 = 4240.00 on 2026-05-18; the buyer verifies it and confirms its deduction use.
import { createBaiwang, readBaiwangCredentials } from "@efapiao/baiwang";
import { negateInvoice } from "@efapiao/calc";
import { createLeqi, memoryLeqiState, readLeqiCredentials } from "@efapiao/leqi";
import { createNuonuo, readNuonuoCredentials } from "@efapiao/nuonuo";
import type { UseConfirmationCapability, VerifyCapability } from "@efapiao/provider";
import { describe, expect, it } from "vitest";
import { createSandboxProvider, manualClock, type Sandbox } from "../src/index.js";
import { BUYER, fullReversal, invoice, SELLER, sandboxPerTest, settle } from "./helpers.js";

const start = sandboxPerTest();

type Buyer = { verification: VerifyCapability; useConfirmation: UseConfirmationCapability };

/** The buyer's provider of each kind, pointed at the sandbox. */
const ADAPTERS: Record<string, (sandbox: Sandbox) => Buyer> = {
  nuonuo: (sandbox) => {
    const read = readNuonuoCredentials(sandbox.credentials("nuonuo"));
    if (!read.ok) throw new Error("nuonuo credentials");
    return createNuonuo({ credentials: read.value, sellerTaxId: BUYER });
  },
  baiwang: (sandbox) => {
    const read = readBaiwangCredentials(sandbox.credentials("baiwang"));
    if (!read.ok) throw new Error("baiwang credentials");
    return createBaiwang({ credentials: read.value, sellerTaxId: BUYER });
  },
  leqi: (sandbox) => {
    const read = readLeqiCredentials(sandbox.credentials("leqi"));
    if (!read.ok) throw new Error("leqi credentials");
    return createLeqi({ credentials: read.value, sellerTaxId: BUYER, state: memoryLeqiState([]) });
  },
};

async function setUp(adapter: string) {
  const sandbox = await start({
    clock: manualClock("2026-05-18T10:00:00+08:00"),
    sellers: { [SELLER]: "阿里巴巴（中国）网络技术有限公司" },
  });
  const seller = createSandboxProvider({ url: sandbox.url, taxId: SELLER });
  await seller.issue({ requestKey: "SO-1", invoice: invoice() });
  const number = ((await settle(seller, "SO-1")) as { number: string }).number;
  return { seller, buyer: ADAPTERS[adapter]!(sandbox), number };
}

describe.each(Object.keys(ADAPTERS))("%s against the sandbox", (adapter) => {
  it("查验: genuine with the platform's fields; a changed amount shows; an unknown number is not found", async () => {
    const { buyer, number } = await setUp(adapter);
    const query = { number, issueDate: "2026-05-18", total: "4240.00", amount: "4000.00" };
    const found = await buyer.verification.verify(query);
    expect(found).toMatchObject({
      status: "ok",
      value: {
        found: true,
        redStatus: "none",
        state: "normal",
        fields: {
          number,
          issueDate: "2026-05-18",
          "seller.taxId": SELLER,
          "seller.name": "阿里巴巴（中国）网络技术有限公司",
          "buyer.taxId": BUYER,
          "buyer.name": "华为技术有限公司",
          "totals.amount": "4000.00",
          "totals.tax": "240.00",
        },
      },
    });
    // A file claiming 4100.00: the platform still answers with its own 4000.00, and the comparison differs.
    const changed = await buyer.verification.verify({ ...query, amount: "4100.00", total: "4340.00" });
    expect(changed).toMatchObject({ value: { found: true, fields: { "totals.amount": "4000.00" } } });
    expect(await buyer.verification.verify({ ...query, number: "26332000000000099999" })).toMatchObject({
      status: "ok",
      value: { found: false },
    });
  });

  it("查验: a fully reversed invoice is red-reversed", async () => {
    const { seller, buyer, number } = await setUp(adapter);
    const form = await seller.redLetter.applyForm(fullReversal(number));
    const formNumber = (form as { value: { number: string } }).value.number;
    await seller.redLetter.issueRed({
      requestKey: "RED-1",
      invoice: negateInvoice(invoice()),
      red: { originalNumber: number, reason: "01", formNumber },
    });
    expect((await settle(seller, "RED-1")).status).toBe("issued");
    expect(
      await buyer.verification.verify({ number, issueDate: "2026-05-18", kind: "special" }),
    ).toMatchObject({
      value: { found: true, redStatus: "full" },
    });
  });

  it("用途确认: confirm, see it confirmed, cannot confirm twice, cancel", async () => {
    const { buyer, number } = await setUp(adapter);
    const item = { number, issueDate: "2026-05-18", use: "deduct" as const, tax: "240.00" };
    const period = { period: "2026-05", buyerTaxId: BUYER };
    if (adapter !== "leqi") {
      // 乐企 lists only confirmed invoices directly (unconfirmed ones by download): the others list all.
      expect(await buyer.useConfirmation.listReceived(period)).toMatchObject({
        status: "ok",
        value: [{ number, sellerTaxId: SELLER, amount: "4000.00", tax: "240.00", useStatus: "unconfirmed" }],
      });
    }
    expect(await buyer.useConfirmation.confirmUse("2026-05", [item])).toMatchObject({
      status: "ok",
      value: [{ number, ok: true }],
    });
    expect(await buyer.useConfirmation.listReceived({ ...period, useStatus: "deduct" })).toMatchObject({
      status: "ok",
      value: [{ number, issueDate: "2026-05-18", useStatus: "deduct" }],
    });
    // 06 已勾选无法重复勾选: the bureau's code for a second confirmation.
    expect(await buyer.useConfirmation.confirmUse("2026-05", [item])).toMatchObject({
      value: [{ number, ok: false, providerCode: "06" }],
    });
    expect(await buyer.useConfirmation.cancelUse("2026-05", [item])).toMatchObject({
      status: "ok",
      value: [{ number, ok: true }],
    });
    expect(await buyer.useConfirmation.listReceived({ ...period, useStatus: "deduct" })).toMatchObject({
      status: "ok",
      value: [],
    });
  });
});
