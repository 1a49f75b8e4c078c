/**
 * Argument parsing on top of node:util parseArgs, turning its thrown errors into UsageError so that a
 * mistyped option is an exit-2 message, not a stack trace.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./io.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

export function parseCommandArgs<T extends Options>(args: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    throw new UsageError(`命令参数有误：${message}`, `Invalid arguments: ${message}`);
  }
}

/** Checks that an option's value is one of the allowed words. */
export function oneOf<const T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `选项 --${name} 只能是 ${allowed.join(" | ")}，收到 “${value}”`,
    `Option --${name} must be one of ${allowed.join(" | ")}, got "${value}"`,
  );
}
