/**
 * Invoice totals: 合计金额 = Σ 金额, 合计税额 = Σ 税额, 价税合计 = 合计金额 + 合计税额, and the latter in
 * capitals. Sums of cents are exact in Decimal, so no rounding happens here.
 */
import type { InvoiceLine, Totals } from "@efapiao/model";
import { moneyTextInWords, type Yuan } from "./amount-words.js";
import { Decimal, moneyText, ZERO } from "./decimal.js";

/**
 * Totals from the sums of amounts and taxes.
 * @example
 * totalsFromSums(new Decimal("100000"), new Decimal("6000"))
 * // { amount: "100000.00", tax: "6000.00", total: "106000.00", totalInWords: "壹拾万陆仟圆整" }
 */
export function totalsFromSums(amount: Decimal, tax: Decimal, yuan: Yuan = "圆"): Totals {
  const total = moneyText(amount.plus(tax));
  return {
    amount: moneyText(amount),
    tax: moneyText(tax),
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
  let amount = ZERO;
  let tax = ZERO;
  for (const line of lines) {
    amount = amount.plus(new Decimal(line.amount));
    tax = tax.plus(new Decimal(line.tax));
  }
  return totalsFromSums(amount, tax, yuan);
}
