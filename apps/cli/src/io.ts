/**
 * The CLI's contact with the outside world, kept behind one small interface so that commands can be tested
 * in-process (see `test/helpers.ts`) and so that no command writes to the console directly.
 */
import { readFile } from "node:fs/promises";
import { type Diagnostic, decodeUtf8, type Result } from "@efapiao/model";
import { decodeXmlBytes } from "@efapiao/sta-xml";

export interface CliIO {
  /** Writes machine-readable output (JSON) to stdout. */
  stdout(text: string): void;
  /** Writes human messages to stderr. */
  stderr(text: string): void;
  /** Reads all of stdin (used when a command's FILE is `-`). */
  readStdin(): Promise<string>;
  /** Reads all of stdin as bytes, so its encoding can be checked; without it, `readStdin`'s text is used. */
  readStdinBytes?(): Promise<Uint8Array>;
  /** The environment (for EFAPIAO_CODES, XDG_CACHE_HOME, HOME). */
  env: Record<string, string | undefined>;
  /** The working directory relative paths are read from. */
  cwd: string;
  /** stdout is a terminal: commands then print a human report rather than JSON (unless --format says). */
  stdoutIsTTY?: boolean;
  /** stderr is a terminal: progress bars are drawn only then. */
  stderrIsTTY?: boolean;
}

/**
 * Exit codes shared by every command (contracts.md §3), and 74 (sysexits EX_IOERR) when the system would not
 * let the command read or write: a closed pipe, a full disk, a read-only cache.
 */
export const EXIT = { ok: 0, rejected: 1, usage: 2, io: 74 } as const;

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

/**
 * The input itself was refused before any command looked at it (bytes that are not text in the encoding
 * they claim): `main` prints its diagnostics as JSON and exits 1, like any rejected input.
 */
export class InputRejected extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics[0]?.messageEn ?? "input rejected");
  }
}

/**
 * Reads a command's input as text: a file path, or `-` for stdin. Unreadable files are usage errors. XML is
 * decoded in the encoding it declares (GBK, GB18030, UTF-16 …); anything else must be UTF-8, and invalid
 * bytes are refused with their offset rather than turned into U+FFFD. A byte-order mark is dropped, so every
 * command treats it alike.
 */
export async function readInput(io: CliIO, file: string): Promise<string> {
  const decoded = decodeInput(await readInputBytes(io, file));
  if (!decoded.ok) throw new InputRejected(decoded.diagnostics);
  return decoded.value;
}

/** Bytes → text: XML by its declaration, everything else (JSON) as strict UTF-8. */
export function decodeInput(bytes: Uint8Array): Result<string> {
  return looksLikeXml(bytes) ? decodeXmlBytes(bytes) : decodeUtf8(bytes);
}

/** A byte-order mark of UTF-16, or `<` (in one or two bytes) after optional UTF-8 BOM and whitespace. */
function looksLikeXml(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes[i] === 0x3c || (bytes[i] === 0x00 && bytes[i + 1] === 0x3c);
}

/** Reads a command's input as raw bytes (for spreadsheets and XML whose encoding is declared inside). */
export async function readInputBytes(io: CliIO, file: string): Promise<Uint8Array> {
  if (file === "-") {
    return io.readStdinBytes ? io.readStdinBytes() : new TextEncoder().encode(await io.readStdin());
  }
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

/** At most this many diagnostics are printed for one file; the rest are counted in a last one. */
export const MAX_PRINTED_DIAGNOSTICS = 100;

/**
 * The diagnostics to print for one file: all of them up to {@link MAX_PRINTED_DIAGNOSTICS}, else the errors
 * first (then warnings, then notes) up to that many and one `DIAGNOSTICS_OMITTED` note saying how many more
 * there are — so a file with 20,000 findings gives a readable answer with the important ones in it.
 * @example
 * boundDiagnostics(twoHundredErrors).length // 101: 100 errors and "and 100 more"
 */
export function boundDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_PRINTED_DIAGNOSTICS) return [...diagnostics];
  const order = { error: 0, warning: 1, info: 2 } as const;
  const kept = [...diagnostics]
    .sort((a, b) => order[a.severity] - order[b.severity]) // stable: file order within a severity
    .slice(0, MAX_PRINTED_DIAGNOSTICS);
  const rest = diagnostics.length - kept.length;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  kept.push({
    rule: "DIAGNOSTICS_OMITTED",
    severity: "info",
    path: "",
    message: `另有 ${rest} 条未列出（共 ${diagnostics.length} 条，其中 ${errors} 个错误）`,
    messageEn: `and ${rest} more not listed (${diagnostics.length} in all, ${errors} of them errors)`,
  });
  return kept;
}

/** Prints the Diagnostics JSON (`{ valid, diagnostics }`) of one file, bounded by {@link boundDiagnostics}. */
export function printDiagnosticsJson(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  const valid = !diagnostics.some((d) => d.severity === "error");
  printJson(io, { valid, diagnostics: boundDiagnostics(diagnostics) });
}

/** The real process: stdout, stderr, stdin, env and cwd of this Node process. */
export function processIO(): CliIO {
  endOnStreamErrors();
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => new TextDecoder().decode(await readAllStdin()),
    readStdinBytes: readAllStdin,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A write to stdout that fails (the reader closed the pipe early, `| head -c1`; the disk is full, `> /dev/full`)
 * is reported on the stream, after the command has moved on; unhandled, Node prints a stack trace. Here it
 * ends the process with one line and {@link EXIT}.io.
 */
function endOnStreamErrors(): void {
  if (streamsGuarded) return;
  streamsGuarded = true;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    process.stderr.write(`efapiao: ${systemErrorLine(error, "stdout")}\n`);
    process.exit(EXIT.io);
  });
  // stderr itself failing leaves nowhere to say so: end with the exit code alone.
  process.stderr.on("error", () => process.exit(EXIT.io));
}
let streamsGuarded = false;

/** What each system error means for the user, in both languages. */
const SYSTEM_ERRORS: Record<string, [zh: string, en: string]> = {
  EPIPE: ["输出管道已被关闭，结果未能全部写出", "the output pipe was closed before everything was written"],
  ENOSPC: ["磁盘已满", "no space left on the device"],
  EDQUOT: ["磁盘配额已用完", "the disk quota is used up"],
  EROFS: ["文件系统只读", "the file system is read-only"],
  EACCES: ["没有权限", "permission denied"],
  EPERM: ["操作不被允许", "operation not permitted"],
  ENOTDIR: ["路径中有一部分不是目录", "a part of the path is not a directory"],
  EISDIR: ["这是一个目录", "it is a directory"],
  EIO: ["输入输出错误", "input/output error"],
  EMFILE: ["打开的文件过多", "too many open files"],
  ENFILE: ["系统打开的文件过多", "too many open files in the system"],
  ENOENT: ["文件或目录不存在", "no such file or directory"],
  EEXIST: ["文件已存在", "the file already exists"],
};

/**
 * The code of an error the operating system raised (a full disk, a read-only cache …), or undefined for
 * anything else, which is then a bug of ours.
 */
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && code in SYSTEM_ERRORS ? code : undefined;
}

/**
 * One line for a system error: what failed, where, and what to do about a cache that cannot be written.
 * @example
 * systemErrorLine({ code: "EROFS", syscall: "mkdir", path: "/ro/efapiao/codes" })
 * // "无法写入 /ro/efapiao/codes：文件系统只读（EROFS）… / cannot write /ro/efapiao/codes: the file system is read-only (EROFS) …"
 */
export function systemErrorLine(error: NodeJS.ErrnoException, what?: string): string {
  const code = systemErrorCode(error) ?? error.code ?? "EIO";
  const [zh, en] = SYSTEM_ERRORS[code] ?? SYSTEM_ERRORS.EIO!;
  const target = error.path ?? what;
  const reading = error.syscall === "read" || error.syscall === "scandir" || error.syscall === "stat";
  const [verbZh, verbEn] = reading ? ["读取", "read"] : ["写入", "write"];
  const where = target === undefined ? ["", ""] : [` ${target}`, ` ${target}`];
  const cache = typeof error.path === "string" && /[\\/]efapiao([\\/]|$)/.test(error.path);
  const hint = cache
    ? [
        "；缓存目录可以用环境变量 XDG_CACHE_HOME 换到可写的位置",
        "; point XDG_CACHE_HOME at a writable directory for the cache",
      ]
    : ["", ""];
  return `无法${verbZh}${where[0]}：${zh}（${code}）${hint[0]} / cannot ${verbEn}${where[1]}: ${en} (${code})${hint[1]}`;
}
