/**
 * The site builds (about 6 s on a 2-core machine), so the docs' checks include it: VitePress fails the build
 * on a dead link and on a snippet import (`<<< @/examples/…`) whose file is missing. It builds into a temporary directory so
 * that it never races `pnpm build` over .vitepress/dist.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docsDir } from "./run.js";

const outDir = mkdtempSync(join(tmpdir(), "efapiao-docs-"));
let build: { code: number; output: string };

beforeAll(async () => {
  const vitepress = join(docsDir, "node_modules", "vitepress", "bin", "vitepress.js");
  build = await new Promise((resolve) => {
    execFile(
      process.execPath,
      [vitepress, "build", "--outDir", outDir],
      { cwd: docsDir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code ?? -1), output: stdout + stderr }),
    );
  });
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const htmlFiles = (dir: string, rel = ""): string[] =>
  readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(dir, join(rel, e.name)) : e.name.endsWith(".html") ? [join(rel, e.name)] : [],
  );

describe("the site", () => {
  it("builds, with no dead link and no missing snippet", () => {
    expect(build.output).not.toMatch(/dead link/i);
    expect(build.code, build.output).toBe(0);
  });

  it("has a page for every entry of the sidebar, with clean URLs", () => {
    const built = htmlFiles(outDir).sort();
    for (const page of [
      "index.html",
      "guide/what-is-efapiao.html",
      "guide/getting-started.html",
      "guide/building-an-invoice.html",
      "guide/validating.html",
      "guide/classification-codes.html",
      "guide/platform-xml.html",
      "reference/cli.html",
      "reference/rules.html",
      "glossary.html",
    ]) {
      expect(built).toContain(page);
    }
  });

  it("loads nothing from other hosts (it must work offline)", () => {
    const files = htmlFiles(outDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const html = readFileSync(join(outDir, file), "utf8");
      expect(html, file).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)="(https?:)?\/\//);
    }
  });
});
