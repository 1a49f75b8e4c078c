/**
 * The company pack shown on the validating page is a working pack: it compiles on top of the standard pack,
 * its own examples pass (through the API and through `efapiao rules test`, as the page shows), and the
 * invoice its examples start from is a valid invoice payload.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InvoiceSchema } from "@efapiao/model";
import { formatExamplesReport, loadStandardPack, validate } from "@efapiao/rules";
import { runExamples } from "@efapiao/rules/node";
import { expect, it } from "vitest";
import { docsDir, repoDir, runTs } from "./run.js";

const packDir = join(docsDir, "examples", "company-rules");

it("runs the 3 examples written beside ACME-01, all passing", async () => {
  const report = await runExamples([packDir], { extends: [await loadStandardPack()] });
  expect(report.ok, formatExamplesReport(report)).toBe(true);
  expect(report.compileDiagnostics).toEqual([]);
  expect({ passed: report.passed, failed: report.failed }).toEqual({ passed: 3, failed: 0 });
});

it("starts its examples from a valid invoice: 100000.00 × 6% = 6000.00, total 106000.00", async () => {
  const invoice = JSON.parse(readFileSync(join(packDir, "invoice.json"), "utf8"));
  expect(InvoiceSchema.safeParse(invoice).success).toBe(true);
  expect(validate(invoice, { packs: [await loadStandardPack()] })).toEqual({ valid: true, diagnostics: [] });
});

it("passes `efapiao rules test` and `efapiao rules check` as the validating page shows", async () => {
  const test = await runTs("apps/cli/src/main.ts", ["rules", "test", "docs/examples/company-rules"], repoDir);
  expect(test.stderr).toContain("all 3 examples passed");
  expect(test.code).toBe(0);
  // check: one rule, with a passing and a failing example.
  const check = await runTs(
    "apps/cli/src/main.ts",
    ["rules", "check", "docs/examples/company-rules"],
    repoDir,
  );
  expect(check.stderr).toContain("1 rules checked, no problems");
  expect(check.code).toBe(0);
});
