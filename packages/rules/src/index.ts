/**
 * `@efapiao/rules`: the e-fapiao validation-rule language (LANGUAGE.md) — compiler, runner, examples, and
 * the standard pack (embedded as data). No Node built-ins: it bundles for a browser. Reading packs and
 * examples from disk is `@efapiao/rules/node`.
 */
export { compilePack, type CompileOptions, type Override, type Pack, type RuleSource } from "./pack.js";
export { loadStandardPack, standardRuleSources } from "./standard.js";
export { createValidator, validate, type ValidateOptions, type ValidationResult } from "./validate.js";
export { diagnose, type DiagnoseOptions } from "./diagnose.js";
export {
  formatSourceDiagnostic,
  formatSourceDiagnostics,
  isWide,
  MAX_REPORTED_PER_FILE,
  type SourceDiagnostic,
  type Span,
} from "./source.js";
export {
  defineFunction,
  FunctionRegistry,
  type FunctionSignature,
  parseSignature,
  type RuleFunction,
  type RunContext,
} from "./registry.js";
export { BUILTIN_FUNCTIONS, createRegistry, DEFAULT_REGISTRY } from "./functions/index.js";
export { BUILTIN_PARAMETERS, DEFAULT_PROFILE, type Parameter } from "./parameters.js";
export type { CompiledRule } from "./rule.js";
export type { Type } from "./types.js";
export { Decimal, type Value } from "./values.js";
export { KEYWORDS } from "./lexer.js";
export {
  type ExampleFiles,
  type ExampleOptions,
  type ExampleOutcome,
  type ExamplesReport,
  formatExamplesReport,
  lintPackExamples,
  runPackExamples,
  standardExampleFiles,
} from "./examples.js";
export { formatTrace, type RuleTrace, traceRule } from "./trace.js";
export { formatRules } from "./format.js";
export {
  type BaseDecl,
  type Declaration,
  type ExampleDecl,
  type FileAst,
  type OverrideDecl,
  type ParameterDecl,
  parseRuleFile,
  type RuleDecl,
} from "./syntax.js";
export { ALL_FIELDS, type Field, fieldLabel } from "./fields.js";
