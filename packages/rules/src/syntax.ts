/**
 * A rule file's syntax tree for tools (the language server, the formatter's tests): the declarations with
 * the spans of their names, and the file's syntax problems. Compiling (types, names, packs) is `compilePack`.
 */
import type { FileAst } from "./ast.js";
import { FileReporter, parseSource } from "./parse.js";
import type { SourceDiagnostic } from "./source.js";

export type {
  BaseDecl,
  Declaration,
  ExampleDecl,
  FileAst,
  OverrideDecl,
  ParameterDecl,
  RuleDecl,
} from "./ast.js";

/**
 * Parses one rule file without compiling it. Never throws.
 * @example
 * const { ast } = parseRuleFile('parameter limit = 10\n', "acme.rules");
 * ast.declarations[0] // { kind: "parameter", name: { name: "limit", span: { line: 1, column: 11, … } }, … }
 */
export function parseRuleFile(text: string, file: string): { ast: FileAst; diagnostics: SourceDiagnostic[] } {
  const reporter = new FileReporter(file);
  const ast = parseSource(text, reporter);
  return { ast, diagnostics: reporter.finish() };
}
