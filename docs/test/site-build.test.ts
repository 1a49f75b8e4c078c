/**
 * The site builds in 6 s on an idle 2-core machine (about 20 s under load), so the docs' checks include it:
 * VitePress fails the build on a dead link in a page and on a snippet import (`<<< @/examples/…`) whose file
 * is missing. It builds into a temporary directory so that it never races `pnpm build` over .vitepress/dist.
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

  it("has a page for every link of the nav bar and the sidebar (which the dead-link check does not cover)", () => {
    // Read from the config's text: importing it would load VitePress (and its own Vite) into the test runner.
    const configText = readFileSync(join(docsDir, ".vitepress", "config.ts"), "utf8");
    const links = [...configText.matchAll(/\blink: "(\/[^"#]*)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    const built = htmlFiles(outDir);
    // cleanUrls: /guide/getting-started is served from guide/getting-started.html.
    for (const link of links) expect(built, link).toContain(`${link.slice(1)}.html`);
    expect(built).toContain("index.html");
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
