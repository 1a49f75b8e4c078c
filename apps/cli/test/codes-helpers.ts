/**
 * Helpers for the `efapiao codes` tests: run the CLI in-process with a fake CliIO whose cache is a temporary
 * directory (never the real ~/.cache), make damaged copies of the official table, serve files over HTTP on
 * 127.0.0.1.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunResult, repoRoot, runCli } from "./fake-io.js";

/** The repository root and the shared reference shelf next to it, read in place. */
export const REPO_ROOT = repoRoot;
const TAX_CODES = new URL("../../../../shared/data/tax-codes/", import.meta.url);
export const SHARED_XLSX = fileURLToPath(new URL("tax-codes-v32-2019-04-01.xlsx", TAX_CODES));
export const SHARED_CSV = fileURLToPath(new URL("tax-codes-v32-2019-04-01.csv", TAX_CODES));

export function tempDir(prefix = "efapiao-codes-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs `efapiao ARGS…` with the given environment; XDG_CACHE_HOME defaults to a fresh temporary directory. */
export function efapiao(args: string[], env: Record<string, string | undefined> = {}): Promise<RunResult> {
  return runCli(args, { env });
}

/**
 * Writes a copy of the official CSV with some lines changed. `edit` receives the file's lines, where
 * lines[n - 1] is spreadsheet row n (the header is row 1).
 */
export function editedCsv(dir: string, name: string, edit: (lines: string[]) => void): string {
  const lines = readFileSync(SHARED_CSV, "utf8").split("\n");
  edit(lines);
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n"));
  return path;
}

/** Replaces the first `from` with `to` in spreadsheet row `row`, checking that it was there. */
export function replaceInRow(lines: string[], row: number, from: string, to: string): void {
  const line = lines[row - 1]!;
  if (!line.includes(from)) throw new Error(`row ${row} does not contain ${from}`);
  lines[row - 1] = line.replace(from, to);
}

/** Serves `body` with `status` at any path on 127.0.0.1 (an ephemeral port); call close() when done. */
export async function serve(
  body: Uint8Array | string,
  status = 200,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(status, { "content-type": "application/octet-stream" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tax-codes.xlsx`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
