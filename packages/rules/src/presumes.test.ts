/**
 * `presumes` (LANGUAGE.md §3.6): a rule's failure is not reported when a rule it presumes failed on the same
 * subject — one mistake, one error.
 */
import { describe, expect, it } from "vitest";
import { compile, compileClean, invoice } from "../test/helpers.js";
import { loadStandardPack } from "./index.js";
import { compilePack } from "./pack.js";
import { createValidator } from "./validate.js";

/** A rule over the lines failing where `condition` is false. */
const lineRule = (id: string, condition: string, extra = "") =>
  `rule ${id} error\n${extra}  for each line in lines\n  assert ${condition}\n  message zh "不通过"\n  message en "failed"\n`;

const PACK = [
  lineRule("CAUSE-1", "line.amount > 0"),
  lineRule("EFFECT-1", "line.tax > 0", "  presumes CAUSE-1\n"),
  'rule WHOLE-1 error\n  assert remarks is present\n  message zh "不通过"\n  message en "failed"\n',
  lineRule("EFFECT-2", "line.tax > 0", "  presumes WHOLE-1\n"),
].join("\n");

const lines = (...amounts: [string, string][]) => ({
  remarks: "备注",
  lines: amounts.map(([amount, tax]) => ({ amount, tax })),
});

function reported(text: string, document: unknown) {
  return createValidator({ packs: [compileClean(text)] })(document).diagnostics.map(
    (d) => `${d.rule} ${d.path}`,
  );
}

describe("presumes: what is reported", () => {
  it("reports the cause only, on the same line", () => {
    // line 0: amount and tax fail (the tax failure is a consequence); line 1: only the tax fails
    expect(reported(PACK, lines(["-1", "-1"], ["1", "-1"]))).toEqual([
      "CAUSE-1 lines[0].amount",
      "EFFECT-1 lines[1].tax",
      "EFFECT-2 lines[0].tax",
      "EFFECT-2 lines[1].tax",
    ]);
  });

  it("a cause about the whole document suppresses the consequence on every line", () => {
    const { remarks: _, ...withoutRemarks } = lines(["1", "-1"], ["1", "-1"]);
    expect(reported(PACK, withoutRemarks)).toEqual([
      "EFFECT-1 lines[0].tax",
      "EFFECT-1 lines[1].tax",
      "WHOLE-1 remarks",
    ]);
  });

  it("a disabled presumed rule suppresses nothing; a lowered one still does", () => {
    const document = lines(["-1", "-1"]);
    expect(reported(`${PACK}\ndisable CAUSE-1\n`, document)).toEqual([
      "EFFECT-1 lines[0].tax",
      "EFFECT-2 lines[0].tax",
    ]);
    expect(reported(`${PACK}\nchange CAUSE-1 to warning\n`, document)).toEqual([
      "CAUSE-1 lines[0].amount",
      "EFFECT-2 lines[0].tax",
    ]);
  });

  it("a company rule may presume a standard one", async () => {
    const standard = await loadStandardPack();
    const company = compilePack(
      [{ name: "acme.rules", text: lineRule("ACME-1", "line.taxRate ≠ 0.06", "  presumes FP-CD-02\n") }],
      { name: "acme", extends: [standard] },
    );
    expect(company.diagnostics).toEqual([]);
    const summary = invoice();
    summary.lines[0]!.code = "3040201000000000000";
    const rules = createValidator({ packs: [standard, company], today: "2026-05-18" })(
      summary,
    ).diagnostics.map((d) => d.rule);
    expect(rules).toEqual(["FP-CD-02"]);
  });
});

describe("presumes: the standard pack", () => {
  it("a summary-row code raises one error, not also a rate error (issue 9)", async () => {
    const document = invoice();
    document.lines[0]!.code = "3040201000000000000"; // 软件服务, a summary row (HZX = Y) without rates
    const result = createValidator({ packs: [await loadStandardPack()], today: "2026-05-18" })(document);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.path}`)).toEqual(["FP-CD-02 lines[0].code"]);
  });

  it("an unknown code raises one error, not also a rate error", async () => {
    const document = invoice();
    document.lines[0]!.code = "3040201019999999999";
    const result = createValidator({ packs: [await loadStandardPack()], today: "2026-05-18" })(document);
    expect(result.diagnostics.map((d) => `${d.rule} ${d.path}`)).toEqual(["FP-CD-01 lines[0].code"]);
  });
});

describe("presumes: compile-time checks", () => {
  it("names an unknown presumed rule with its position and a suggestion", () => {
    const [d] = compile(PACK.replace("presumes CAUSE-1", "presumes CAUSE-2")).diagnostics;
    expect(d).toMatchObject({ code: "RULES_UNKNOWN_RULE", line: 8, column: 12 });
    expect(d!.messageEn).toBe("No rule has the id CAUSE-2; did you mean CAUSE-1?");
  });

  it("refuses a rule presuming itself, and a circle of presumptions", () => {
    expect(compile(lineRule("SELF-1", "true", "  presumes SELF-1\n")).diagnostics).toMatchObject([
      { code: "RULES_PRESUMES_CYCLE", messageEn: "The rule SELF-1 cannot presume itself" },
    ]);
    const circle = compile(
      `${lineRule("A-1", "true", "  presumes B-1\n")}\n${lineRule("B-1", "true", "  presumes A-1\n")}`,
    ).diagnostics;
    expect(circle.map((d) => d.code)).toEqual(["RULES_PRESUMES_CYCLE", "RULES_PRESUMES_CYCLE"]);
    expect(circle[0]!.messageEn).toContain("The rule A-1 presumes B-1, which presumes A-1");
  });

  it("needs at least one rule id after presumes", () => {
    const [d] = compile(lineRule("X-1", "true", "  presumes\n")).diagnostics;
    expect(d!.code).toBe("RULES_SYNTAX");
  });
});
