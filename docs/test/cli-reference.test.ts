/**
 * The CLI reference quotes `efapiao --help` verbatim, so when the CLI's usage changes the page must change
 * with it; and the validating page states what `efapiao validate` reports on examples/sale.json and
 * examples/invalid-ids.json. The CLI runs as a reader runs it from the repository root (`pnpm efapiao`),
 * on a fresh cache.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { docsDir, repoDir, runTs } from "./run.js";

const page = readFileSync(join(docsDir, "reference/cli.md"), "utf8");

/** The CLI as on a fresh machine: no imported table in the cache, no EFAPIAO_CODES. */
const freshCache = mkdtempSync(join(tmpdir(), "efapiao-docs-cache-"));
afterAll(() => rmSync(freshCache, { recursive: true, force: true }));
const efapiao = (...args: string[]) =>
  runTs("apps/cli/src/main.ts", args, repoDir, { XDG_CACHE_HOME: freshCache, EFAPIAO_CODES: "" });

it("quotes the output of efapiao --help", async () => {
  const quoted = /<!-- output of efapiao --help -->\n```text\n([\s\S]*?)```/.exec(page)?.[1];
  const help = await efapiao("--help");
  expect(help.code).toBe(0);
  expect(quoted).toBe(help.stdout);
});

it("has a section for every command the usage lists", async () => {
  const help = await efapiao("--help");
  const commands = new Set([...help.stdout.matchAll(/^ {2}efapiao (\w+)/gm)].map((m) => m[1]));
  const sections = new Set([...page.matchAll(/^## (\w+)/gm)].map((m) => m[1]));
  for (const command of commands) expect(sections, command).toContain(command);
});

it("validates the repository's example sale as the validating page says: valid, exit 0", async () => {
  const run = await efapiao("validate", "examples/sale.json");
  expect(JSON.parse(run.stdout)).toEqual({ valid: true, diagnostics: [] });
  expect(run.code).toBe(0);
});

it("validates the seed's ids as the validating page says: two tax-id errors, exit 1", async () => {
  const run = await efapiao("validate", "examples/invalid-ids.json");
  const report = JSON.parse(run.stdout) as { valid: boolean; diagnostics: { rule: string; path: string }[] };
  // 91310115MA1K3XYZ7A has a Z (not in the GB 32100 character set); 91110108MA00ABCD1B should end in U.
  expect(report.valid).toBe(false);
  expect(report.diagnostics.map((d) => `${d.rule} ${d.path}`)).toEqual([
    "FP-ID-01 seller.taxId",
    "FP-ID-04 buyer.taxId",
  ]);
  expect(run.code).toBe(1);
});
