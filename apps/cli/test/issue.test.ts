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

  it("issues through Baiwang's protocol (a sandbox in this process) with a credentials file; 乐企 is a usage error", async () => {
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
      const leqi = await runCli([
        "issue",
        file,
        "--provider",
        "leqi",
        "--credentials",
        credentials,
        "--store",
        store,
      ]);
      expect(leqi.code).toBe(2);
      expect(leqi.stderr).toContain("pre-assigned numbers");
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
