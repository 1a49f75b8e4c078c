/**
 * 用途确认 round trip against the sandbox platform (in-process): the buyer lists its special invoices of the
 * month, confirms deduction once (a second request is not sent), cancels, and the platform's list follows.
 * The sale: 2 × 1500 + 1 × 1000 at 6% = 4000.00 + 240.00.
 */
import { buildInvoiceFromJson } from "@efapiao/calc";
import { createMemoryUseStore, UseConfirmation } from "@efapiao/receiving";
import { createSandbox, createSandboxProvider, manualClock, type Sandbox } from "@efapiao/sandbox";
import { builtinCodeTable } from "@efapiao/tables";
import { afterAll, beforeAll, expect, it } from "vitest";

const SELLER = "91330100716105852F";
const BUYER = "914403001922038216";
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createSandbox({ clock: manualClock("2026-05-18T10:00:00+08:00") });
});
afterAll(async () => {
  await sandbox.close();
});

it("lists, confirms once, cancels — against the sandbox", async () => {
  const seller = createSandboxProvider({ url: sandbox.url, taxId: SELLER });
  const buyer = createSandboxProvider({ url: sandbox.url, taxId: BUYER });
  const built = buildInvoiceFromJson(
    {
      kind: "special",
      issueDate: "2026-05-18",
      seller: { name: "阿里巴巴（中国）网络技术有限公司", taxId: SELLER },
      buyer: { name: "华为技术有限公司", taxId: BUYER },
      lines: [
        { name: "软件开发", code: "3040201010000000000", quantity: "2", unitPrice: "1500", taxRate: "6%" },
        { name: "软件开发", code: "3040201010000000000", quantity: "1", unitPrice: "1000", taxRate: "6%" },
      ],
    },
    { codes: builtinCodeTable() },
  );
  if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
  await seller.issue({ requestKey: "SO-U1", invoice: built.value });
  let outcome = await seller.query("SO-U1");
  for (let i = 0; i < 4 && outcome.status === "pending"; i++) outcome = await seller.query("SO-U1");
  if (outcome.status !== "issued") throw new Error(JSON.stringify(outcome));
  const number = outcome.number;

  const store = createMemoryUseStore();
  const use = new UseConfirmation({ store, capability: buyer.useConfirmation, buyerTaxId: BUYER });
  const listed = await use.list("2026-05");
  expect(listed).toMatchObject({
    status: "ok",
    value: [{ number, amount: "4000.00", tax: "240.00", useStatus: "unconfirmed" }],
  });

  const request = { number, issueDate: "2026-05-18" };
  expect(await use.apply("2026-05", "confirm", [request])).toEqual([
    { number, action: "confirm", status: "done", diagnostics: [] },
  ]);
  expect(await use.list("2026-05", "deduct")).toMatchObject({ value: [{ number, useStatus: "deduct" }] });
  expect((await use.apply("2026-05", "confirm", [request]))[0]!.status).toBe("unchanged");
  expect((await use.apply("2026-05", "cancel", [request]))[0]!.status).toBe("done");
  expect(await use.list("2026-05")).toMatchObject({ value: [{ number, useStatus: "unconfirmed" }] });
  expect((await use.records("2026-05")).map((r) => [r.action, r.status, r.sends])).toEqual([
    ["confirm", "done", 1],
    ["cancel", "done", 1],
  ]);
});
