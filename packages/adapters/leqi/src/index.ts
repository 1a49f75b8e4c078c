/**
 * @efapiao/leqi — 乐企 (the STA's API platform) for efapiao: the canonical invoice ⇄ QDFPSC, red-letter
 * forms, SM4-ECB bodies with Node's own crypto, answers as the port's typed outcomes.
 */
export * from "./sm4.js";
export * from "./enums.js";
export * from "./codes.js";
export * from "./invoice.js";
export * from "./answers.js";
export * from "./client.js";
export * from "./verify.js";
export * from "./use.js";
