import { describe, expect, it } from "vitest";
import { KEYWORDS, tokenize } from "./lexer.js";

const kinds = (text: string) => tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe("lexer", () => {
  it("reads a rule header, keeping keywords apart from names that start with them", () => {
    expect(kinds("rule FP-CO-01 error index in isValidUscc is")).toEqual([
      "Kw_rule:rule",
      "RuleId:FP-CO-01",
      "Kw_error:error",
      "Identifier:index",
      "Kw_in:in",
      "Identifier:isValidUscc",
      "Kw_is:is",
    ]);
  });

  it("reads numbers, percentages and dates as literals", () => {
    expect(kinds("0.06 6% 1.5% 2026-05-18 100")).toEqual([
      "NumberLiteral:0.06",
      "NumberLiteral:6%",
      "NumberLiteral:1.5%",
      "DateLiteral:2026-05-18",
      "NumberLiteral:100",
    ]);
  });

  it("reads Chinese names and dotted paths", () => {
    expect(kinds("购买方纳税人识别号 明细.金额")).toEqual([
      "Identifier:购买方纳税人识别号",
      "Identifier:明细",
      "Dot:.",
      "Identifier:金额",
    ]);
  });

  it("reads mathematical and ASCII operators alike, and full-width brackets and commas", () => {
    expect(kinds("a × b * c ÷ d / e ≠ f != g ≤ h <= i ≥ j >= k")).toEqual([
      "Identifier:a",
      "Times:×",
      "Identifier:b",
      "Times:*",
      "Identifier:c",
      "Divide:÷",
      "Identifier:d",
      "Divide:/",
      "Identifier:e",
      "NotEquals:≠",
      "Identifier:f",
      "NotEquals:!=",
      "Identifier:g",
      "LessEquals:≤",
      "Identifier:h",
      "LessEquals:<=",
      "Identifier:i",
      "GreaterEquals:≥",
      "Identifier:j",
      "GreaterEquals:>=",
      "Identifier:k",
    ]);
    expect(kinds("round（x，2）")).toEqual([
      "Identifier:round",
      "LParen:（",
      "Identifier:x",
      "Comma:，",
      "NumberLiteral:2",
      "RParen:）",
    ]);
  });

  it("keeps quotes inside a message interpolation within the text", () => {
    const text = '"是否{if x then "是" else "否"}" next';
    expect(kinds(text)).toEqual(['StringLiteral:"是否{if x then "是" else "否"}"', "Identifier:next"]);
  });

  it("reads an unterminated text to the end of its line, so the next line still lexes", () => {
    expect(kinds('"abc\nrule')).toEqual(['StringLiteral:"abc', "Kw_rule:rule"]);
  });

  it("skips comments and reports characters it cannot read", () => {
    const result = tokenize("a # comment ¤\n@ b");
    expect(result.tokens.map((t) => t.image)).toEqual(["a", "b"]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 2, column: 1 });
  });

  it("lists its reserved words", () => {
    expect(KEYWORDS).toContain("rule");
    expect(KEYWORDS).toContain("satisfies");
    expect(KEYWORDS).not.toContain("line");
  });
});
