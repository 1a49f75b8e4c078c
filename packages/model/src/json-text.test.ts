import { describe, expect, it } from "vitest";
import { parseJsonText } from "./json-text.js";
import { parseSaleJson } from "./sale.js";

describe("parseJsonText", () => {
  it("refuses 3,000-deep JSON with a diagnostic instead of crashing (issue 9)", () => {
    const deep = `${"[".repeat(3000)}${"]".repeat(3000)}`;
    const result = parseJsonText(deep);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ rule: "JSON_TOO_DEEP", severity: "error" });
    // The 65th "[" opens at index 64, inside 64 arrays each at index 0.
    expect(result.diagnostics[0]!.path).toBe("[0]".repeat(64));
    expect(result.diagnostics[0]!.messageEn).toContain("64 levels");
  });

  it("names the path of a deep object", () => {
    const text = `{"a": [1, {"b": ${"[".repeat(70)}${"]".repeat(70)}}]}`;
    const result = parseJsonText(text);
    expect(result.diagnostics[0]).toMatchObject({ rule: "JSON_TOO_DEEP" });
    // depth 1 object, 2 array, 3 object, then arrays 4…; the 65th level is the 62nd inner array
    expect(result.diagnostics[0]!.path).toBe(`a[1].b${"[0]".repeat(61)}`);
  });

  it("accepts nesting up to the limit", () => {
    const text = `${"[".repeat(64)}${"]".repeat(64)}`;
    expect(parseJsonText(text).ok).toBe(true);
  });

  it("refuses a number a double cannot hold, with its path and 'write it as a string' (issue 9)", () => {
    const result = parseJsonText('{"lines": [{"amount": "1"}, {"amount": 1.00499999999999999}]}');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ rule: "JSON_INEXACT_NUMBER", path: "lines[1].amount" });
    expect(result.diagnostics[0]!.messageEn).toContain("write it as a string");
    expect(result.diagnostics[0]!.messageEn).toContain("1.00499999999999999");
  });

  it("refuses integers beyond 2^53 that change, and numbers too large for a double", () => {
    expect(parseJsonText("[12345678901234567890]").diagnostics[0]?.rule).toBe("JSON_INEXACT_NUMBER");
    expect(parseJsonText("[9007199254740993]").diagnostics[0]?.rule).toBe("JSON_INEXACT_NUMBER");
    expect(parseJsonText("[1e400]").diagnostics[0]?.rule).toBe("JSON_INEXACT_NUMBER");
  });

  it("accepts numbers that survive the round trip, however written", () => {
    for (const text of [
      "[100.00]",
      "[0.1]",
      "[1e-7]",
      "[123456789012.34]",
      "[9007199254740992]",
      "[0.1234567890123456]",
      "[-0]",
      "[1.5E+3]",
      "[100000000000000000000000]", // 1e23 is not exact as a double, but String(1e23) is "1e+23"
    ]) {
      const result = parseJsonText(text);
      expect({ text, ok: result.ok }).toEqual({ text, ok: true });
    }
  });

  it("ignores digits, brackets and quotes inside strings", () => {
    const result = parseJsonText(`{"a": "1.00499999999999999 [[[[ \\" {", "b\\\\": 1}`);
    expect(result).toEqual({
      ok: true,
      value: { a: '1.00499999999999999 [[[[ " {', "b\\": 1 },
      diagnostics: [],
    });
  });

  it("skips a leading byte-order mark", () => {
    expect(parseJsonText('\uFEFF{"a": "1"}')).toEqual({ ok: true, value: { a: "1" }, diagnostics: [] });
  });

  it("still reports malformed JSON as JSON_MALFORMED", () => {
    expect(parseJsonText('{"a": 1').diagnostics[0]?.rule).toBe("JSON_MALFORMED");
    expect(parseJsonText('{"a": "unterminated').diagnostics[0]?.rule).toBe("JSON_MALFORMED");
  });

  it("makes a sale with an inexact number a diagnostic, never another cent", () => {
    const result = parseSaleJson(
      '{"kind":"general","seller":{},"buyer":{},"lines":[{"amount":1.00499999999999999}]}',
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(["JSON_INEXACT_NUMBER"]);
  });
});
