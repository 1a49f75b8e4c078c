import { describe, expect, it } from "vitest";
import { FileReporter, parseSource } from "./parse.js";
import { formatSourceDiagnostic } from "./source.js";

function parse(text: string) {
  const reporter = new FileReporter("p.rules");
  const ast = parseSource(text, reporter);
  return { ast, diagnostics: reporter.finish() };
}

describe("parser", () => {
  it("builds a rule with every clause", () => {
    const { ast, diagnostics } = parse(`
rule FP-CO-01 error
  applies to special, invoice
  effective from 2019-04-01 to 2030-12-31
  when buyer.taxId is present
  for each line in lines where line.nature ≠ "discount"
  assert line.tax = round(line.amount × line.taxRate, 2) within tolerance.line
  at line.tax
  message zh "第{line.index}行"
  message en "Line {line.index}"
  example "ok"
    expect pass
`);
    expect(diagnostics).toEqual([]);
    const rule = ast.declarations[0]!;
    expect(rule.kind).toBe("rule");
    if (rule.kind !== "rule") return;
    expect(rule.id.name).toBe("FP-CO-01");
    expect(rule.appliesTo.map((a) => a.name)).toEqual(["special", "invoice"]);
    expect(rule.effective?.from?.value).toBe("2019-04-01");
    expect(rule.effective?.to?.value).toBe("2030-12-31");
    expect(rule.forEach?.variable.name).toBe("line");
    expect(rule.assert).toMatchObject({ kind: "compare", op: "=", tolerance: { kind: "name" } });
    expect(rule.messages[0]!.template.parts).toMatchObject(["第", { kind: "name" }, "行"]);
    expect(rule.examples[0]).toMatchObject({ name: "ok", expect: { pass: true } });
  });

  it("gives operators their precedence: × before +, comparison before not, and before or", () => {
    const { ast } = parse(
      `parameter p = 1\nrule R-1 error assert a or b and not c = 1 + 2 × 3 message zh "x" message en "x"`,
    );
    const rule = ast.declarations[1];
    if (rule?.kind !== "rule") throw new Error("no rule");
    expect(rule.assert).toMatchObject({
      kind: "logical",
      op: "or",
      right: {
        kind: "logical",
        op: "and",
        right: {
          kind: "not",
          operand: {
            kind: "compare",
            right: { kind: "arithmetic", op: "+", right: { kind: "arithmetic", op: "×" } },
          },
        },
      },
    });
  });

  it("reads examples with set, remove, insert, profile and JSON values", () => {
    const { ast, diagnostics } = parse(`
rule R-1 error assert true message zh "x" message en "x"
  example "e" given "b.json"
    profile legacy
    set lines[0].tax to "1.00"
    set buyer to {"name": "张三", "naturalPerson": true, "n": -2.5, "l": [1, null]}
    remove buyer.taxId
    insert lines[1] copy of lines[0]
    expect fail at lines[0].tax, buyer.taxId
`);
    expect(diagnostics).toEqual([]);
    const rule = ast.declarations[0];
    if (rule?.kind !== "rule") throw new Error("no rule");
    const example = rule.examples[0]!;
    expect(example.given?.path).toBe("b.json");
    expect(example.mutations.map((m) => m.op)).toEqual(["profile", "set", "set", "remove", "insert"]);
    expect(example.mutations[2]).toMatchObject({
      value: { name: "张三", naturalPerson: true, n: -2.5, l: [1, null] },
    });
    expect(example.mutations[4]).toMatchObject({ path: ["lines", 1], copyOf: ["lines", 0] });
    expect(example.expect.at?.map((a) => a.path)).toEqual([
      ["lines", 0, "tax"],
      ["buyer", "taxId"],
    ]);
  });

  it("reports a syntax error with position, caret and both languages", () => {
    const text = 'rule R-1 error\n  assert\n  message zh "x"\n  message en "x"\n';
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "RULES_SYNTAX", line: 3, column: 3 });
    expect(diagnostics[0]!.message).toBe("此处应为表达式，却是“message”");
    expect(diagnostics[0]!.messageEn).toBe('expected an expression, found "message"');
    expect(formatSourceDiagnostic(diagnostics[0]!, text)).toBe(
      'p.rules:3:3: 错误：此处应为表达式，却是“message” / error: expected an expression, found "message"\n    message zh "x"\n    ^^^^^^^',
    );
  });

  it("reports several syntax errors in one pass (recovery)", () => {
    const { diagnostics } = parse(`
rule A-1 error assert (1 + ) message zh "x" message en "x"
rule A-2 error assert message zh "x" message en "x"
rule A-3 warnin assert true message zh "x" message en "x"
rule A-4 error assert true message zh "x" message en "x"
`);
    expect(diagnostics.map((d) => d.line)).toEqual([2, 3, 4]);
    expect(diagnostics[2]!.messageEn).toBe('expected "error", "warning" or "info", found "warnin"');
  });

  it("reports a missing closing quote where the text starts", () => {
    const { diagnostics } = parse('rule A-1 error assert x = "abc\n message zh "x" message en "x"');
    expect(diagnostics[0]).toMatchObject({
      line: 1,
      column: 27,
      messageEn: expect.stringContaining("closing quote"),
    });
  });

  it("parses interpolations and places their errors inside the message", () => {
    const text = 'rule A-1 error assert true message zh "值{1 + }" message en "x{}"';
    const { diagnostics } = parse(text);
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0]).toMatchObject({ line: 1, code: "RULES_SYNTAX" });
    expect(text.slice(diagnostics[0]!.start, diagnostics[0]!.end)).toBe("{1 + }");
    expect(diagnostics[0]!.messageEn).toBe(
      'expected an expression (a field, number, text or function call), found "}"',
    );
    expect(diagnostics[1]!.messageEn).toBe("A {} in a message needs an expression inside");
  });

  it("refuses 10,000 nested parentheses with a message instead of overflowing the stack", () => {
    const deep = `${"(".repeat(10_000)}1${")".repeat(10_000)}`;
    const { diagnostics } = parse(`rule A-1 error assert ${deep} = 1 message zh "x" message en "x"`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.code).toBe("RULES_TOO_DEEP");
    expect(diagnostics[0]!.column).toBe(23 + 64);
  });

  it("refuses a 10,000-term chain and 10,000 prefix operators by depth", () => {
    const chain = Array.from({ length: 10_000 }, () => "1").join(" + ");
    const nots = "not ".repeat(10_000);
    const minus = "- ".repeat(10_000);
    for (const expr of [`${chain} = 1`, `${nots}true`, `${minus}1 = 1`]) {
      const { diagnostics } = parse(`rule A-1 error assert ${expr} message zh "x" message en "x"`);
      expect(diagnostics.map((d) => d.code)).toEqual(["RULES_TOO_DEEP"]);
    }
  });

  it("refuses deeply nested if and quantifiers", () => {
    const ifs = "if true then ".repeat(200) + "true" + " else false".repeat(200);
    const { diagnostics } = parse(`rule A-1 error assert ${ifs} message zh "x" message en "x"`);
    expect(diagnostics.map((d) => d.code)).toEqual(["RULES_TOO_DEEP"]);
  });

  it("refuses a file over 1 MiB before reading it", () => {
    const { diagnostics } = parse(`# ${"x".repeat(10 * 1024 * 1024)}`);
    expect(diagnostics.map((d) => d.code)).toEqual(["RULES_TOO_LARGE"]);
  });

  it("keeps at most 100 diagnostics per file and says how many more there were", () => {
    const { diagnostics } = parse("@ ".repeat(500));
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics[100]!.messageEn).toBe("400 more problems not shown");
  });
});
