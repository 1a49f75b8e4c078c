/**
 * Colour for the human report. On when the output is a terminal, unless NO_COLOR is set (no-color.org) or
 * TERM is `dumb`; FORCE_COLOR (not `0`) turns it on anyway, for terminals that hide behind a pipe.
 */
import type { CliIO } from "./io.js";

export interface Style {
  readonly enabled: boolean;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const codes = { red: 31, yellow: 33, green: 32, cyan: 36, bold: 1, dim: 2 } as const;

/** Whether the given environment and terminal want colour. */
export function colourWanted(env: CliIO["env"], isTTY: boolean | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.TERM === "dumb") return false;
  return isTTY === true;
}

export function createStyle(enabled: boolean): Style {
  const paint = (code: number) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    enabled,
    red: paint(codes.red),
    yellow: paint(codes.yellow),
    green: paint(codes.green),
    cyan: paint(codes.cyan),
    bold: paint(codes.bold),
    dim: paint(codes.dim),
  };
}

export function styleFor(io: CliIO): Style {
  return createStyle(colourWanted(io.env, io.stdoutIsTTY));
}
