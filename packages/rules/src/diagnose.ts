/**
 * The diagnostics API for editors and the web playground: rule text in, positioned problems out. Checks one
 * file alone (parameters of other files of its pack are unknown unless `extends` provides them).
 */
import { compilePack, type Pack } from "./pack.js";
import type { FunctionRegistry } from "./registry.js";
import type { SourceDiagnostic } from "./source.js";

export interface DiagnoseOptions {
  /** Shown in diagnostics (default `input.rules`). */
  fileName?: string;
  /** Packs whose parameters and rule ids the text may use (e.g. the standard pack). */
  extends?: Pack[];
  functions?: FunctionRegistry;
}

/**
 * Every problem in a rule text, with line, column, end line and end column (1-based, end exclusive), severity
 * and messages in Chinese and English. Never throws.
 * @example
 * diagnose('rule R-1 error\n  assert buyer.taxid is present\n  message zh "缺少税号"')
 * // [{ line: 2, column: 10, endLine: 2, endColumn: 21, severity: "error", code: "RULES_UNKNOWN_NAME",
 * //    message: "未知名称 “buyer.taxid”，是否要写 “buyer.taxId（购买方纳税人识别号）”？", messageEn: "Unknown name …", … },
 * //  { line: 1, column: 6, …, code: "RULES_MESSAGE", messageEn: 'Rule R-1 has no "message en" …' }]
 */
export function diagnose(sourceText: string, options: DiagnoseOptions = {}): SourceDiagnostic[] {
  const pack = compilePack([{ name: options.fileName ?? "input.rules", text: sourceText }], {
    extends: options.extends,
    functions: options.functions,
  });
  return [...pack.diagnostics].sort((a, b) => a.start - b.start);
}
