/**
 * The pieces of a crash test (crash.test.ts, use-crash.test.ts): a child process bundled once, run and
 * SIGKILLed at a chosen moment. The child prints "go" when its store is open, "r" after each HTTP exchange,
 * and, if it lives to the end, one JSON line with its result.
 */
import { spawn } from "node:child_process";
import { build } from "esbuild";

/**
 * Bundles a child's TypeScript (the workspace's sources with it) into one module, so that it starts in a
 * fraction of a second, where transpiling on every start would make a dozen restarts take a minute. The
 * output belongs beside the package's node_modules, so that the native and CommonJS stores left out resolve.
 */
export async function bundleChild(source: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["source"],
    external: ["better-sqlite3", "pg"],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: "error",
  });
}

export interface ChildRun<Result> {
  killed: boolean;
  result?: Result;
  stderr: string;
}

/** When to kill a run: this long after "go", or after this many HTTP exchanges and a little more. */
export type KillAt = { afterMs: number } | { afterAnswers: number; thenMs: number };

/** A random moment: some early (the intents being recorded), most in the middle of the work. */
export function randomKillAt(random: () => number, maxAnswers: number): KillAt {
  return random() < 0.2
    ? { afterMs: Math.floor(random() * 100) }
    : { afterAnswers: 1 + Math.floor(random() * maxAnswers), thenMs: Math.floor(random() * 30) };
}

/** Runs the bundled child with its configuration file, SIGKILLing it at `killAt` unless it finishes first. */
export function runChild<Result>(
  child: string,
  configPath: string,
  killAt?: KillAt,
): Promise<ChildRun<Result>> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, configPath], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let answers = 0;
    let armed = killAt !== undefined;
    const killLater = (ms: number) => {
      armed = false;
      setTimeout(() => {
        if (process_.exitCode === null && process_.signalCode === null) process_.kill("SIGKILL");
      }, ms);
    };
    process_.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      stdout += text;
      if (!armed || !killAt) return;
      if ("afterMs" in killAt) {
        if (stdout.startsWith("go\n")) killLater(killAt.afterMs);
        return;
      }
      answers += text.split("r\n").length - 1;
      if (answers >= killAt.afterAnswers) killLater(killAt.thenMs);
    });
    process_.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    process_.on("error", reject);
    process_.on("close", (code, signal) => {
      if (signal === "SIGKILL") return resolve({ killed: true, stderr });
      if (code !== 0) return reject(new Error(`crash child exited ${code}: ${stderr}`));
      const last = stdout.trim().split("\n").at(-1)!;
      resolve({ killed: false, result: JSON.parse(last) as Result, stderr });
    });
  });
}
