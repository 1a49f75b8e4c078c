export * from "./diagnostic.js";
export * from "./decimal-text.js";
export * from "./sale.js";
export * from "./invoice.js";
export * from "./field-names.js";
export * from "./platform-view.js";
export { zodIssuesToDiagnostics, type IssueParams } from "./zod-diagnostics.js";
