/**
 * @efapiao/provider-utils — the plumbing every provider adapter shares (DESIGN.md: like
 * `@ai-sdk/provider-utils`): HTTP on fetch with a timeout, reading answers into outcomes, error-code
 * tables, exact money text, JSON with exact numbers, UTC+8 times, token caching, credentials checks and
 * secret redaction.
 */
export * from "./http.js";
export * from "./answer.js";
export * from "./codes.js";
export * from "./credentials.js";
export * from "./json-text.js";
export * from "./money.js";
export * from "./random.js";
export * from "./redact.js";
export * from "./time.js";
export * from "./token-cache.js";
export * from "./canonical.js";
export * from "./provider-codes.js";
export * from "./request-key.js";
export * from "./verify-fields.js";
export * from "./use-results.js";
