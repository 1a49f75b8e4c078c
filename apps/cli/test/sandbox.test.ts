// `efapiao sandbox`: started as a user starts it (a child process), it prints its base URL on the first line
// of stdout, serves the sandbox routes, and stops cleanly on SIGTERM. Usage mistakes exit 2 in-process.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./fake-io.js";

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = undefined;
});

function firstLine(process: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    process.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const end = buffer.indexOf("\n");
      if (end >= 0) resolve(buffer.slice(0, end));
    });
    process.once("exit", (code) => reject(new Error(`exited ${code} before printing its URL`)));
  });
}

describe("efapiao sandbox", () => {
  it("prints its loopback URL first, serves /sandbox/*, keeps state in --store, stops on SIGTERM", async () => {
    const store = join(mkdtempSync(join(tmpdir(), "efapiao-cli-sandbox-")), "state.jsonl");
    child = spawn(
      process.execPath,
      [
        "--conditions=source",
        "--import",
        "tsx",
        "apps/cli/src/main.ts",
        "sandbox",
        "--store",
        store,
        "--seed",
        "1",
      ],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    const url = await firstLine(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${url}/sandbox/invoices`)).json()).toEqual([]);
    const credentials = (await (await fetch(`${url}/sandbox/credentials`)).json()) as Record<
      string,
      { url: string }
    >;
    expect(Object.keys(credentials).sort()).toEqual(["baiwang", "leqi", "nuonuo"]);
    expect(credentials.nuonuo!.url).toBe(url);
    const exited = new Promise<number | null>((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(store)).toBe(true);
  }, 30_000);

  it("refuses bad faults, a bad port and a corrupt store with exit 2", async () => {
    const faults = await runCli(["sandbox", "--faults", "timeout=2"]);
    expect(faults.code).toBe(2);
    expect(faults.stderr).toContain("timeout");
    expect((await runCli(["sandbox", "--port", "70000"])).code).toBe(2);
    const corrupt = join(mkdtempSync(join(tmpdir(), "efapiao-cli-sandbox-")), "bad.jsonl");
    writeFileSync(corrupt, "garbage\n{}\n");
    const store = await runCli(["sandbox", "--store", corrupt]);
    expect(store.code).toBe(2);
    expect(store.stderr).toContain("corrupt");
  });
});
