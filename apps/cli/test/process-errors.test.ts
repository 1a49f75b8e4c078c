/**
 * Issue 9, item 3: closing stdout early (`| head -c1`) and a full disk (`> /dev/full`) used to print a Node
 * stack trace. These run the real CLI as a child process, since only a real stdout can fail that way.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./fake-io.js";

const MAIN = join(repoRoot, "apps/cli/src/main.ts");

/** A sale of 2,000 lines: its invoice is about a megabyte of JSON, far more than a pipe buffers. */
function bigSale(): string {
  const sale = JSON.parse(readFileSync(join(repoRoot, "examples/sale.json"), "utf8"));
  sale.lines = Array.from({ length: 2000 }, () => sale.lines[0]);
  const path = join(mkdtempSync(join(tmpdir(), "efapiao-pipe-")), "big.json");
  writeFileSync(path, JSON.stringify(sale));
  return path;
}

function run(
  args: string[],
  stdout: "pipe-closed" | number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", MAIN, ...args], {
      cwd: repoRoot,
      env: { ...process.env, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "efapiao-cache-")) },
      stdio: ["ignore", stdout === "pipe-closed" ? "pipe" : stdout, "pipe"],
    });
    if (stdout === "pipe-closed") child.stdout!.destroy(); // the reader goes away, as `head -c1` does
    let stderr = "";
    child.stderr!.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("a stdout that fails", () => {
  it("a closed pipe (EPIPE) ends with one line and exit 74, no stack trace", async () => {
    const { code, stderr } = await run(["build", bigSale()], "pipe-closed");
    expect(code).toBe(74);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).toContain("(EPIPE)");
    expect(
      stderr
        .trim()
        .split("\n")
        .filter((l) => l.includes("EPIPE")),
    ).toHaveLength(1);
  }, 30_000);

  it("a full disk (ENOSPC, /dev/full) ends with one line and exit 74, no stack trace", async () => {
    const { code, stderr } = await run(
      ["build", join(repoRoot, "examples/sale.json")],
      openSync("/dev/full", "w"),
    );
    expect(code).toBe(74);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).toContain("(ENOSPC)");
  }, 30_000);
});
