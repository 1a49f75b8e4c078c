/**
 * `efapiao verify` against the sandbox platform (in-process, on a free port): what it issued verifies as
 * genuine; the same invoice with a changed amount as "differs: totals.amount"; an unknown number as not
 * found; a fully reversed one as red-reversed. The sale: 2 × 1500 + 1 × 1000 at 6% = 4000.00 + 240.00.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { negateInvoice } from "@efapiao/calc";
import type { Invoice } from "@efapiao/model";
import { createSandbox, createSandboxProvider, manualClock, type Sandbox } from "@efapiao/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./fake-io.js";
import { BUYER, issueAndSettle, SELLER, specialInvoice } from "./sandbox-sale.js";

let sandbox: Sandbox;
let dir: string;
let seller: ReturnType<typeof createSandboxProvider>;

/** Issues the sale under a key; writes the received invoice (as a buyer's file) and returns its path and number. */
async function issued(key: string): Promise<{ file: string; number: string; blue: Invoice }> {
  const blue = specialInvoice();
  const number = await issueAndSettle(seller, key, blue);
  const file = join(dir, `${key}.json`);
  writeFileSync(file, JSON.stringify({ ...blue, number, direction: "blue" }));
  return { file, number, blue };
}

const verify = (...args: string[]) =>
  runCli(["verify", ...args, "--provider", "sandbox", "--url", sandbox.url, "--tax-id", BUYER]);
const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

beforeAll(async () => {
  sandbox = await createSandbox({
    clock: manualClock("2026-05-18T10:00:00+08:00"),
    sellers: { [SELLER]: "阿里巴巴（中国）网络技术有限公司" },
  });
  seller = createSandboxProvider({ url: sandbox.url, taxId: SELLER });
  dir = mkdtempSync(join(tmpdir(), "efapiao-verify-"));
});
afterAll(async () => {
  await sandbox.close();
});

describe("efapiao verify against the sandbox", () => {
  it("genuine, differs: totals.amount, not found", async () => {
    const { file, number } = await issued("SO-1");
    const changed = join(dir, "changed.json");
    const received = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(
      changed,
      JSON.stringify({ ...received, totals: { ...received.totals, amount: "4100.00" } }),
    );
    const run = await verify(file, changed, "26332000000000099999", "--date", "2026-05-18");
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      { input: file, number, status: "genuine", summary: "genuine" },
      {
        input: changed,
        number,
        status: "differs",
        summary: "differs: totals.amount",
        differences: [{ path: "totals.amount", file: "4100.00", platform: "4000.00" }],
      },
      {
        input: "26332000000000099999",
        number: "26332000000000099999",
        status: "not-found",
        summary: "not-found",
      },
    ]);
  });

  it("exits 0 when everything is genuine, by file or by number and date", async () => {
    const { file, number } = await issued("SO-2");
    const run = await verify(file, number, "--date", "2026-05-18", "--total", "4240.00");
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((l) => l.status)).toEqual(["genuine", "genuine"]);
  });

  it("a fully reversed invoice verifies as red-reversed", async () => {
    const { file, number, blue } = await issued("SO-3");
    const form = await seller.redLetter.applyForm({
      requestKey: "F-3",
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
      requestKey: "RED-3",
      invoice: negateInvoice(blue),
      red: { originalNumber: number, reason: "01", formNumber },
    });
    let red = await seller.query("RED-3");
    for (let i = 0; i < 4 && red.status === "pending"; i++) red = await seller.query("RED-3");
    expect(red.status).toBe("issued");
    const run = await verify(file);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      { input: file, number, status: "red-reversed", summary: "red-reversed" },
    ]);
  });

  it("intake --provider verifies every invoice of the batch", async () => {
    const { file } = await issued("SO-4");
    const batch = mkdtempSync(join(tmpdir(), "efapiao-verify-batch-"));
    writeFileSync(join(batch, "a.json"), readFileSync(file));
    const run = await runCli([
      "intake",
      batch,
      "--provider",
      "sandbox",
      "--url",
      sandbox.url,
      "--tax-id",
      BUYER,
    ]);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ read: 1, verification: { genuine: 1 } });
    expect(run.json().entries[0].verification.status).toBe("genuine");
  });

  it("is a usage error without a date for a number, or with a provider and no credentials", async () => {
    expect((await verify("26332000000000099999")).code).toBe(2);
    const other = await runCli([
      "verify",
      "26332000000000099999",
      "--date",
      "2026-05-18",
      "--provider",
      "nuonuo",
    ]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("Credentials are needed");
  });
});
