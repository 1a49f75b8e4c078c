import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileClean } from "../test/helpers.js";
import { diagnose } from "./diagnose.js";
import { standardPackDir } from "./node/standard-dir.js";

describe("diagnose", () => {
  it("returns positioned problems in source order, in both languages", () => {
    const text = 'rule R-1 error\n  assert buyer.taxid is present\n  message zh "缺少税号"\n';
    expect(diagnose(text, { fileName: "playground.rules" })).toEqual([
      {
        start: 5,
        end: 8,
        line: 1,
        column: 6,
        endLine: 1,
        endColumn: 9,
        severity: "error",
        code: "RULES_MESSAGE",
        message: "规则 R-1 缺少 message en（中文和英文消息都必须写）",
        messageEn: 'Rule R-1 has no "message en" (both a Chinese and an English message are required)',
        file: "playground.rules",
      },
      {
        start: 24,
        end: 35,
        line: 2,
        column: 10,
        endLine: 2,
        endColumn: 21,
        severity: "error",
        code: "RULES_UNKNOWN_NAME",
        message: "未知名称 “buyer.taxid”，是否要写 “buyer.taxId（购买方纳税人识别号）”？",
        messageEn: 'Unknown name "buyer.taxid"; did you mean "buyer.taxId（购买方纳税人识别号）"?',
        file: "playground.rules",
      },
    ]);
  });

  it("is empty for a correct text, and sees parameters of the packs it extends", () => {
    const text = 'rule R-1 error assert gbkLength(drawer) <= limit.drawer message zh "x" message en "x"';
    expect(diagnose(text)[0]!.messageEn).toBe('Unknown name "limit.drawer"');
    const base = compileClean("parameter limit.drawer = 16");
    expect(diagnose(text, { extends: [base] })).toEqual([]);
  });
});

describe("the standard pack's location", () => {
  it("is the standard/ directory next to src/ (and next to dist/ once built)", () => {
    const dir = standardPackDir();
    expect(dir.endsWith("/packages/rules/standard/")).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });
});
