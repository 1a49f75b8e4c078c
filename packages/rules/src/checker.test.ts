import { describe, expect, it } from "vitest";
import { compile, rule } from "../test/helpers.js";
import { createValidator } from "./validate.js";

/** The diagnostics of a one-rule file whose assertion is `condition`. */
function problems(condition: string, head = "") {
  return compile(rule(condition, head)).diagnostics;
}

describe("checker: names", () => {
  it("accepts English paths and Chinese platform names for the same field", () => {
    expect(problems('buyer.taxId = "x" and 购买方纳税人识别号 = "x"')).toEqual([]);
    expect(problems("sum(lines.amount) = sum(明细.金额)")).toEqual([]);
    expect(problems("line.金额 = line.amount", "  for each line in 明细")).toEqual([]);
  });

  it("says 'did you mean' for a misspelt English path, with its Chinese name", () => {
    const [d] = problems("buyer.taxid is present");
    expect(d).toMatchObject({ code: "RULES_UNKNOWN_NAME", line: 3, column: 10, endColumn: 21 });
    expect(d!.messageEn).toBe(
      'Unknown name "buyer.taxid"; did you mean "buyer.taxId（购买方纳税人识别号）"?',
    );
    expect(d!.message).toBe("未知名称 “buyer.taxid”，是否要写 “buyer.taxId（购买方纳税人识别号）”？");
  });

  it("says 'did you mean' for a misspelt Chinese name", () => {
    const [d] = problems("购买方纳税识别号 is present");
    expect(d!.messageEn).toContain('did you mean "buyer.taxId（购买方纳税人识别号）"');
  });

  it("suggests the line field for a misspelt field of a line", () => {
    const [d] = problems("line.amout > 0", "  for each line in lines");
    expect(d!.messageEn).toBe(
      'A line has no field "amout"; did you mean "amount" (line amount (tax-exclusive on the invoice))?',
    );
    expect(d!.column).toBe(15);
  });

  it("suggests `line.x` when a line field is written without its line", () => {
    const [d] = problems("amount > 0", "  for each line in lines");
    expect(d!.messageEn).toBe('Unknown name "amount"; did you mean "line.amount"?');
  });

  it("resolves parameters, table.version and neighbours", () => {
    expect(problems('tolerance.line > 0 and table.version != ""')).toEqual([]);
    expect(
      problems("line.previous.amount > line.next.金额 or line.上一行 is missing", "  for each line in lines"),
    ).toEqual([]);
  });

  it("refuses a variable named like a field or one already bound", () => {
    expect(problems("true", "  for each lines in lines")[0]!.code).toBe("RULES_NAME");
    expect(problems("every line in lines satisfies true", "  for each line in lines")[0]!.code).toBe(
      "RULES_NAME",
    );
  });

  it("refuses fields of things that have none", () => {
    expect(problems("buyer.taxId.length > 0")[0]!.messageEn).toBe(
      'buyer.taxId is a text and has no field "length"',
    );
    expect(problems("round(1, 2).x > 0")[0]!.messageEn).toBe('Only fields and lines can be read with "."');
  });
});

describe("checker: types", () => {
  it("refuses text compared with a number", () => {
    const [d] = problems("buyer.taxId = 0");
    expect(d).toMatchObject({
      code: "RULES_TYPE",
      message: "不能将文本与数字比较",
      messageEn: "Cannot compare a text with a number",
    });
  });

  it("refuses arithmetic on text and dates, hinting daysBetween for dates", () => {
    expect(problems("buyer.name + 1 > 0")[0]!.messageEn).toBe('"+" needs a number, but buyer.name is a text');
    expect(problems("issueDate - 2026-01-01 > 0")[0]!.messageEn).toContain("use daysBetween for dates");
  });

  it("refuses an assertion that is not a condition", () => {
    expect(problems("totals.total")[0]!.messageEn).toBe(
      '"assert" needs a condition (true or false), not a number',
    );
  });

  it("allows < only on numbers and dates, and within only after = on numbers", () => {
    expect(problems('buyer.name < "x"')[0]!.messageEn).toContain("can only be compared with = or ≠");
    expect(problems("issueDate < 2026-01-01")).toEqual([]);
    expect(problems("totals.total > 1 within 0.01")[0]!.messageEn).toBe('"within" can only follow "="');
    expect(problems('buyer.name = "x" within 0.01')[0]!.messageEn).toBe('"within" only applies to numbers');
  });

  it("checks membership, list items and if branches", () => {
    expect(problems("totals.total in [1, 2]")).toEqual([]);
    expect(problems('totals.total in ["1"]')[0]!.messageEn).toBe("Cannot compare a number with a text");
    expect(problems('[1, "a"] = [1]')[0]!.messageEn).toBe(
      "List items must have one type (a number and a text)",
    );
    expect(problems('(if true then 1 else "a") = 1')[0]!.messageEn).toBe(
      'The branches of "if" differ: a number and a text',
    );
  });

  it("checks that for each goes over lines", () => {
    expect(problems("true", '  for each x in codeRates("1")')[0]!.messageEn).toBe(
      '"for each" goes over lines (such as lines or 明细), not a list of numbers',
    );
  });

  it("warns when a field with fixed values is compared with a text that is none of them", () => {
    const [d] = problems('kind = "specail"');
    expect(d).toMatchObject({ severity: "warning", code: "RULES_VALUE" });
    expect(d!.messageEn).toBe('kind is one of special, general, never "specail" (did you mean "special"?)');
    expect(
      problems('line.nature in ["discount", "normal", "discounted"]', "  for each line in lines"),
    ).toEqual([]);
    expect(problems('line.nature ≠ "discout"', "  for each line in lines")[0]!.messageEn).toContain(
      'never "discout"',
    );
  });

  it("keeps a rule with only warnings, and leaves warnings out of validation results", () => {
    const pack = compile(rule('kind = "specail"'));
    expect(pack.rules).toHaveLength(1);
    expect(createValidator({ packs: [pack] })({ kind: "special" }).diagnostics.map((d) => d.rule)).toEqual([
      "T-1",
    ]);
  });

  it("refuses a date that does not exist", () => {
    expect(problems("issueDate = 2026-02-30")[0]!.messageEn).toBe("The date 2026-02-30 does not exist");
  });
});

describe("checker: functions", () => {
  it("says 'did you mean' for an unknown function", () => {
    expect(problems("isValidUSCC(buyer.taxId)")[0]).toMatchObject({
      code: "RULES_UNKNOWN_FUNCTION",
      messageEn: 'Unknown function "isValidUSCC"; did you mean "isValidUscc"?',
    });
  });

  it("refuses a wrong number of arguments", () => {
    expect(problems("round(totals.total) > 0")[0]).toMatchObject({
      code: "RULES_ARITY",
      messageEn: "round takes 2 argument(s), got 1",
    });
    expect(problems("max() > 0")[0]!.messageEn).toBe("max takes 1 / 2+ argument(s), got 0");
    expect(problems("max(1) > 0")[0]!.messageEn).toBe(
      "Argument 1 of max must be a list of numbers, not a number",
    );
  });

  it("refuses an argument of the wrong type", () => {
    expect(problems("length(totals.total) > 0")[0]!.messageEn).toBe(
      "Argument 1 of length must be a text, not a number",
    );
  });

  it("checks literal arguments: regexes, places, units", () => {
    expect(problems('matches(buyer.name, "([a-z")')[0]!.messageEn).toBe(
      'The regular expression "([a-z" is invalid',
    );
    expect(problems("round(totals.total, 2.5) > 0")[0]!.messageEn).toBe(
      "The number of places must be a whole number from 0 to 20",
    );
    expect(problems('amountInWords(totals.total, "块") != ""')[0]!.messageEn).toBe(
      'The unit is "圆" or "元"',
    );
  });

  it("types selections and projections", () => {
    expect(problems('sum(l.amount for each l in lines where l.nature = "normal") = totals.amount')).toEqual(
      [],
    );
    expect(problems('count(each l in lines where l.code = "1") > 0')).toEqual([]);
    expect(problems("sum(each l in lines) > 0")[0]!.messageEn).toBe(
      "Argument 1 of sum must be a list of numbers, not a list of lines",
    );
  });
});

describe("checker: rule clauses", () => {
  it("requires both messages, naming the rule", () => {
    const pack = compile('rule R-1 error\n  assert true\n  message zh "不通过"\n');
    expect(pack.diagnostics).toHaveLength(1);
    expect(pack.diagnostics[0]).toMatchObject({
      code: "RULES_MESSAGE",
      line: 1,
      column: 6,
      messageEn: 'Rule R-1 has no "message en" (both a Chinese and an English message are required)',
    });
  });

  it("refuses two messages in one language", () => {
    const pack = compile('rule R-1 error assert true message zh "a" message zh "b" message en "c"');
    expect(pack.diagnostics[0]!.messageEn).toBe('Rule R-1 has two "message zh"');
  });

  it("checks the words of applies to", () => {
    expect(problems("true", "  applies to special, invoce")[0]!.messageEn).toBe(
      '"applies to" does not know "invoce"; did you mean "invoice"? (use special, general, sale, invoice)',
    );
  });

  it("checks effective dates", () => {
    expect(problems("true", "  effective from 2026-05-01 to 2026-04-01")[0]!.messageEn).toBe(
      "The effective-from date is after the effective-to date",
    );
    expect(problems("true", "  effective")[0]!.messageEn).toBe(
      '"effective" needs "from DATE" and/or "to DATE"',
    );
  });

  it("requires a field after at", () => {
    const pack = compile('rule R-1 error assert true at 1 + 1 message zh "a" message en "b"');
    expect(pack.diagnostics[0]!.messageEn).toBe('After "at" write a field (such as line.tax)');
  });

  it("checks expressions inside messages", () => {
    const pack = compile('rule R-1 error assert true message zh "{buyer.nmae}" message en "{round(1)}"');
    expect(pack.diagnostics.map((d) => d.code)).toEqual(["RULES_UNKNOWN_NAME", "RULES_ARITY"]);
    // rule R-1 error assert true message zh "{ — the name starts at column 41
    expect(pack.diagnostics[0]!.column).toBe(41);
  });

  it("leaves a rule with errors out of the pack, keeping the others", () => {
    const pack = compile(`${rule("buyer.nmae is present", "", "BAD-1")}${rule("true", "", "GOOD-1")}`);
    expect(pack.rules.map((r) => r.id)).toEqual(["GOOD-1"]);
    expect(pack.diagnostics).toHaveLength(1);
  });
});
