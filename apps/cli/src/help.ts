/**
 * Help text, generated from the command declarations (registry.ts): the top-level usage lists every
 * command with its summary; `efapiao CMD --help` shows the command's arguments, options, allowed values
 * and defaults.
 */
import { allOptions, type CommandSpec, type OptionSpec, type OptionSpecs } from "./command.js";
import { displayWidth } from "./human.js";
import { COMMANDS } from "./registry.js";

const TITLE = "efapiao — China's fully digitalized e-fapiao (数电票) toolkit";

/** `efapiao --help`. */
export function topLevelHelp(): string {
  const rows: [string, string][] = [];
  for (const command of COMMANDS) {
    for (const [path, spec] of leaves(command, [])) {
      rows.push([`efapiao ${[...path, spec.args].filter(Boolean).join(" ")}`, spec.summary.en]);
    }
  }
  return [
    TITLE,
    "",
    "Usage:",
    ...table(rows),
    "",
    "FILE may be - for stdin. JSON goes to stdout, messages to stderr.",
    "Run `efapiao COMMAND --help` for a command's options; `efapiao --version` prints the version.",
    "Exit codes: 0 ok · 1 input rejected · 2 usage error.",
    "",
  ].join("\n");
}

/** `efapiao CMD [SUB] --help`. */
export function commandHelp(spec: CommandSpec<OptionSpecs>, path: string[]): string {
  const name = ["efapiao", ...path].join(" ");
  const lines = [`${name} — ${spec.summary.zh} / ${spec.summary.en}`, ""];
  if (spec.subcommands) {
    lines.push("Usage:");
    lines.push(
      ...table(
        spec.subcommands.map((sub) => [
          `${name} ${[sub.name, sub.args].filter(Boolean).join(" ")}`,
          `${sub.summary.zh} / ${sub.summary.en}`,
        ]),
      ),
    );
    lines.push("", `Run \`${name} SUBCOMMAND --help\` for its options.`, "");
    return lines.join("\n");
  }
  lines.push(`Usage: ${[name, spec.args, "[options]"].filter(Boolean).join(" ")}`, "");
  if (spec.details) lines.push(`  ${spec.details.zh}`, `  ${spec.details.en}`, "");
  lines.push("Options:");
  for (const [option, s] of Object.entries(allOptions(spec))) {
    lines.push(`  ${flag(option, s)}`, `      ${s.help.zh}`, `      ${s.help.en}${defaultOf(s)}`);
  }
  lines.push("");
  return lines.join("\n");
}

/** `--to sta-xml|canonical`, `-h, --help`, `--codes FILE`. */
function flag(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : "";
  const value =
    spec.type === "boolean" ? "" : ` ${spec.choices ? spec.choices.join("|") : (spec.value ?? "VALUE")}`;
  return `${short}--${name}${value}${spec.multiple ? " …" : ""}`;
}

function defaultOf(spec: OptionSpec): string {
  return spec.default === undefined ? "" : ` (default: ${spec.default})`;
}

/** Two columns, the second aligned by display width (capped so one long entry does not push the rest away). */
function table(rows: [string, string][]): string[] {
  const width = Math.min(Math.max(...rows.map(([left]) => displayWidth(left))), 40);
  return rows.map(([left, right]) => {
    const gap = width - displayWidth(left);
    return gap < 0 ? `  ${left}\n  ${" ".repeat(width)}  ${right}` : `  ${left}${" ".repeat(gap)}  ${right}`;
  });
}

/** A command's runnable leaves with their paths: `rules` → [["rules"], test], [["rules"], check]. */
export function leaves(
  spec: CommandSpec<OptionSpecs>,
  parents: string[],
): [string[], CommandSpec<OptionSpecs>][] {
  const path = [...parents, spec.name];
  if (!spec.subcommands) return [[path, spec]];
  return spec.subcommands.flatMap((sub) => leaves(sub, path));
}
