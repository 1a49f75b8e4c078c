/**
 * The rule reference page of the docs is generated from the standard pack; this fails when a rule file
 * changed and `node --conditions=source --import tsx packages/rules/scripts/gen-reference.ts` was not run.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REFERENCE_PAGE, renderReference } from "../scripts/gen-reference.js";
import { loadStandardPack } from "../src/index.js";

describe("docs/reference/rules.md", () => {
  it("is what the generator writes from the standard pack", async () => {
    const committed = readFileSync(REFERENCE_PAGE, "utf8");
    const generated = renderReference(await loadStandardPack());
    expect(committed, "run packages/rules/scripts/gen-reference.ts").toBe(generated);
  });

  it("lists every rule of the pack with its definition", async () => {
    const pack = await loadStandardPack();
    const page = readFileSync(REFERENCE_PAGE, "utf8");
    for (const rule of pack.rules) {
      expect(page).toContain(`### ${rule.id}\n`);
      expect(page).toContain(`rule ${rule.id} ${rule.severity}\n`);
    }
  });
});
