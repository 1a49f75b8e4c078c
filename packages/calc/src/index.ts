/**
 * @efapiao/calc: exact e-fapiao arithmetic. Lines (tax-exclusive and tax-inclusive), discounts, totals,
 * amounts in Chinese capitals (both ways), splitting a sale into several invoices, red-letter negation,
 * and buildInvoice: sale document → invoice payload.
 */
export { amountInWords, type Yuan } from "./amount-words.js";
export { parseAmountInWords } from "./parse-amount-words.js";
export { type BuildOptions, buildInvoice, buildInvoiceFromJson } from "./build.js";
export { type CodeLookup, type ItemName, resolveItemName } from "./item-name.js";
export { type NegateOptions, negateInvoice, negateLines } from "./negate.js";
export { type SplitLimits, splitSale } from "./split.js";
export { Decimal } from "./decimal.js";
export { totalsOf } from "./totals.js";
export { todayInShanghai } from "./today.js";
