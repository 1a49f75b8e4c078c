/**
 * 用途确认 round trip against the sandbox platform (in-process): the buyer lists its special invoices of the
 * month, confirms deduction once (a second request is not sent), cancels, and the platform's list follows.
 * The sale: 2 × 1500 + 1 × 1000 at 6% = 4000.00 + 240.00.
 */
import { createMemoryUseStore, UseConfirmation } from "@efapiao/receiving";
import { createSandbox, createSandboxProvider, manualClock, type Sandbox } from "@efapiao/sandbox";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "./fake-io.js";
import { BUYER, issueAndSettle, SELLER, specialInvoice } from "./sandbox-sale.js";

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
  const number = await issueAndSettle(seller, "SO-U1", specialInvoice());

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

it("efapiao use list, confirm (once), cancel and records — against the sandbox", async () => {
  const seller = createSandboxProvider({ url: sandbox.url, taxId: SELLER });
  const number = await issueAndSettle(
    seller,
    "SO-U2",
    specialInvoice([{ name: "软件开发", code: "3040201010000000000", amount: "1000.00", taxRate: "6%" }]),
  );
  // The default store, in the data directory: the issuing store's database.
  const data = mkdtempSync(join(tmpdir(), "efapiao-use-cli-"));
  const env = { XDG_DATA_HOME: data, HOME: data };
  const common = ["--provider", "sandbox", "--url", sandbox.url, "--tax-id", BUYER];
  const use = (...args: string[]) => runCli(["use", ...args, ...common], { env });
  const lines = (stdout: string) =>
    stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));

  const listed = await use("list", "2026-05");
  expect(existsSync(join(data, "efapiao", "issuing.db"))).toBe(false); // listing records nothing
  expect(listed.code).toBe(0);
  expect(listed.json()).toContainEqual(
    expect.objectContaining({ number, amount: "1000.00", tax: "60.00", useStatus: "unconfirmed" }),
  );
  const confirmed = await use("confirm", "2026-05", number);
  expect(confirmed.code).toBe(0);
  expect(lines(confirmed.stdout)).toEqual([{ number, action: "confirm", status: "done", diagnostics: [] }]);
  expect(lines((await use("confirm", "2026-05", number)).stdout)[0].status).toBe("unchanged");
  expect(lines((await use("cancel", "2026-05", number)).stdout)[0].status).toBe("done");
  expect(existsSync(join(data, "efapiao", "issuing.db"))).toBe(true);
  const records = await runCli(["use", "records", "2026-05", "--tax-id", BUYER], { env });
  expect(
    lines(records.stdout).map((r: { action: string; status: string; sends: number }) => [
      r.action,
      r.status,
      r.sends,
    ]),
  ).toEqual([
    ["confirm", "done", 1],
    ["cancel", "done", 1],
  ]);
  expect((await use("confirm", "2026-5", number)).code).toBe(2);
});

it("efapiao use imports an earlier efapiao's JSON-lines records into the store once", async () => {
  const data = mkdtempSync(join(tmpdir(), "efapiao-use-cli-"));
  mkdirSync(join(data, "efapiao"));
  const old = join(data, "efapiao", "use-confirmations.jsonl");
  const record = {
    key: `${BUYER}/2026-04/26312000000000000007/1`,
    buyerTaxId: BUYER,
    period: "2026-04",
    number: "26312000000000000007",
    issueDate: "2026-04-02",
    action: "confirm",
    use: "deduct",
    status: "done",
    diagnostics: [],
    sends: 1,
    createdAt: 1,
    updatedAt: 2,
  };
  writeFileSync(
    old,
    `${JSON.stringify({ ...record, status: "recorded", sends: 0 })}\n${JSON.stringify(record)}\n`,
  );
  const store = join(data, "elsewhere.db");
  const first = await runCli(["use", "records", "--tax-id", BUYER, "--store", store], {
    env: { XDG_DATA_HOME: data },
  });
  expect(first.code).toBe(0);
  expect(first.stderr).toContain("imported 1 use records");
  expect(JSON.parse(first.stdout)).toEqual(record);
  expect(existsSync(`${old}.imported`)).toBe(true);
  const again = await runCli(["use", "records", "--tax-id", BUYER, "--store", store], {
    env: { XDG_DATA_HOME: data },
  });
  expect(again.stderr).toBe("");
  expect(again.stdout.trim().split("\n")).toHaveLength(1);
});
