import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./fake-io.js";

const messy =
  'rule  ACME-01 warning\nassert   remarks is present\nmessage zh "备注  必填"\nmessage en "Remarks are required"\n';
const tidy =
  'rule ACME-01 warning\n  assert remarks is present\n  message zh "备注  必填"\n  message en "Remarks are required"\n';

function pack(): string {
  const dir = mkdtempSync(join(tmpdir(), "efapiao-fmt-"));
  writeFileSync(join(dir, "acme.rules"), messy);
  writeFileSync(join(dir, "tidy.rules"), tidy);
  return dir;
}

describe("efapiao rules fmt", () => {
  it("prints one file formatted", async () => {
    const dir = pack();
    const run = await runCli(["rules", "fmt", join(dir, "acme.rules")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(tidy);
  });

  it("--check lists the unformatted files and exits 1 without changing them", async () => {
    const dir = pack();
    const run = await runCli(["rules", "fmt", "--check", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("acme.rules");
    expect(run.stderr).not.toContain("tidy.rules");
    expect(readFileSync(join(dir, "acme.rules"), "utf8")).toBe(messy);
  });

  it("--write rewrites them, after which --check passes", async () => {
    const dir = pack();
    expect((await runCli(["rules", "fmt", "--write", dir])).code).toBe(0);
    expect(readFileSync(join(dir, "acme.rules"), "utf8")).toBe(tidy);
    expect((await runCli(["rules", "fmt", "--check", dir])).code).toBe(0);
  });

  it("finds the standard pack formatted", async () => {
    const run = await runCli(["rules", "fmt", "--check", join(repoRoot, "packages/rules/standard")]);
    expect(run.code).toBe(0);
  });

  it("refuses a missing path and several files without --write/--check (exit 2)", async () => {
    expect((await runCli(["rules", "fmt", "/nonexistent.rules"])).code).toBe(2);
    expect((await runCli(["rules", "fmt", pack()])).code).toBe(2);
  });
});
