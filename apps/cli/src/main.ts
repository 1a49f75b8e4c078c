/**
 * `efapiao`: finds the command declared in registry.ts, parses its arguments against the declaration, and
 * runs its implementation (imported only then). Each command returns its exit code; anything a user can
 * cause comes back as a value or a UsageError, so no stack trace reaches the terminal.
 */
import { pathToFileURL } from "node:url";
import { type CommandSpec, contextFor, type OptionSpecs, parseCommand } from "./command.js";
import { commandHelp, topLevelHelp } from "./help.js";
import {
  type CliIO,
  EXIT,
  InputRejected,
  printDiagnosticsJson,
  processIO,
  systemErrorCode,
  systemErrorLine,
  UsageError,
} from "./io.js";
import { COMMANDS } from "./registry.js";
import { cliVersion } from "./version.js";

/** The top-level usage, as `efapiao --help` prints it. */
export const USAGE = topLevelHelp();

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`${cliVersion()}\n`);
    return EXIT.ok;
  }
  const path: string[] = [];
  try {
    const found = findCommand(COMMANDS, argv, path);
    if (rest.includes("--version") && !found.args.includes("--help")) {
      io.stdout(`${cliVersion()}\n`);
      return EXIT.ok;
    }
    const parsed = parseCommand(found.spec, found.args, io);
    if (parsed.help) {
      io.stdout(commandHelp(found.spec, path));
      return EXIT.ok;
    }
    const run = await found.spec.load!();
    return await run(contextFor(parsed, io));
  } catch (error) {
    const label = path.join(" ") || name;
    if (error instanceof UsageError) {
      io.stderr(`efapiao ${label}: ${error.messageZh}\n${error.messageEn}\n(efapiao ${label} --help)\n`);
      return EXIT.usage;
    }
    if (error instanceof InputRejected) {
      printDiagnosticsJson(io, error.diagnostics);
      return EXIT.rejected;
    }
    // The system would not let us read or write (a full disk, a read-only cache): one line, no stack trace.
    if (systemErrorCode(error) !== undefined) {
      io.stderr(`efapiao ${label}: ${systemErrorLine(error as NodeJS.ErrnoException)}\n`);
      return EXIT.io;
    }
    // A bug of ours, not the user's input: say so briefly, without a stack trace unless asked for.
    io.stderr(`efapiao ${label}: 内部错误 / internal error: ${(error as Error).message}\n`);
    if (io.env.EFAPIAO_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 70;
  }
}

/**
 * Walks `rules test …` down to the runnable declaration, collecting the words into `path`. An unknown
 * command or subcommand is a usage error listing what exists; `efapiao rules --help` is the group's help.
 */
function findCommand(
  specs: readonly CommandSpec<OptionSpecs>[],
  argv: string[],
  path: string[],
): { spec: CommandSpec<OptionSpecs>; args: string[] } {
  const [word, ...rest] = argv;
  const spec = specs.find((s) => s.name === word);
  const where = path.length === 0 ? "efapiao" : `efapiao ${path.join(" ")}`;
  if (spec === undefined) {
    const names = specs.map((s) => s.name).join(", ");
    throw new UsageError(
      word === undefined ? `${where} 需要子命令：${names}` : `未知命令 “${word}”；可用：${names}`,
      word === undefined
        ? `${where} needs a subcommand: ${names}`
        : `Unknown command "${word}"; there are: ${names}`,
    );
  }
  path.push(spec.name);
  if (!spec.subcommands) return { spec, args: rest };
  if (rest[0] === "--help" || rest[0] === "-h")
    return { spec: { ...spec, load: undefined }, args: ["--help"] };
  return findCommand(spec.subcommands, rest, path);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
