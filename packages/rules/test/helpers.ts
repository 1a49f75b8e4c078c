/** Shared helpers for the rule-language tests: compile a snippet, run it on a document. */
import { compilePack, type Pack } from "../src/pack.js";
import { createValidator, type ValidateOptions } from "../src/validate.js";
import type { SourceDiagnostic } from "../src/source.js";

/** Compiles rule text as a one-file pack. */
export function compile(text: string, options: Parameters<typeof compilePack>[1] = {}): Pack {
  return compilePack([{ name: "test.rules", text }], options);
}

/** Compiles and fails the test loudly if the text has any problem. */
export function compileClean(text: string, options: Parameters<typeof compilePack>[1] = {}): Pack {
  const pack = compile(text, options);
  if (pack.diagnostics.length > 0) {
    throw new Error(
      `unexpected diagnostics:\n${pack.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.messageEn}`).join("\n")}`,
    );
  }
  return pack;
}

/** Runs rule text on a document; returns the diagnostics. */
export function run(text: string, document: unknown, options: Omit<ValidateOptions, "packs"> = {}) {
  return createValidator({ today: "2026-05-18", ...options, packs: [compileClean(text)] })(document)
    .diagnostics;
}

/** A one-rule file asserting `condition` (with optional clauses before the assert). */
export function rule(condition: string, head = "", id = "T-1"): string {
  return `rule ${id} error\n${head}\n  assert ${condition}\n  message zh "不通过"\n  message en "failed"\n`;
}

/** Evaluates a condition on a document: true (passes), false (fails) or "n/a" (missing: the rule is silent). */
export function holds(condition: string, document: unknown = {}, head = ""): boolean | "n/a" {
  const pass = run(rule(condition, head), document).length === 0;
  if (!pass) return false;
  // Distinguish "true" from "missing" by asserting the negation: a missing result is silent both ways.
  const negated = run(rule(`not (${condition})`, head), document).length === 0;
  return negated ? "n/a" : true;
}

export function codes(diagnostics: SourceDiagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export interface TestInvoice {
  lines: Record<string, unknown>[];
  [field: string]: unknown;
}

/** A small, correct special invoice (100000.00 at 6%). */
export function invoice(): TestInvoice {
  return {
    kind: "special",
    kindCode: "01",
    issueDate: "2026-05-18",
    seller: { name: "上海示例科技有限公司", taxId: "914403001922038216" },
    buyer: { name: "北京采购贸易有限公司", taxId: "91330100716105852F", naturalPerson: false },
    lines: [
      {
        index: 1,
        nature: "normal",
        itemName: "*信息技术服务*软件开发",
        name: "软件开发",
        shortName: "信息技术服务",
        code: "3040201010000000000",
        quantity: "1",
        unitPrice: "100000",
        amount: "100000.00",
        taxRate: "0.06",
        tax: "6000.00",
        policy: null,
      },
    ],
    totals: { amount: "100000.00", tax: "6000.00", total: "106000.00", totalInWords: "壹拾万陆仟圆整" },
    drawer: "张伟",
  };
}

/** An invoice with `n` lines of the given amounts (tax at 6%, computed by hand in each test). */
export function invoiceWithLines(
  lines: { amount: string; tax: string; taxRate?: string; nature?: string }[],
): TestInvoice {
  const base = invoice();
  const template = base.lines[0];
  base.lines = lines.map((l, i) => ({ ...template, index: i + 1, taxRate: "0.06", nature: "normal", ...l }));
  return base;
}
