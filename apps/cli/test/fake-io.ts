/** An in-memory CliIO for running commands in-process: captures stdout and stderr, feeds stdin. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIO } from "../src/io.js";
import { main } from "../src/main.js";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws if it is not JSON, which is itself a test failure). */
  // biome-ignore lint/suspicious/noExplicitAny: command output is JSON that each test checks field by field
  json(): any;
}

/** The repository root, for reading examples/ and ../shared/ in place. */
export const repoRoot = new URL("../../../", import.meta.url).pathname;
export const sharedDir = join(repoRoot, "..", "shared");

/**
 * Runs `efapiao ARGS…` in-process. The cache lives in a fresh temporary directory unless `env` says otherwise,
 * so tests never touch the real ~/.cache.
 */
export async function runCli(
  args: string[],
  options: {
    stdin?: string;
    env?: Record<string, string | undefined>;
    cwd?: string;
    stderrIsTTY?: boolean;
  } = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => options.stdin ?? "",
    env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "efapiao-test-")), ...options.env },
    cwd: options.cwd ?? repoRoot,
    stderrIsTTY: options.stderrIsTTY,
  };
  const code = await main(args, io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
