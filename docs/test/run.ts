/**
 * Runs a TypeScript program the way the pages tell readers to: a separate Node process with tsx. The
 * examples run against the built packages (`dist/`, what an installed package gives; turbo builds the
 * docs' dependencies before these tests, and the site itself too, since the site-build test's own VitePress
 * build would otherwise share .vitepress/.temp with it); other programs (the CLI from its sources) run with
 * the `source` condition. A separate process, so that what is checked is exactly what a reader sees —
 * stdout, stderr and the exit code — not a module instance shared with the test.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const docsDir = fileURLToPath(new URL("..", import.meta.url));
export const repoDir = join(docsDir, "..");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runTs(
  file: string,
  args: string[] = [],
  cwd = docsDir,
  env: NodeJS.ProcessEnv = {},
  from: "source" | "dist" = "source",
): Promise<Run> {
  const conditions = from === "source" ? ["--conditions=source"] : [];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...conditions, "--import", "tsx", file, ...args],
      { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Each example runs once per command line, however many tests look at its output. */
const runs = new Map<string, Promise<Run>>();
export function runExample(name: string, args: string[] = []): Promise<Run> {
  const key = [name, ...args].join(" ");
  let run = runs.get(key);
  if (run === undefined) {
    run = runTs(join(docsDir, "examples", name), args, docsDir, {}, "dist");
    runs.set(key, run);
  }
  return run;
}

/** The real platform file the XML examples read: the project's tests read ../shared in place. */
export const GD_SAMPLE = "../../shared/samples/sta-xml/gd-special-1pct-inclusive.xml";

export const exampleFiles = (): string[] =>
  readdirSync(join(docsDir, "examples"))
    .filter((f) => f.endsWith(".ts"))
    .sort();

/** Every Markdown page of the site, as [path relative to docs/, text]. */
export function pages(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(docsDir, dir), { withFileTypes: true })) {
      const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory() && !["node_modules", "examples", "test", ".vitepress"].includes(entry.name))
        walk(rel);
      else if (entry.isFile() && entry.name.endsWith(".md"))
        out.push([rel, readFileSync(join(docsDir, rel), "utf8")]);
    }
  };
  walk("");
  return out.sort(([a], [b]) => a.localeCompare(b));
}

/** An output block on a page: `<!-- output of examples/x.ts ARG… -->` then a fenced block (args relative to docs/). */
export interface OutputBlock {
  page: string;
  file: string;
  args: string[];
  printed: string;
}

const OUTPUT = /<!-- output of examples\/([\w.-]+\.ts)((?: \S+)*) -->\n```(?:text|xml|json)\n([\s\S]*?)```/g;

export function outputBlocks(): OutputBlock[] {
  return pages().flatMap(([page, text]) =>
    [...text.matchAll(OUTPUT)].map((m) => ({
      page,
      file: m[1]!,
      args: m[2]!.split(" ").filter(Boolean),
      printed: m[3]!,
    })),
  );
}
