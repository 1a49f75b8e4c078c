/**
 * The service answers, checked against the rule files themselves: positions are counted by hand in the
 * snippets below, and definitions are looked up independently by searching the standard pack's files.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadStandardPack, type Pack } from "@efapiao/rules";
import { standardPackDir } from "@efapiao/rules/node";
import { beforeAll, describe, expect, it } from "vitest";
import { completions, compileContext, definition, fileDiagnostics, fileUri, hover } from "../src/index.js";

let standard: Pack;
beforeAll(async () => {
  standard = await loadStandardPack();
});

const dir = mkdtempSync(join(tmpdir(), "efapiao-lsp-"));
const path = join(dir, "acme.rules");

function pack(text: string, siblings: { path: string; text: string }[] = []): Pack {
  return compileContext({ file: { path, text }, siblings, extends: [standard] });
}

/** The 0-based line of the first line of a standard file that starts with `prefix`. */
function standardLine(file: string, prefix: string): number {
  return readFileSync(join(standardPackDir(), file), "utf8")
    .split("\n")
    .findIndex((line) => line.startsWith(prefix));
}

const misspelt = [
  "rule ACME-01 error",
  "  assert buyer.taxid is present",
  '  message zh "需要"',
  '  message en "needed"',
  "",
].join("\n");

describe("diagnostics", () => {
  it("positions an unknown field on its own characters (line 2, columns 10–21)", () => {
    const diagnostics = fileDiagnostics(pack(misspelt), path);
    const unknown = diagnostics.find((d) => d.code === "RULES_UNKNOWN_NAME");
    expect(unknown?.range).toEqual({ start: { line: 1, character: 9 }, end: { line: 1, character: 20 } });
    expect(unknown?.severity).toBe(1);
    expect(unknown?.message).toContain("buyer.taxId");
  });

  it("reports only the edited file's problems, and none for a clean file", () => {
    const clean = misspelt.replace("taxid", "taxId");
    expect(fileDiagnostics(pack(clean), path)).toEqual([]);
    const sibling = { path: join(dir, "other.rules"), text: "rule X-1 error\n  assert nonsense(\n" };
    expect(fileDiagnostics(pack(clean, [sibling]), path)).toEqual([]);
  });

  it("sees a sibling file's parameter, as the pack would", () => {
    const sibling = { path: join(dir, "params.rules"), text: "parameter acme.limit = 10\n" };
    const uses =
      'rule ACME-02 error\n  assert count(lines) ≤ acme.limit\n  message zh "多"\n  message en "many"\n';
    expect(fileDiagnostics(pack(uses, [sibling]), path)).toEqual([]);
    expect(fileDiagnostics(pack(uses), path).map((d) => d.code)).toContain("RULES_UNKNOWN_NAME");
  });
});

describe("completion", () => {
  const labels = (text: string, line: number, character: number) =>
    completions(pack(text), text, { line, character }).map((i) => i.label);

  it("offers a line's fields after `line.`", () => {
    const text = "rule A-1 error\n  for each line in lines\n  assert line.\n";
    const offered = labels(text, 2, 14);
    expect(offered).toEqual(expect.arrayContaining(["amount", "taxRate", "tax", "code"]));
    expect(offered).not.toContain("assert");
  });

  it("offers `buyer.`'s fields by their last part", () => {
    expect(labels("rule A-1 error\n  assert buyer.\n", 1, 15)).toEqual(
      expect.arrayContaining(["taxId", "name"]),
    );
  });

  it("offers the standard pack's rule ids after `disable`", () => {
    expect(labels("disable FP-R", 0, 12)).toEqual(expect.arrayContaining(["FP-RT-01", "FP-ID-01"]));
  });

  it("offers keywords, functions, document fields and parameters elsewhere", () => {
    const offered = labels("rule A-1 error\n  assert \n", 1, 9);
    expect(offered).toEqual(
      expect.arrayContaining(["assert", "round", "issueDate", "tolerance.line", "limit.remarks"]),
    );
  });
});

describe("hover", () => {
  it("quotes a rule's header and messages from its file", () => {
    const text = "disable FP-RT-01\n";
    const result = hover(pack(text), text, { line: 0, character: 10 });
    const value = (result?.contents as { value: string }).value;
    const source = readFileSync(join(standardPackDir(), "rates.rules"), "utf8");
    const zhMessage = source.split("\n").find((l) => l.includes("message zh") && l.includes("不是开票日期"));
    expect(value).toContain("rule FP-RT-01 error");
    expect(value).toContain(zhMessage!.trim());
    expect(result?.range).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 16 } });
  });

  it("shows a function's signature, a field's platform name and a parameter's profiles", () => {
    const text = "rule A-1 error\n  assert round(totals.tax, 2) = 0 within tolerance.line\n";
    const at = (character: number) =>
      (hover(pack(text), text, { line: 1, character })?.contents as { value: string }).value;
    expect(at(10)).toContain("round(number, number) → number");
    expect(at(18)).toContain("合计税额");
    const tolerance = at(45);
    expect(tolerance).toContain("strict: `0.01`");
    expect(tolerance).toContain("legacy: `0.06`");
  });

  it("says nothing inside a text", () => {
    const text = 'rule A-1 error\n  message zh "FP-RT-01"\n';
    expect(hover(pack(text), text, { line: 1, character: 16 })).toBeNull();
  });
});

describe("definition", () => {
  it("goes from `disable FP-RT-01` to the rule in rates.rules", () => {
    const text = "disable FP-RT-01\n";
    const [location] = definition(pack(text), text, { line: 0, character: 12 }, path);
    expect(location?.uri).toBe(fileUri(join(standardPackDir(), "rates.rules")));
    expect(location?.range.start.line).toBe(standardLine("rates.rules", "rule FP-RT-01 "));
  });

  it("goes from a parameter to its declaration", () => {
    const text = "rule A-1 error\n  assert length(remarks) ≤ limit.remarks\n";
    const [location] = definition(pack(text), text, { line: 1, character: 32 }, path);
    expect(location?.uri).toBe(fileUri(join(standardPackDir(), "lengths.rules")));
    expect(location?.range.start.line).toBe(standardLine("lengths.rules", "parameter limit.remarks"));
  });

  it("opens a base document", () => {
    writeFileSync(join(dir, "base.json"), "{}");
    const text = 'base "base.json"\n';
    expect(definition(pack(text), text, { line: 0, character: 8 }, path)[0]?.uri).toBe(
      fileUri(join(dir, "base.json")),
    );
  });
});
