/**
 * @efapiao/baiwang — 百望 for efapiao: the canonical invoice ⇄ baiwang.output.invoice.issue, red-letter
 * forms, `sign` (MD5) signing, the password-grant token cache, answers as the port's typed outcomes.
 */
export * from "./sign.js";
export * from "./enums.js";
export * from "./codes.js";
export * from "./invoice.js";
export * from "./red.js";
export * from "./answers.js";
export * from "./client.js";
export * from "./verify.js";
export * from "./use.js";
