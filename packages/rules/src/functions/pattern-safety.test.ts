/**
 * Patterns that backtrack catastrophically are refused when the rule file is compiled and never run when
 * they come from data or parameters (issue 9: `matches(remarks, "^(a+)+$")` with a long remark hung
 * validate). Each refused pattern below is one whose running time on "aaa…" plus a failing character was
 * worked out by hand: exponential for nested repetitions, a power of the length for chains.
 */
import { describe, expect, it } from "vitest";
import { compile, compileClean } from "../../test/helpers.js";
import { loadStandardPack } from "../index.js";
import { createValidator } from "../validate.js";
import { patternHazard } from "./pattern-safety.js";

describe("patternHazard", () => {
  it.each([
    ["^(a+)+$", "(a+)+", 1, "repetition of varying length"],
    ["^(\\w+\\s?)*$", "(\\w+\\s?)*", 1, "repetition of varying length"],
    ["(a{1,3})+b", "(a{1,3})+", 0, "repetition of varying length"],
    ["^(a|ab)*c", "(a|ab)*", 1, "can begin with the same character"],
    ["^(\\d|\\w)+$", "(\\d|\\w)+", 1, "can begin with the same character"],
    ["^(?:[a-z]|[^0-9])+$", "(?:[a-z]|[^0-9])+", 1, "can begin with the same character"],
    ["^((a)\\2)+$", "((a)\\2)+", 1, "backreference"],
    ["^\\s*\\s*$", "\\s*\\s*$", 1, "2 unbounded repetitions"],
    ["^\\d+\\d*\\d+x", "\\d+\\d*\\d+x", 1, "3 unbounded repetitions"],
    ["\\d+元", "\\d+元", 0, "tried from every position"],
  ])("refuses %s (%s at %i)", (pattern, part, offset, reason) => {
    const hazard = patternHazard(pattern);
    expect(hazard).toMatchObject({ part, offset });
    expect(hazard!.reason.en).toContain(reason);
    expect(hazard!.reason.zh.length).toBeGreaterThan(0);
  });

  it.each([
    "^\\d{19}$",
    "^(\\d{3})+$", // a fixed count splits one way
    "^(ab|cd)+$", // alternatives begin differently
    "^[0-9A-Z]{15}$|^[0-9A-Z]{17}$",
    "^\\s*(\\*[^*]*\\*\\s*)?$", // the standard name check
    "被红冲蓝字数电票号码[:：]\\s*\\d{20}", // starts with fixed text: scanned in linear time
    "^\\d+\\d+", // nothing after the chain can fail: the first split is a match
    "合同号\\s*\\S+",
    "^10701010[1-7]",
  ])("accepts %s", (pattern) => {
    expect(patternHazard(pattern)).toBeUndefined();
  });

  it("accepts every pattern of the standard pack", async () => {
    const standard = await loadStandardPack();
    expect(standard.diagnostics).toEqual([]);
    const patterns = standard.sources.flatMap((s) => [
      ...s.text.matchAll(/matches\([^,]+, "((?:[^"\\]|\\.)*)"\)/g),
    ]);
    expect(patterns.length).toBeGreaterThan(8);
    for (const [, pattern] of patterns) expect(patternHazard(pattern!), pattern).toBeUndefined();
  });
});

describe("catastrophic patterns in rule files and data", () => {
  it("the checker refuses a literal one, with its position and the offending part", () => {
    const text =
      'rule X-1 error\n  assert not matches(remarks, "^(a+)+$")\n  message zh "不通过"\n  message en "failed"\n';
    const [d] = compile(text).diagnostics;
    expect(d).toMatchObject({ code: "RULES_ARGUMENT", severity: "error", line: 2, column: 14 });
    expect(d!.messageEn).toContain('"(a+)+" at character 2');
    expect(d!.messageEn).toContain("can backtrack catastrophically");
    expect(d!.message).toContain("灾难性回溯");
  });

  it("a pattern from data never runs: the rule does not apply, and validation ends", () => {
    // 2^60 ways to split 60 a's before the b: a backtracking engine would not finish
    const pack = compileClean(
      'rule X-2 error\n  assert not matches(remarks, drawer)\n  message zh "不通过"\n  message en "failed"\n',
    );
    const result = createValidator({ packs: [pack] })({ drawer: "^(a+)+$", remarks: `${"a".repeat(60)}b` });
    expect(result.diagnostics).toEqual([]);
    // a safe pattern from data still runs
    const safe = createValidator({ packs: [pack] })({ drawer: "^a+b$", remarks: `${"a".repeat(60)}b` });
    expect(safe.diagnostics.map((x) => x.rule)).toEqual(["X-2"]);
  });
});
