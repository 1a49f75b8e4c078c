/**
 * `efapiao verify --provider nuonuo|baiwang|leqi --credentials FILE`: the real adapters, built from the
 * credentials the way issuing reads them, pointed (--url) at an in-process sandbox that speaks each
 * provider's protocol. The sale: 2 × 1500 + 1 × 1000 at 6% = 4000.00 + 240.00 = 4240.00.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSandbox, createSandboxProvider, manualClock, type Sandbox } from "@efapiao/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./fake-io.js";
import { BUYER, issueAndSettle, SELLER, specialInvoice } from "./sandbox-sale.js";

let sandbox: Sandbox;
let dir: string;
let number: string;

beforeAll(async () => {
  sandbox = await createSandbox({
    clock: manualClock("2026-05-18T10:00:00+08:00"),
    sellers: { [SELLER]: "阿里巴巴（中国）网络技术有限公司" },
  });
  const seller = createSandboxProvider({ url: sandbox.url, taxId: SELLER });
  number = await issueAndSettle(seller, "SO-1", specialInvoice());
  dir = mkdtempSync(join(tmpdir(), "efapiao-verify-providers-"));
});
afterAll(async () => {
  await sandbox.close();
});

/** The sandbox's ready-made account of a provider, without its URL (given by --url), in a file. */
function credentialsFile(provider: "nuonuo" | "baiwang" | "leqi"): string {
  const { url: _url, ...account } = sandbox.credentials(provider);
  const file = join(dir, `${provider}.json`);
  writeFileSync(file, JSON.stringify(account));
  return file;
}

describe("efapiao verify through each adapter", () => {
  it.each([
    "nuonuo",
    "baiwang",
    "leqi",
  ] as const)("%s: genuine by number, date and total", async (provider) => {
    const run = await runCli([
      "verify",
      number,
      "--date",
      "2026-05-18",
      "--total",
      "4240.00",
      "--provider",
      provider,
      "--credentials",
      credentialsFile(provider),
      "--url",
      sandbox.url,
      "--tax-id",
      BUYER,
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ number, status: "genuine" });
  });

  it("credentials from the environment; a file missing a field names it (exit 2), never its secrets", async () => {
    const { url: _url, ...account } = sandbox.credentials("baiwang");
    const args = ["verify", number, "--date", "2026-05-18", "--provider", "baiwang", "--url", sandbox.url];
    const fromEnv = await runCli([...args, "--tax-id", BUYER], {
      env: { EFAPIAO_CREDENTIALS_JSON: JSON.stringify(account) },
    });
    expect(fromEnv.code).toBe(0);
    const { appSecret: _secret, ...partial } = account;
    const file = join(dir, "partial.json");
    writeFileSync(file, JSON.stringify(partial));
    const missing = await runCli([...args, "--tax-id", BUYER, "--credentials", file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("appSecret");
    expect(missing.stderr).not.toContain(account.token);
    const noTaxId = await runCli([...args, "--credentials", credentialsFile("baiwang")]);
    expect(noTaxId.code).toBe(2);
    expect(noTaxId.stderr).toContain("--tax-id");
  });
});
