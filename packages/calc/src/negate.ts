/**
 * Red-letter (红字) negation: the amounts of a red invoice that reverses a blue one, wholly or line by
 * line. Only the arithmetic lives here; the confirmation form, the original invoice number and the
 * platform's red-invoice remark belong to the adapters.
 *
 * Choices:
 * - Red invoices carry normal lines only (domain-facts.md, "Discount lines"), so a discounted line and
 *   its discount line become one normal line with the net amount and tax. Its quantity stays; its unit
 *   price becomes net amount ÷ quantity to 10 places, so the printed line still multiplies out.
 * - Quantities, amounts and taxes are negated; unit prices stay positive, as on the platform's red
 *   invoices (negative quantity × positive price = negative amount).
 * - `remarks` is dropped: red invoices take no user remark — the platform writes its own
 *   (被红冲蓝字数电票号码…). Everything else, the issue date included, is kept for the caller to set.
 */
import { error, type Invoice, type InvoiceLine, type Result } from "@efapiao/model";
import type { Yuan } from "./amount-words.js";
import { Decimal, moneyText, priceText, trimmedText } from "./decimal.js";
import { totalsOf } from "./totals.js";

export interface NegateOptions {
  /** 圆 or 元 in the capital amount; default: whichever the blue invoice uses. */
  words?: Yuan;
}

/**
 * The red invoice that reverses a whole blue invoice.
 * @example
 * negateInvoice(blue).totals // { amount: "-99500.00", tax: "-5970.00", total: "-105470.00",
 *                            //   totalInWords: "（负数）壹拾万伍仟肆佰柒拾圆整" }
 */
export function negateInvoice(invoice: Invoice, options: NegateOptions = {}): Invoice {
  const yuan = options.words ?? (invoice.totals.totalInWords.includes("元") ? "元" : "圆");
  const lines = withoutDiscountLines(invoice.lines).map((line, i) => negateLine(line, i + 1));
  const { remarks: _dropped, ...rest } = invoice;
  return { ...rest, lines, totals: totalsOf(lines, yuan) };
}

/**
 * The red invoice that reverses some lines of a blue invoice in full. Naming either line of a
 * discounted/discount pair reverses the pair.
 * @param indices the `index` values (1-based) of the blue invoice's lines to reverse
 * @example
 * negateLines(blue, [2]) // reverses line 2 only
 */
export function negateLines(
  invoice: Invoice,
  indices: readonly number[],
  options: NegateOptions = {},
): Result<Invoice> {
  const chosen = new Set<number>();
  const diagnostics = indices.flatMap((index, k) => {
    const position = invoice.lines.findIndex((line) => line.index === index);
    if (position < 0) {
      return [
        error("CALC_RED_LINE_UNKNOWN", `indices[${k}]`, {
          zh: `蓝字发票没有序号为 ${index} 的明细行`,
          en: `The blue invoice has no line with index ${index}`,
        }),
      ];
    }
    const line = invoice.lines[position]!;
    chosen.add(position);
    if (line.nature === "discounted") chosen.add(position + 1);
    if (line.nature === "discount") chosen.add(position - 1);
    return [];
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const lines = invoice.lines.filter((_, position) => chosen.has(position));
  return { ok: true, value: negateInvoice({ ...invoice, lines }, options), diagnostics: [] };
}

/** Merges each discounted line with the discount line that follows it into one normal line. */
function withoutDiscountLines(lines: readonly InvoiceLine[]): InvoiceLine[] {
  const out: InvoiceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    if (line.nature !== "discounted" || next?.nature !== "discount") {
      out.push({ ...line, nature: "normal" });
      continue;
    }
    const amount = new Decimal(line.amount).plus(next.amount);
    const tax = new Decimal(line.tax).plus(next.tax);
    const quantity = line.quantity === undefined ? undefined : new Decimal(line.quantity);
    const merged: InvoiceLine = { ...line, nature: "normal", amount: moneyText(amount), tax: moneyText(tax) };
    if (quantity === undefined || quantity.isZero()) {
      const { unitPrice: _noLongerTrue, ...withoutPrice } = merged;
      out.push(withoutPrice);
    } else {
      out.push({ ...merged, unitPrice: priceText(amount.div(quantity)) });
    }
    i++;
  }
  return out;
}

function negateLine(line: InvoiceLine, index: number): InvoiceLine {
  return {
    ...line,
    index,
    ...(line.quantity !== undefined && { quantity: trimmedText(new Decimal(line.quantity).neg()) }),
    amount: moneyText(new Decimal(line.amount).neg()),
    tax: moneyText(new Decimal(line.tax).neg()),
  };
}
