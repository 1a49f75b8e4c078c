/**
 * `@efapiao/rules-lsp`: the language server for efapiao rule files — diagnostics as you type, completion
 * of fields, functions, keywords, parameters and rule ids, hover help, and go to definition for rules,
 * parameters and base documents. `efapiao-rules-lsp --stdio` runs it for any LSP client; the service
 * functions below answer the same questions without a connection.
 */
export { completions } from "./completion.js";
export { definition, fileUri } from "./definition.js";
export { fileDiagnostics, toLspDiagnostic } from "./diagnostics.js";
export { hover } from "./hover.js";
export { serve, startServer } from "./server.js";
export { compileContext, type PackContext, type RuleFile, sourceName, visiblePacks } from "./workspace.js";
