/**
 * The CLI's contact with the outside world, kept behind one small interface so that commands can be tested
 * in-process (see `test/helpers.ts`) and so that no command writes to the console directly.
 */
import { readFile } from "node:fs/promises";

export interface CliIO {
  /** Writes machine-readable output (JSON) to stdout. */
  stdout(text: string): void;
  /** Writes human messages to stderr. */
  stderr(text: string): void;
  /** Reads all of stdin (used when a command's FILE is `-`). */
  readStdin(): Promise<string>;
  /** The environment (for EFAPIAO_CODES, XDG_CACHE_HOME, HOME). */
  env: Record<string, string | undefined>;
  /** The working directory relative paths are read from. */
  cwd: string;
  /** stdout is a terminal: commands then print a human report rather than JSON (unless --format says). */
  stdoutIsTTY?: boolean;
  /** stderr is a terminal: progress bars are drawn only then. */
  stderrIsTTY?: boolean;
}

/** Exit codes shared by every command (contracts.md §3). */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;

/**
 * A mistake in how the command was called (unknown option, missing argument, unreadable file).
 * `main` prints it with the usage hint and exits 2; it never reaches the user as a stack trace.
 */
export class UsageError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

/** Reads a command's input: a file path, or `-` for stdin. Unreadable files are usage errors. */
export async function readInput(io: CliIO, file: string): Promise<string> {
  if (file === "-") return io.readStdin();
  try {
    return await readFile(resolvePath(io, file), "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`无法读取文件 ${file}（${reason}）`, `Cannot read file ${file} (${reason})`);
  }
}

/** Reads a command's input as raw bytes (for spreadsheets and XML whose encoding is declared inside). */
export async function readInputBytes(io: CliIO, file: string): Promise<Uint8Array> {
  if (file === "-") return new TextEncoder().encode(await io.readStdin());
  try {
    return await readFile(resolvePath(io, file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`无法读取文件 ${file}（${reason}）`, `Cannot read file ${file} (${reason})`);
  }
}

export function resolvePath(io: CliIO, file: string): string {
  return file.startsWith("/") ? file : `${io.cwd}/${file}`;
}

/** Prints a value as pretty JSON on stdout, followed by a newline. */
export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** The real process: stdout, stderr, stdin, env and cwd of this Node process. */
export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}
