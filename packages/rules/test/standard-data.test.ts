/**
 * The standard pack is embedded in the main entry as data; this fails when a rule file or an example
 * changed and `pnpm --filter @efapiao/rules gen:standard` was not run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readCodeTableBytes } from "@efapiao/tables-import";
import { describe, expect, it } from "vitest";
import { GENERATED_MODULE, renderStandardModule } from "../scripts/gen-standard.js";
import { formatExamplesReport, lintPackExamples, loadStandardPack, runPackExamples } from "../src/index.js";
import { loadPack, runExamples, standardPackDir } from "../src/node/index.js";

describe("src/standard-pack.generated.ts", () => {
  it("is what the generator writes from standard/", () => {
    const committed = readFileSync(GENERATED_MODULE, "utf8");
    expect(committed, "run pnpm --filter @efapiao/rules gen:standard").toBe(renderStandardModule());
  });

  it("compiles to the same rules as the pack read from the directory", async () => {
    const embedded = await loadStandardPack();
    const fromFiles = await loadPack(standardPackDir(), { name: "standard" });
    expect(embedded.diagnostics).toEqual([]);
    expect(embedded.rules.map((r) => [r.id, r.file, r.severity])).toEqual(
      fromFiles.rules.map((r) => [r.id, r.file, r.severity]),
    );
    expect(embedded.rules.length).toBeGreaterThan(50);
  });

  it("runs its examples from the embedded base documents, with the same outcomes as from the files", async () => {
    const file = join(standardPackDir(), "../../../../shared/data/tax-codes/tax-codes-v32-2019-04-01.csv");
    const table = await readCodeTableBytes(readFileSync(file), file);
    if (!table.ok) throw new Error(`cannot read ${file}`);
    const options = { codes: table.table, today: "2026-05-18" };
    const embedded = await runPackExamples([await loadStandardPack()], options);
    const fromFiles = await runExamples([standardPackDir()], options);
    expect(embedded.ok, formatExamplesReport(embedded)).toBe(true);
    expect(embedded.passed).toBe(fromFiles.passed);
    expect(embedded.outcomes.map((o) => [o.rule, o.example, o.source])).toEqual(
      fromFiles.outcomes.map((o) => [o.rule, o.example, o.source]),
    );
    expect((await lintPackExamples([await loadStandardPack()])).diagnostics).toEqual([]);
  });
});
