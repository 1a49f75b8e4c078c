/**
 * Every TypeScript/JavaScript code block of every package README and docs page runs as written, against the
 * BUILT packages (their `dist/`, as a user who installed them gets), not `src/`: each block is a program of
 * its own, run by Node (tsx strips the types) in a scratch directory whose `node_modules` is the docs'
 * (every workspace package is a dependency of the docs), without the `source` condition. The examples
 * included into the docs pages (`<<< @/examples/…`) run against the built packages in examples.test.ts.
 *
 * The scratch directory holds the files the examples name: `sale.json` (examples/sale.json),
 * `gd-special-1pct-inclusive.xml` and `tax-codes-v32-2019-04-01.xlsx` (read in place from ../shared) and
 * `company-rules/` (docs/examples/company-rules). A block that cannot run (a type shown for reading) says so
 * in a comment on the line before its fence: `<!-- not run: the reason -->`.
 */
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { docsDir, pages, repoDir, type Run } from "./run.js";

const shared = join(repoDir, "..", "shared");
const FIXTURES: Record<string, string> = {
  "sale.json": join(repoDir, "examples/sale.json"),
  "gd-special-1pct-inclusive.xml": join(shared, "samples/sta-xml/gd-special-1pct-inclusive.xml"),
  "tax-codes-v32-2019-04-01.xlsx": join(shared, "data/tax-codes/tax-codes-v32-2019-04-01.xlsx"),
  "company-rules": join(docsDir, "examples/company-rules"),
};

/** The README of every package and app, and the root README, as [path from the repo root, text]. */
function readmes(): [string, string][] {
  const out: [string, string][] = [["README.md", readFileSync(join(repoDir, "README.md"), "utf8")]];
  for (const root of ["packages", "packages/adapters", "apps"]) {
    for (const name of readdirSync(join(repoDir, root)).sort()) {
      const file = join(repoDir, root, name, "README.md");
      if (existsSync(file)) out.push([`${root}/${name}/README.md`, readFileSync(file, "utf8")]);
    }
  }
  return out;
}

interface Block {
  file: string;
  line: number;
  code: string;
}

const FENCE = /^```(ts|typescript|js|javascript|mjs)\s*$/;

/** The runnable code blocks of a Markdown text. */
function codeBlocks(file: string, text: string): Block[] {
  const lines = text.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i]!)) continue;
    const end = lines.indexOf("```", i + 1);
    if (end === -1) throw new Error(`${file}:${i + 1}: unclosed code block`);
    if (!/^<!-- not run: .+ -->$/.test(lines[i - 1] ?? ""))
      blocks.push({ file, line: i + 1, code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return blocks;
}

const blocks = [
  ...readmes().flatMap(([file, text]) => codeBlocks(file, text)),
  ...pages().flatMap(([page, text]) => codeBlocks(`docs/${page}`, text)),
];

const scratch = mkdtempSync(join(tmpdir(), "efapiao-readme-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const tsx = pathToFileURL(createRequire(join(repoDir, "package.json")).resolve("tsx")).href;

/** A directory of its own for a block (so that files it writes stay there), with the fixtures. */
function prepare(index: number): string {
  const dir = join(scratch, `block-${index}`);
  mkdirSync(dir);
  // An ES module project, as the READMEs assume (top-level await, import.meta).
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(docsDir, "node_modules"), join(dir, "node_modules"), "dir");
  for (const [name, target] of Object.entries(FIXTURES)) symlinkSync(target, join(dir, name));
  return dir;
}

/** Runs a block with Node and tsx, the packages resolved through their published conditions (dist). */
function runBlock(block: Block, index: number): Promise<Run> {
  const dir = prepare(index);
  writeFileSync(join(dir, "example.ts"), block.code);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", tsx, "example.ts"],
      {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", HOME: dir, XDG_CACHE_HOME: join(dir, "cache") },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("code blocks of the READMEs and docs pages", () => {
  it("are found in every package README that shows code", () => {
    const files = new Set(blocks.map((b) => b.file));
    for (const readme of ["packages/calc/README.md", "packages/rules/README.md", "packages/model/README.md"])
      expect(files).toContain(readme);
  });

  it("can import every public package (each is a dependency of the docs)", () => {
    const docs = JSON.parse(readFileSync(join(docsDir, "package.json"), "utf8"));
    const publicPackages = readmes()
      .map(([file]) => join(repoDir, file, "..", "package.json"))
      .filter((file) => existsSync(file))
      .map((file) => JSON.parse(readFileSync(file, "utf8")))
      .filter((pkg) => !pkg.private && pkg.name !== "efapiao")
      .map((pkg) => pkg.name as string);
    expect(publicPackages.filter((name) => !(name in docs.dependencies))).toEqual([]);
  });

  it("resolve the workspace packages to their built dist/, not src/", async () => {
    const probe =
      'console.log(import.meta.resolve("@efapiao/calc"), import.meta.resolve("@efapiao/rules/node"))';
    const run = await runBlock({ file: "probe", line: 0, code: probe }, -1);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/packages\/calc\/dist\/index\.js .*packages\/rules\/dist\/node\/index\.js/);
  });

  blocks.forEach((block, index) => {
    it(`${block.file}:${block.line} runs`, async () => {
      const built = join(repoDir, "packages/calc/dist/index.js");
      expect(existsSync(built), "build the packages first: pnpm build").toBe(true);
      const run = await runBlock(block, index);
      expect(run.stderr, `${block.file}:${block.line}\n${block.code}`).toBe("");
      expect(run.code).toBe(0);
    });
  });
});
