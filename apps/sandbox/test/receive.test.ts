// The sandbox as a provider (createSandboxProvider): it issues through the Nuonuo protocol, answers 查验
// for what it issued (genuine fields, not found, red-reversed) and keeps 用途确认 (list, confirm once,
// cancel) — figures from the test sale: 4000.00 + 240.00 = 4240.00.
import { negateInvoice } from "@efapiao/calc";
import type { IssueOutcome, Provider } from "@efapiao/provider";
import { afterEach, describe, expect, it } from "vitest";
import { createSandbox, createSandboxProvider, manualClock, type Sandbox } from "../src/index.js";
import { BUYER, invoice, SELLER } from "./helpers.js";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function settle(provider: Provider, key: string): Promise<IssueOutcome> {
  let outcome = await provider.query(key);
  for (let i = 0; i < 4 && outcome.status === "pending"; i++) outcome = await provider.query(key);
  return outcome;
}

async function setUp() {
  sandbox = await createSandbox({
    clock: manualClock("2026-05-18T10:00:00+08:00"),
    sellers: { [SELLER]: "阿里巴巴（中国）网络技术有限公司" },
  });
  const seller = createSandboxProvider({ url: sandbox.url, taxId: SELLER });
  const buyer = createSandboxProvider({ url: sandbox.url, taxId: BUYER });
  await seller.issue({ requestKey: "SO-1", invoice: invoice() });
  const number = ((await settle(seller, "SO-1")) as { number: string }).number;
  return { sandbox, seller, buyer, number };
}

describe("查验 against the sandbox", () => {
  it("an issued invoice is found with its fields; an unknown number or another date is not", async () => {
    const { seller, number } = await setUp();
    const query = { number, issueDate: "2026-05-18", total: "4240.00", amount: "4000.00" };
    expect(await seller.verification.verify(query)).toEqual({
      status: "ok",
      value: {
        found: true,
        redStatus: "none",
        state: "normal",
        fields: {
          number,
          issueDate: "2026-05-18",
          kind: "special",
          "seller.taxId": SELLER,
          "seller.name": "阿里巴巴（中国）网络技术有限公司",
          "buyer.taxId": BUYER,
          "buyer.name": "华为技术有限公司",
          "totals.amount": "4000.00",
          "totals.tax": "240.00",
          "totals.total": "4240.00",
        },
      },
    });
    // A file whose amount was changed still finds the invoice: the platform's fields show the difference.
    const changed = await seller.verification.verify({ ...query, amount: "4100.00" });
    expect(changed).toMatchObject({ value: { found: true, fields: { "totals.amount": "4000.00" } } });
    expect(await seller.verification.verify({ ...query, number: "26332000000000099999" })).toEqual({
      status: "ok",
      value: { found: false },
    });
    expect(await seller.verification.verify({ ...query, issueDate: "2026-05-19" })).toMatchObject({
      value: { found: false },
    });
  });

  it("a fully reversed invoice verifies as red-reversed", async () => {
    const { seller, number } = await setUp();
    const blue = invoice();
    const form = await seller.redLetter.applyForm({
      requestKey: "F-1",
      initiator: "seller",
      originalNumber: number,
      originalIssueDate: "2026-05-18",
      originalKind: "special",
      originalAmount: "4000.00",
      originalTax: "240.00",
      reason: "01",
      seller: { taxId: SELLER, name: blue.seller.name },
      buyer: { taxId: BUYER, name: blue.buyer.name },
      amount: "-4000.00",
      tax: "-240.00",
      lines: [],
    });
    const formNumber = (form as { value: { number: string } }).value.number;
    await seller.redLetter.issueRed({
      requestKey: "RED-1",
      invoice: negateInvoice(blue),
      red: { originalNumber: number, reason: "01", formNumber },
    });
    expect((await settle(seller, "RED-1")).status).toBe("issued");
    expect(await seller.verification.verify({ number, issueDate: "2026-05-18" })).toMatchObject({
      value: { found: true, redStatus: "full" },
    });
  });
});

describe("用途确认 against the sandbox", () => {
  it("lists the buyer's special invoices of the month, confirms once, cancels", async () => {
    const { buyer, number } = await setUp();
    const listed = await buyer.useConfirmation.listReceived({ period: "2026-05", buyerTaxId: BUYER });
    expect(listed).toEqual({
      status: "ok",
      value: [
        {
          number,
          issueDate: "2026-05-18",
          sellerTaxId: SELLER,
          sellerName: "阿里巴巴（中国）网络技术有限公司",
          amount: "4000.00",
          tax: "240.00",
          useStatus: "unconfirmed",
        },
      ],
    });
    expect(await buyer.useConfirmation.listReceived({ period: "2026-04", buyerTaxId: BUYER })).toEqual({
      status: "ok",
      value: [],
    });
    const item = { number, issueDate: "2026-05-18", use: "deduct" as const };
    expect(await buyer.useConfirmation.confirmUse("2026-05", [item])).toEqual({
      status: "ok",
      value: [{ number, ok: true }],
    });
    const twice = await buyer.useConfirmation.confirmUse("2026-05", [item]);
    expect(twice).toMatchObject({ value: [{ number, ok: false, providerCode: "ALREADY_CONFIRMED" }] });
    expect(
      await buyer.useConfirmation.listReceived({ period: "2026-05", buyerTaxId: BUYER, useStatus: "deduct" }),
    ).toMatchObject({ value: [{ number, useStatus: "deduct" }] });
    expect(await buyer.useConfirmation.cancelUse("2026-05", [item])).toEqual({
      status: "ok",
      value: [{ number, ok: true }],
    });
  });
});
