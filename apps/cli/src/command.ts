/**
 * One declaration per command: its name, summary, arguments and options (each with its help text and, where
 * it has them, its allowed values and default). The parser, `--help`, the top-level usage and the shell
 * completions are all generated from these declarations, so they cannot drift apart.
 *
 * A declaration is cheap to import (no heavy packages): it points at its implementation with `load`, which
 * the dispatcher imports only when the command runs.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import type { CliIO } from "./io.js";
import { UsageError } from "./io.js";
import { type Style, styleFor } from "./style.js";

/** Help text in both languages: clerks read the Chinese, integrators often the English. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface OptionSpec {
  type: "string" | "boolean";
  /** A one-letter alias (`-o`). */
  short?: string;
  /** May be given several times; the values arrive as an array. */
  multiple?: boolean;
  /** The placeholder shown in help for the option's value (`FILE`, `N`). */
  value?: string;
  /** The only values allowed; checked by the parser, listed in help, offered by completion. */
  choices?: readonly string[];
  /** The value when the option is not given. */
  default?: string;
  /** What completion offers for the value when there are no choices. */
  complete?: "file";
  help: Bilingual;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** The parsed value of one option, typed from its declaration. */
export type OptionValue<S extends OptionSpec> = S extends { type: "boolean" }
  ? boolean | undefined
  : S extends { multiple: true }
    ? string[] | undefined
    : S extends { choices: readonly (infer C)[] }
      ? S extends { default: string }
        ? C
        : C | undefined
      : S extends { default: string }
        ? string
        : string | undefined;

export type OptionValues<O extends OptionSpecs> = { [K in keyof O]: OptionValue<O[K]> };

/** What a command's implementation receives. */
export interface CommandContext<O extends OptionSpecs = OptionSpecs> {
  values: OptionValues<O>;
  positionals: string[];
  io: CliIO;
  /** `human` for a person at a terminal, `json` for scripts (commands declared with `formats`). */
  format: OutputFormat;
  /** Colour for human output, off when NO_COLOR is set or the output is not a terminal. */
  style: Style;
}

export type OutputFormat = "human" | "json";

export type CommandRun<O extends OptionSpecs = OptionSpecs> = (context: CommandContext<O>) => Promise<number>;

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  name: string;
  summary: Bilingual;
  /** The positional arguments as shown in help: `FILE`, `CODE`, `PATH…`. */
  args?: string;
  /** What completion offers for positional arguments. */
  completeArgs?: "file";
  /** Longer help, shown under the summary by `--help`. */
  details?: Bilingual;
  options?: O;
  /** The command can print a human report as well as JSON (`--format human|json`). */
  formats?: boolean;
  /** Subcommands (`rules test`, `codes show`); a command has either these or `load`. */
  subcommands?: readonly CommandSpec<OptionSpecs>[];
  /** Imports the implementation; only called when the command runs. */
  load?: () => Promise<LoadedRun>;
}

/**
 * What `load` resolves to. Declarations annotate `load` with it (`load: (): Promise<LoadedRun> => …`):
 * the implementation's own type, `RunOf<typeof spec>`, refers back to the declaration, and the explicit
 * annotation keeps TypeScript from inferring in a circle.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; the implementation itself is checked against RunOf
export type LoadedRun = (context: CommandContext<any>) => Promise<number>;

/**
 * The type of a declared command's implementation.
 * @example
 * export const build: RunOf<typeof buildSpec> = async ({ values, positionals, io }) => { … };
 */
export type RunOf<S> = S extends CommandSpec<infer O> ? CommandRun<O> : never;

/**
 * Declares a command, keeping the literal option types so that its implementation gets typed values.
 * @example
 * export const buildSpec = defineCommand({
 *   name: "build",
 *   summary: { zh: "销售数据 → 发票数据", en: "Sale data → invoice payload" },
 *   args: "FILE",
 *   options: { view: { type: "string", choices: ["canonical", "platform"], default: "canonical", help: … } },
 *   load: async () => (await import("../commands/build.js")).build,
 * });
 */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/** The options every command takes. */
export const HELP_OPTION: OptionSpec = {
  type: "boolean",
  short: "h",
  help: { zh: "显示本命令的帮助", en: "show this command's help" },
};

export const FORMAT_OPTION = {
  type: "string",
  choices: ["human", "json"],
  value: "FORMAT",
  help: {
    zh: "输出格式：human 供人阅读，json 供脚本（默认：终端上为 human，否则 json）",
    en: "output: human for a person, json for scripts (default: human on a terminal, json otherwise)",
  },
} as const satisfies OptionSpec;

/** A command's options as the parser sees them: its own, plus --help and (if it has formats) --format. */
export function allOptions(spec: CommandSpec<OptionSpecs>): OptionSpecs {
  return {
    ...spec.options,
    ...(spec.formats ? { format: FORMAT_OPTION } : {}),
    help: HELP_OPTION,
  };
}

export type ParsedArgs =
  | { help: true }
  | { help: false; values: Record<string, unknown>; positionals: string[]; format: OutputFormat };

/**
 * Parses a command's arguments against its declaration: unknown options, missing values and values
 * outside an option's choices are usage errors (exit 2) that name the option and what it accepts.
 */
export function parseCommand(spec: CommandSpec<OptionSpecs>, args: string[], io: CliIO): ParsedArgs {
  const options = allOptions(spec);
  const config: NonNullable<ParseArgsConfig["options"]> = {};
  for (const [name, option] of Object.entries(options)) {
    config[name] = { type: option.type, multiple: option.multiple === true };
    if (option.short !== undefined) config[name].short = option.short;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: config, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    throw new UsageError(`命令参数有误：${message}`, `Invalid arguments: ${message}`);
  }
  if (parsed.values.help === true) return { help: true };
  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(options)) {
    const given = parsed.values[name];
    if (given === undefined) {
      values[name] = option.default;
      continue;
    }
    for (const value of Array.isArray(given) ? given : [given]) {
      if (option.choices && typeof value === "string" && !option.choices.includes(value)) {
        const allowed = option.choices.join(" | ");
        throw new UsageError(
          `选项 --${name} 只能是 ${allowed}，收到 “${value}”`,
          `Option --${name} must be one of ${allowed}, got "${value}"`,
        );
      }
    }
    values[name] = given;
  }
  const format = (values.format as OutputFormat | undefined) ?? (io.stdoutIsTTY ? "human" : "json");
  return { help: false, values, positionals: parsed.positionals, format };
}

/** Builds the context an implementation runs with. */
export function contextFor(parsed: Extract<ParsedArgs, { help: false }>, io: CliIO): CommandContext {
  return {
    values: parsed.values as OptionValues<OptionSpecs>,
    positionals: parsed.positionals,
    io,
    format: parsed.format,
    style: styleFor(io),
  };
}
