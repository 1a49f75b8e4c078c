/**
 * `formatRules`: the canonical layout (checked on hand-written input and output), idempotence, and that
 * formatting never changes what a file means — over every file of the standard pack, the formatted text
 * parses to the same declarations and the pack's own examples still give the same outcomes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runExamples } from "./node/examples.js";
import { formatRules } from "./format.js";
import { compilePack } from "./pack.js";
import { standardPackDir } from "./node/standard-dir.js";
import { parseRuleFile } from "./syntax.js";

const standardFiles = readdirSync(standardPackDir())
  .filter((name) => name.endsWith(".rules"))
  .map((name) => ({ name, text: readFileSync(join(standardPackDir(), name), "utf8") }));

/** The declarations without positions (spans move when whitespace changes; nothing else may). */
function meaning(text: string): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "span")
        .map(([key, v]) => [key, strip(v)]),
    );
  };
  const { ast, diagnostics } = parseRuleFile(text, "x.rules");
  return { declarations: strip(ast.declarations), errors: diagnostics.map((d) => d.code) };
}

describe("formatRules", () => {
  it("indents clauses, collapses spaces outside texts, keeps comments and texts as written", () => {
    const input = [
      "# 文件头 / header",
      'base   "examples/special-invoice.json"',
      "parameter  limit = 10",
      "profile legacy = 20",
      "rule   ACME-01   warning   # 备注",
      "applies to special",
      "        assert remarks is present    and",
      "   count(lines)  >  0",
      'message zh "两个  空格 #不是注释"',
      '   message en "two  spaces"',
      "",
      "",
      "",
      'example "通过 / passes"',
      "expect   pass",
      '    example "失败"',
      "remove remarks",
      "profile legacy",
      "        expect fail at remarks",
      "# 关于下一条 / about the next rule",
      "rule ACME-02 error",
      "assert true",
      'message zh "是"',
      'message en "yes"',
      "disable   FP-CO-03",
    ].join("\n");
    expect(formatRules(input)).toBe(
      [
        "# 文件头 / header",
        'base "examples/special-invoice.json"',
        "parameter limit = 10",
        "  profile legacy = 20",
        "",
        "rule ACME-01 warning  # 备注",
        "  applies to special",
        "  assert remarks is present and",
        "    count(lines) > 0",
        '  message zh "两个  空格 #不是注释"',
        '  message en "two  spaces"',
        "",
        '  example "通过 / passes"',
        "    expect pass",
        '  example "失败"',
        "    remove remarks",
        "    profile legacy",
        "    expect fail at remarks",
        "",
        "# 关于下一条 / about the next rule",
        "rule ACME-02 error",
        "  assert true",
        '  message zh "是"',
        '  message en "yes"',
        "disable FP-CO-03",
        "",
      ].join("\n"),
    );
  });

  it("keeps escaped quotes inside texts and drops a byte-order mark and trailing blank lines", () => {
    expect(formatRules('\uFEFFrule R-1 error\n  assert remarks = "a\\"  #b"\n\n\n')).toBe(
      'rule R-1 error\n  assert remarks = "a\\"  #b"\n',
    );
    expect(formatRules("\n\n")).toBe("");
  });

  it("is idempotent and keeps the meaning of every file of the standard pack", () => {
    for (const { name, text } of standardFiles) {
      const once = formatRules(text);
      expect(formatRules(once), name).toBe(once);
      expect(meaning(once), name).toEqual(meaning(text));
    }
  });

  it("finds the standard pack already in canonical form", () => {
    for (const { name, text } of standardFiles) expect(formatRules(text), name).toBe(text);
  });

  it("leaves the standard pack's examples giving the same outcomes", async () => {
    const formatted = compilePack(
      standardFiles.map(({ name, text }) => ({
        name: `standard/${name}`,
        text: formatRules(text),
        dir: standardPackDir(),
      })),
      { name: "standard" },
    );
    expect(formatted.diagnostics).toEqual([]);
    const before = await runExamples([standardPackDir()]);
    expect(before.ok).toBe(true);
    expect(formatted.rules.map((r) => `${r.id} ${r.severity} ${r.examples.length}`)).toEqual(
      before.packs.flatMap((p) => p.rules).map((r) => `${r.id} ${r.severity} ${r.examples.length}`),
    );
  });
});
