import { readFileSync } from "node:fs";
import { loadStandardPack } from "@efapiao/rules";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeInput } from "../src/analyze.js";
import { highlightHtml, ruleTokens } from "../src/highlight.js";
import { runPlayground, SAMPLE_RULES } from "../src/playground.js";
import { jsonTree, lineColumn, pathSegments, rangeOfPath } from "../src/positions.js";
import { decodeState, encodeState } from "../src/state.js";

const SALE = readFileSync(
  new URL("../../../packages/preview/test/fixtures/sale.json", import.meta.url),
  "utf8",
);
const GD = readFileSync(
  new URL("../../../../shared/samples/sta-xml/gd-special-1pct-inclusive.xml", import.meta.url),
  "utf8",
);
let standard: Awaited<ReturnType<typeof loadStandardPack>>;
beforeAll(async () => {
  standard = await loadStandardPack();
});

describe("positions in the input", () => {
  it("finds the text of a path, and the nearest existing parent for a missing one", () => {
    const text = '{\n  "lines": [\n    { "amount": "1.00" }\n  ]\n}';
    const { tree } = jsonTree(text);
    expect(pathSegments("lines[0].amount")).toEqual(["lines", 0, "amount"]);
    const at = rangeOfPath(tree, "lines[0].amount")!;
    expect(text.slice(at.start, at.end)).toBe('"amount": "1.00"');
    const parent = rangeOfPath(tree, "lines[0].taxRate")!;
    expect(text.slice(parent.start, parent.end)).toBe('{ "amount": "1.00" }');
    expect(rangeOfPath(tree, "")).toBeUndefined();
    expect(lineColumn(text, text.indexOf('"amount"'))).toEqual({ line: 3, column: 7 });
  });

  it("gives the offset of a JSON syntax error", () => {
    const text = '{ "kind": }';
    expect(jsonTree(text).error).toMatchObject({ start: 10, code: "ValueExpected" });
  });
});

describe("analysis of an input", () => {
  it("builds the seed sale: totals 106000.00, no errors with valid tax ids", () => {
    const a = analyzeInput(SALE, { packs: [standard], today: "2026-05-18" });
    expect(a.format).toBe("sale");
    expect(a.totals).toEqual({
      amount: "¥100000.00",
      tax: "¥6000.00",
      total: "¥106000.00",
      words: "⊗壹拾万陆仟圆整",
    });
    expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(a.html).toContain("*信息技术服务*软件开发");
  });

  it("locates a rule's diagnostic in the input (a wrong check character in the buyer's tax id)", () => {
    const text = SALE.replace("91110108MA00ABCD1U", "91110108MA00ABCD1B");
    const d = analyzeInput(text, { packs: [standard] }).diagnostics.find((x) => x.path === "buyer.taxId")!;
    expect(d.rule).toBe("FP-ID-04");
    expect(text.slice(d.range!.start, d.range!.end)).toBe('"taxId": "91110108MA00ABCD1B"');
  });

  it("reads the platform's XML and checks it as an invoice", () => {
    const a = analyzeInput(GD, { packs: [standard] });
    expect(a.format).toBe("sta-xml");
    expect(a.totals?.total).toBe("¥16000.00");
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        analyzeInput(text, { packs: [standard] });
        return true;
      }),
      { numRuns: 100 },
    );
  });
});

describe("the rule playground", () => {
  it("runs the sample's two examples, both passing", async () => {
    const r = await runPlayground(SAMPLE_RULES, standard, "2026-05-18");
    expect(r.diagnostics).toEqual([]);
    expect([r.passed, r.failed]).toEqual([2, 0]);
  });

  it("highlights keywords, ids, strings and comments, keeping every character", () => {
    const text = 'rule ACME-01 warning\n  assert remarks is present # why\n  message zh "<合同>"';
    const classes = ruleTokens(text).map((t) => [text.slice(t.start, t.end), t.cls]);
    expect(classes).toContainEqual(["ACME-01", "id"]);
    expect(classes).toContainEqual(["warning", "severity"]);
    expect(classes).toContainEqual(["# why", "comment"]);
    expect(classes).toContainEqual(['"<合同>"', "string"]);
    expect(classes).toContainEqual(["assert", "keyword"]);
    const html = highlightHtml(text, ruleTokens(text), [{ start: 0, end: 4, cls: "error" }]);
    expect(html).toContain('<mark class="error"><span class="tok-keyword">rule</span></mark>');
    expect(
      html
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"'),
    ).toBe(text);
  });
});

describe("state in the URL", () => {
  it("round-trips any text, and falls back with a reason on a broken hash", () => {
    const fallback = { tab: "invoice" as const, input: "", rules: "" };
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom("invoice" as const, "rules" as const),
        (input, rules, tab) => {
          const state = { tab, input, rules };
          expect(decodeState(encodeState(state), fallback).state).toEqual(state);
        },
      ),
    );
    expect(decodeState("#s=%%%", fallback)).toMatchObject({ state: fallback, problem: expect.any(String) });
    expect(decodeState("", fallback)).toEqual({ state: fallback });
  });
});
