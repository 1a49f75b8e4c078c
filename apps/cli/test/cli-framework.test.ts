/**
 * The command framework: help, version, output format and completion come from the same declarations
 * that parse the options (registry.ts), so every declared option appears in help and completion.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allOptions } from "../src/command.js";
import { leaves } from "../src/help.js";
import type { CliIO } from "../src/io.js";
import { main } from "../src/main.js";
import { COMMANDS } from "../src/registry.js";
import { repoRoot, runCli } from "./fake-io.js";

const version = JSON.parse(readFileSync(join(repoRoot, "apps/cli/package.json"), "utf8")).version;
const everyLeaf = COMMANDS.flatMap((c) => leaves(c, []));

describe("help", () => {
  it("prints every command's help with exit 0, listing each declared option", async () => {
    for (const [path, spec] of everyLeaf) {
      for (const flag of ["--help", "-h"]) {
        const run = await runCli([...path, flag]);
        expect(run.code, `${path.join(" ")} ${flag}`).toBe(0);
        expect(run.stdout).toContain(`Usage: efapiao ${path.join(" ")}`);
        for (const option of Object.keys(allOptions(spec))) expect(run.stdout).toContain(`--${option}`);
      }
    }
  });

  it("shows allowed values and defaults", async () => {
    const run = await runCli(["build", "--help"]);
    expect(run.stdout).toContain("--view canonical|platform");
    expect(run.stdout).toContain("(default: canonical)");
    expect(run.stdout).toContain("--words 圆|元");
  });

  it("lists a group's subcommands", async () => {
    const run = await runCli(["rules", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("efapiao rules test PATH…");
    expect(run.stdout).toContain("efapiao rules check PATH…");
  });

  it("lists every runnable command in the top-level usage", async () => {
    const run = await runCli(["--help"]);
    for (const [path] of everyLeaf) expect(run.stdout).toContain(`efapiao ${path.join(" ")}`);
  });
});

describe("version", () => {
  it("prints the package version for --version, -V and CMD --version", async () => {
    for (const args of [["--version"], ["-V"], ["build", "--version"], ["codes", "show", "--version"]]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });
});

describe("usage errors", () => {
  it("refuses a value outside an option's choices, naming them (exit 2)", async () => {
    const run = await runCli(["build", "examples/sale.json", "--view", "xml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Option --view must be one of canonical | platform, got "xml"');
    expect(run.stderr).toContain("efapiao build --help");
  });

  it("refuses an unknown option and an unknown command", async () => {
    expect((await runCli(["build", "examples/sale.json", "--colour"])).code).toBe(2);
    const run = await runCli(["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
  });
});

/** Runs in-process with a terminal-like stdout. */
async function onTerminal(args: string[], env: Record<string, string> = {}) {
  let stdout = "";
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => {},
    readStdin: async () => "",
    env: { XDG_CACHE_HOME: "/nonexistent-efapiao-cache", ...env },
    cwd: repoRoot,
    stdoutIsTTY: true,
  };
  const code = await main(args, io);
  return { code, stdout };
}

describe("output format", () => {
  it("prints a human report on a terminal, JSON when piped or asked", async () => {
    const human = await onTerminal(["build", "examples/sale.json"]);
    expect(human.code).toBe(0);
    // The worked example of contracts.md §2: 100000.00 at 6% → 6000.00, 106000.00, 壹拾万陆仟圆整.
    expect(human.stdout).toContain("*信息技术服务*软件开发");
    expect(human.stdout).toMatch(/价税合计 Total\s+106000\.00\s+壹拾万陆仟圆整/);
    expect(human.stdout).toContain("6%");
    expect(() => JSON.parse(human.stdout)).toThrow();

    const json = await onTerminal(["build", "examples/sale.json", "--format", "json"]);
    expect(JSON.parse(json.stdout).totals.total).toBe("106000.00");
    const piped = await runCli(["build", "examples/sale.json"]);
    expect(piped.json().totals.total).toBe("106000.00");
  });

  it("colours the report on a terminal unless NO_COLOR is set", async () => {
    const invalid = JSON.stringify({
      kind: "special",
      seller: { name: "甲", taxId: "91310115MA1K3XYZ7A" },
      buyer: { name: "乙" },
      lines: [{ name: "软件开发", code: "3040201010000000000", amount: "100", taxRate: "6%" }],
    });
    const file = join(repoRoot, "node_modules", ".efapiao-framework-test.json");
    const { writeFileSync, rmSync } = await import("node:fs");
    writeFileSync(file, invalid);
    try {
      const coloured = await onTerminal(["validate", file]);
      expect(coloured.code).toBe(1);
      expect(coloured.stdout).toContain("\u001b[31m");
      expect(coloured.stdout).toContain("buyer.taxId");
      const plain = await onTerminal(["validate", file], { NO_COLOR: "1" });
      expect(plain.code).toBe(1);
      expect(plain.stdout).not.toContain("\u001b[");
      expect(plain.stdout).toContain("✗ error");
    } finally {
      rmSync(file, { force: true });
    }
  });
});

describe("completion", () => {
  it("generates bash, zsh and fish scripts that know every command and option", async () => {
    for (const shell of ["bash", "zsh", "fish"]) {
      const run = await runCli(["completion", shell]);
      expect(run.code).toBe(0);
      for (const [path, spec] of everyLeaf) {
        expect(run.stdout).toContain(path[path.length - 1]);
        for (const option of Object.keys(allOptions(spec))) expect(run.stdout).toContain(option);
      }
    }
    expect((await runCli(["completion", "tcsh"])).code).toBe(2);
  });

  it("completes commands, subcommands, options and choices in a real bash", async () => {
    const script = (await runCli(["completion", "bash"])).stdout;
    const complete = (...words: string[]) =>
      execFileSync(
        "bash",
        [
          "-c",
          `${script}\nCOMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _efapiao; echo "\${COMPREPLY[*]}"`,
          "_",
          ...words,
        ],
        {
          encoding: "utf8",
        },
      ).trim();
    expect(complete("efapiao", "va")).toBe("validate");
    expect(complete("efapiao", "build", "--view", "")).toBe("canonical platform");
    expect(complete("efapiao", "rules", "")).toBe("test check fmt --help");
    expect(complete("efapiao", "codes", "search", "--l").split(" ").sort()).toEqual([
      "--leaves-only",
      "--limit",
    ]);
    expect(complete("efapiao", "completion", "")).toBe("bash zsh fish");
  });
});
