/**
 * Invoice totals: 合计金额 = Σ 金额, 合计税额 = Σ 税额, 价税合计 = 合计金额 + 合计税额, and the latter in
 * capitals. Sums of cents are exact in BigInt, so no rounding happens here.
 */
import type { InvoiceLine, Totals } from "@efapiao/model";
import { moneyTextInWords, type Yuan } from "./amount-words.js";
import { centsOf, centsText, scaledOf } from "./cents.js";

/**
 * Totals from the sums of amounts and taxes, in cents.
 * @example
 * totalsFromSums(10000000n, 600000n)
 * // { amount: "100000.00", tax: "6000.00", total: "106000.00", totalInWords: "壹拾万陆仟圆整" }
 */
export function totalsFromSums(amount: bigint, tax: bigint, yuan: Yuan = "圆"): Totals {
  const total = centsText(amount + tax);
  return {
    amount: centsText(amount),
    tax: centsText(tax),
    total,
    totalInWords: moneyTextInWords(total, yuan),
  };
}

/**
 * Totals of invoice lines (whatever their nature: discount lines are negative and subtract).
 * @example
 * totalsOf(invoice.lines, "元").totalInWords // "壹拾万伍仟肆佰柒拾元整"
 */
export function totalsOf(lines: readonly Pick<InvoiceLine, "amount" | "tax">[], yuan: Yuan = "圆"): Totals {
  let amount = 0n;
  let tax = 0n;
  for (const line of lines) {
    amount += centsOf(scaledOf(line.amount));
    tax += centsOf(scaledOf(line.tax));
  }
  return totalsFromSums(amount, tax, yuan);
}
