/**
 * `efapiao`: dispatches to one module per command (src/commands/*.ts). Each command returns its exit code;
 * anything a user can cause comes back as a value or a UsageError, so no stack trace reaches the terminal.
 */
import { pathToFileURL } from "node:url";
import { type CliIO, EXIT, processIO, UsageError } from "./io.js";

export type Command = (args: string[], io: CliIO) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  build: async () => (await import("./commands/build.js")).build,
  validate: async () => (await import("./commands/validate.js")).validate,
  rules: async () => (await import("./commands/rules.js")).rules,
  convert: async () => (await import("./commands/convert.js")).convert,
  codes: async () => (await import("./commands/codes.js")).codes,
  preview: async () => (await import("./commands/preview.js")).preview,
};

export const USAGE = `efapiao — China's fully digitalized e-fapiao (数电票) toolkit

Usage:
  efapiao build FILE [--view canonical|platform] [--words 圆|元] [--codes FILE]
  efapiao validate FILE [--rules PATH…] [--profile strict|legacy] [--codes FILE]
  efapiao rules test PATH…
  efapiao rules check PATH…
  efapiao convert FILE --to sta-xml|docbits-xml|canonical [--number N --issued-at T --bureau-code C --bureau-name NAME]
  efapiao preview FILE [--html OUT.html] [--pdf OUT.pdf] [--codes FILE] [--words 圆|元] [--kind special|general]
  efapiao codes show CODE | codes search WORDS | codes import FILE | codes update [--url URL] | codes versions

FILE may be - for stdin. JSON goes to stdout, messages to stderr.
Exit codes: 0 ok · 1 input rejected · 2 usage error.
`;

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`未知命令 “${name}” / Unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`efapiao ${name}: ${error.messageZh}\n${error.messageEn}\n(efapiao --help)\n`);
      return EXIT.usage;
    }
    // A bug of ours, not the user's input: say so briefly, without a stack trace unless asked for.
    io.stderr(`efapiao ${name}: 内部错误 / internal error: ${(error as Error).message}\n`);
    if (io.env.EFAPIAO_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 70;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
