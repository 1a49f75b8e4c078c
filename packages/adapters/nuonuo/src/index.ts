/**
 * @efapiao/nuonuo — 诺诺 / 诺税通 for efapiao: the canonical invoice ⇄ requestBillingNew order, X-Nuonuo-Sign
 * signing, Nuonuo's error codes and answers as the port's typed outcomes, and a `Provider` over fetch.
 */
export * from "./sign.js";
export * from "./enums.js";
export * from "./codes.js";
export * from "./order.js";
export * from "./answers.js";
export * from "./client.js";
export * from "./verify.js";
export * from "./use.js";
