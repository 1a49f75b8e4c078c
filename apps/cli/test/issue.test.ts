import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSandbox } from "@efapiao/sandbox";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./fake-io.js";

/** The example sale with tax ids that pass the GB 32100 check (the example's are placeholders). */
function saleFile(dir: string, extra: Record<string, unknown> = {}): string {
  const sale = JSON.parse(readFileSync(join(repoRoot, "examples/sale.json"), "utf8"));
  sale.seller.taxId = "91310115MA1K3X4Y77";
  sale.buyer.taxId = "91110108MA00ABCD1U";
  const path = join(dir, `sale-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ ...sale, ...extra }));
  return path;
}

describe("efapiao issue / status", () => {
  it("issues through the in-process sandbox once; issuing again sends nothing and prints the same line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "efapiao-issue-"));
    const store = join(dir, "issuing.db");
    const file = saleFile(dir, { requestKey: "cli-1" });
    const first = await runCli(["issue", file, "--provider", "sandbox", "--store", store]);
    expect(first.code).toBe(0);
    const line = JSON.parse(first.stdout);
    expect(line).toMatchObject({ requestKey: "cli-1", status: "issued", diagnostics: [] });
    expect(line.number).toMatch(/^\d{20}$/);
    const again = await runCli(["issue", file, "--provider", "sandbox", "--store", store]);
    expect(JSON.parse(again.stdout)).toEqual(line);
    const status = await runCli(["status", "cli-1", "--store", store]);
    expect(JSON.parse(status.stdout)).toEqual(line);
  });

  it("issues through Baiwang's protocol (a sandbox in this process) with a credentials file", async () => {
    const sandbox = await createSandbox({ pendingPolls: 0 });
    try {
      const dir = mkdtempSync(join(tmpdir(), "efapiao-issue-"));
      const store = join(dir, "issuing.db");
      const credentials = join(dir, "baiwang.json");
      writeFileSync(credentials, JSON.stringify(sandbox.credentials("baiwang")));
      const file = saleFile(dir, { requestKey: "cli-bw-1" });
      const args = ["issue", file, "--provider", "baiwang", "--credentials", credentials, "--store", store];
      const result = await runCli(args);
      expect(result.code).toBe(0);
      const line = JSON.parse(result.stdout);
      expect(line).toMatchObject({ requestKey: "cli-bw-1", status: "issued" });
      expect(sandbox.invoices()).toMatchObject([
        { requestKey: "cli-bw-1", number: line.number, provider: "baiwang" },
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it("issues through 乐企 under the credentials' pre-assigned numbers, each key its own; an exhausted pool is exit 2 and sends nothing", async () => {
    const sandbox = await createSandbox({ pendingPolls: 0 });
    try {
      const dir = mkdtempSync(join(tmpdir(), "efapiao-issue-"));
      const store = join(dir, "issuing.db");
      // The platform pre-assigns two numbers to the seller (QDFPPLFM); the credentials list them.
      const numbers = sandbox.platform.reserveNumbers("91310115MA1K3X4Y77", 2);
      const credentials = join(dir, "leqi.json");
      writeFileSync(credentials, JSON.stringify({ ...sandbox.credentials("leqi"), numbers }));
      const files = [saleFile(dir, { requestKey: "cli-lq-1" }), saleFile(dir, { requestKey: "cli-lq-2" })];
      const args = ["--provider", "leqi", "--credentials", credentials, "--store", store];
      const first = await runCli(["issue", ...files, ...args]);
      expect(first.code).toBe(0);
      const lines = first.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.requestKey, l.status, l.number])).toEqual([
        ["cli-lq-1", "issued", numbers[0]],
        ["cli-lq-2", "issued", numbers[1]],
      ]);
      expect(sandbox.invoices().map((i) => i.number)).toEqual(numbers);
      // The same batch again sends nothing (the pool is empty, and the keys need no number).
      const again = await runCli(["issue", ...files, ...args]);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(first.stdout);
      // A third sale has no number left: refused before it is recorded or sent.
      const third = await runCli(["issue", saleFile(dir, { requestKey: "cli-lq-3" }), ...args]);
      expect(third.code).toBe(2);
      expect(third.stderr).toContain("Not enough pre-assigned numbers: 1 more needed (0 left in the pool)");
      expect(third.stderr).toContain("预赋号码不够");
      expect(sandbox.invoices()).toHaveLength(2);
      expect((await runCli(["status", "cli-lq-3", "--store", store])).stdout).toBe("");
    } finally {
      await sandbox.close();
    }
  });

  it("refuses an invalid sale before anything is stored or sent (exit 1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "efapiao-issue-"));
    const store = join(dir, "issuing.db");
    const file = saleFile(dir, { buyer: { name: "北京采购贸易有限公司" } });
    const result = await runCli(["issue", file, "--provider", "sandbox", "--store", store]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).status).toBe("rejected");
    expect(existsSync(store)).toBe(false);
  });

  it("a store that cannot be opened is exit 2 and is left as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "efapiao-issue-"));
    const store = join(dir, "broken.db");
    writeFileSync(store, "not a database\n".repeat(100));
    const result = await runCli(["issue", saleFile(dir), "--provider", "sandbox", "--store", store]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nothing was sent");
    expect(readFileSync(store, "utf8")).toBe("not a database\n".repeat(100));
  });

  it("never prints credentials, even when they are refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "efapiao-issue-"));
    const credentials = join(dir, "cred.json");
    writeFileSync(credentials, JSON.stringify({ appKey: "k", appSecret: "TOPSECRET-1" }));
    const result = await runCli([
      "issue",
      saleFile(dir),
      "--provider",
      "nuonuo",
      "--credentials",
      credentials,
      "--store",
      join(dir, "s.db"),
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).not.toContain("TOPSECRET");
    expect(result.stderr).toContain("accessToken");
  });
});
