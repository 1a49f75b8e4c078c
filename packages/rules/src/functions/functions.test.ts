import { createCodeTable } from "@efapiao/tables";
import { describe, expect, it } from "vitest";
import { compileClean, holds, rule } from "../../test/helpers.js";
import { compilePack } from "../pack.js";
import { defineFunction, parseSignature } from "../registry.js";
import { createValidator } from "../validate.js";
import { createRegistry } from "./index.js";

describe("text functions", () => {
  it("counts characters as code points and GBK bytes as 2 per Chinese character", () => {
    expect(holds('length("张伟") = 2 and length("abc") = 3 and length("😀") = 1')).toBe(true);
    expect(holds('gbkLength("张伟") = 4 and gbkLength("V2") = 2 and gbkLength("张三V2") = 6')).toBe(true);
  });

  it("matches regular expressions anywhere unless anchored", () => {
    expect(
      holds(
        'matches("ab123", "\\d{3}") and not matches("ab123", "^\\d{3}$") and matches("税号", "^\\p{Script=Han}+$")',
      ),
    ).toBe(true);
    expect(
      holds('startsWith("*信息技术服务*软件开发", "*") and endsWith("abc", "bc") and contains("abc", "b")'),
    ).toBe(true);
  });
});

describe("tax ids (from @efapiao/model)", () => {
  it("checks USCC and ID card check characters", () => {
    expect(holds('isValidUscc("914403001922038216") and isValidUscc("91330100716105852F")')).toBe(true);
    expect(holds('isValidUscc("914403001922038217")')).toBe(false);
    expect(holds('isValidUscc("91110108MA00ABCD1B")')).toBe(false); // check character should be U
    expect(holds('isValidUscc("91110108MA00ABCD1U")')).toBe(true);
    expect(holds('isValidIdCard("11010519491231002X") and not isValidIdCard("110105194912310021")')).toBe(
      true,
    );
  });

  it("accepts known exceptions to the checksum", () => {
    expect(holds('isValidTaxId("91350211M00013FA1N")')).toBe(false);
    expect(holds('isValidTaxId("91350211M00013FA1N", ["91350211M00013FA1N"])')).toBe(true);
    expect(holds('isValidTaxId("11010519491231002X")')).toBe(true);
  });
});

describe("amounts in capitals (from @efapiao/calc)", () => {
  it("writes capitals with 圆 (or 元 on request)", () => {
    expect(
      holds('amountInWords(106000) = "壹拾万陆仟圆整" and amountInWords(39.54, "元") = "叁拾玖元伍角肆分"'),
    ).toBe(true);
    expect(holds('amountInWords(-500) = "（负数）伍佰圆整"')).toBe(true);
  });

  it("compares capitals with an amount, accepting 圆 and 元", () => {
    expect(
      holds(
        'matchesAmountInWords("壹拾万陆仟圆整", 106000) and matchesAmountInWords("壹拾万陆仟元整", 106000.00)',
      ),
    ).toBe(true);
    expect(holds('matchesAmountInWords("壹拾万陆仟圆整", 106000.01)')).toBe(false);
    expect(holds('matchesAmountInWords("胡说", 1)')).toBe(false);
  });
});

describe("code tables and rate tables", () => {
  const table = createCodeTable(
    [
      {
        code: "1000000000000000000",
        name: "货物",
        shortName: "货物",
        rates: [],
        summary: true,
        specialManagement: [],
      },
      {
        code: "1010101010000000000",
        name: "谷物",
        shortName: "谷物",
        rates: ["0.09", "0"],
        summary: false,
        specialManagement: ["免税"],
      },
    ],
    { version: "99.1", source: "test" },
  );
  const run = (condition: string) =>
    createValidator({ packs: [compileClean(rule(condition))], codes: table, today: "2026-05-18" })({})
      .diagnostics.length === 0;

  it("looks codes up in the table the run is given", () => {
    expect(run('codeExists("1010101010000000000") and not codeExists("3040201010000000000")')).toBe(true);
    expect(
      run('codeShortName("1010101010000000000") = "谷物" and codeName("1010101010000000000") = "谷物"'),
    ).toBe(true);
    expect(run('9% in codeRates("1010101010000000000") and 0 in codeRates("1010101010000000000")')).toBe(
      true,
    );
    expect(run('codeIsSummary("1000000000000000000") and not codeIsSummary("1010101010000000000")')).toBe(
      true,
    );
    expect(run('"免税" in codeSpecialManagement("1010101010000000000")')).toBe(true);
    expect(run('table.version = "99.1"')).toBe(true);
  });

  it("makes look-ups of an unknown code missing, so only the existence rule speaks", () => {
    expect(holds('codeShortName("1234567890123456789") = "x"')).toBe("n/a");
  });

  it("uses the built-in list when no table is given", () => {
    expect(
      holds('codeShortName("3040201010000000000") = "信息技术服务" and table.version = "built-in"'),
    ).toBe(true);
  });

  it("lists the rates in force on a date", () => {
    expect(
      holds("13% in vatRates(2024-01-01) and 9% in vatRates(2024-01-01) and 16% not in vatRates(2024-01-01)"),
    ).toBe(true);
    expect(holds("16% in vatRates(2018-06-01) and 13% not in vatRates(2018-06-01)")).toBe(true);
    expect(
      holds(
        "3% in levyRates(2024-01-01) and 1.5% in levyRates(2024-01-01) and 6% not in levyRates(2024-01-01)",
      ),
    ).toBe(true);
  });

  it("counts days between dates", () => {
    expect(
      holds("daysBetween(2024-02-28, 2024-03-01) = 2 and daysBetween(2026-01-01, 2025-12-31) = -1"),
    ).toBe(true);
  });
});

describe("the registry", () => {
  it("parses signatures written as text", () => {
    expect(parseSignature("text, list of number -> boolean")).toEqual({
      params: ["text", { list: "number" }],
      result: "boolean",
    });
    expect(parseSignature("number, ...number -> number")).toEqual({
      params: ["number"],
      rest: "number",
      result: "number",
    });
    expect(() => parseSignature("text")).toThrow(/->/);
    expect(() => parseSignature("txt -> boolean")).toThrow(/Unknown type/);
  });

  it("lets host code add a function that rules call with type checking", () => {
    const customers = new Set(["91330100716105852F"]);
    const functions = createRegistry(
      defineFunction({
        name: "isCustomer",
        signature: "text -> boolean",
        summary: { zh: "是否为本公司客户", en: "Is one of our customers" },
        impl: ([taxId]) => customers.has(taxId as string),
      }),
    );
    const pack = compilePack([{ name: "c.rules", text: rule("isCustomer(buyer.taxId)") }], { functions });
    expect(pack.diagnostics).toEqual([]);
    const check = createValidator({ packs: [pack] });
    expect(check({ buyer: { taxId: "91330100716105852F" } }).valid).toBe(true);
    expect(check({ buyer: { taxId: "914403001922038216" } }).valid).toBe(false);
    const typed = compilePack([{ name: "c.rules", text: rule("isCustomer(totals.total)") }], { functions });
    expect(typed.diagnostics[0]!.messageEn).toBe("Argument 1 of isCustomer must be a text, not a number");
  });

  it("treats a host function that throws as missing, and survives a throwing compile-time check", () => {
    const functions = createRegistry(
      defineFunction({
        name: "boom",
        signature: "text -> boolean",
        summary: { zh: "", en: "" },
        impl: () => {
          throw new Error("bug");
        },
        check: () => {
          throw new Error("bug in check");
        },
      }),
    );
    const pack = compilePack([{ name: "c.rules", text: rule('boom("x")') }], { functions });
    expect(pack.diagnostics[0]!.messageEn).toBe("The check of boom failed: bug in check");
    const throwing = defineFunction({
      name: "bang",
      signature: "text -> boolean",
      summary: { zh: "", en: "" },
      impl: () => {
        throw new Error("bug");
      },
    });
    const quiet = compilePack([{ name: "c.rules", text: rule("bang(buyer.name)") }], {
      functions: createRegistry(throwing),
    });
    expect(quiet.diagnostics).toEqual([]);
    expect(createValidator({ packs: [quiet] })({ buyer: { name: "x" } }).diagnostics).toEqual([]);
  });
});
