/**
 * From sale lines to invoice lines, and from invoice lines to an invoice. Shared by buildInvoice (one
 * invoice) and splitSale (several).
 *
 * Every sale line gives one `normal` line, or a `discounted` line followed by its `discount` line; that
 * order is what ties a discount line to its line, here and everywhere after (splitting, negation).
 */
import {
  type Diagnostic,
  type Invoice,
  type InvoiceLine,
  KIND_CODES,
  type Result,
  type Sale,
  type SaleLine,
  type Totals,
} from "@efapiao/model";
import { centsText } from "./cents.js";
import { negatedMoneyText } from "./decimal.js";
import { type CodeLookup, type ItemName, itemNameOf } from "./item-name.js";
import { computeLineAmounts, type LineAmounts } from "./line-amounts.js";

/** The invoice lines of a sale, numbered 1, 2, … in order, with the sums of their amounts and taxes. */
export interface SaleInvoiceLines {
  lines: InvoiceLine[];
  /** Σ 金额 and Σ 税额, in cents. */
  amount: bigint;
  tax: bigint;
}

/**
 * Computes the invoice lines of every sale line, or collects every line's diagnostics.
 *
 * Built for long sales: lines are appended to one array and the totals kept as running sums, so that
 * per line only the line itself and its texts outlive the loop (fewer survivors, less GC work); names and
 * amounts append their problems to the one list of diagnostics instead of returning a result per line.
 */
export function saleInvoiceLines(sale: Sale, codes: CodeLookup): Result<SaleInvoiceLines> {
  const lines: InvoiceLine[] = [];
  const diagnostics: Diagnostic[] = [];
  let amount = 0n;
  let tax = 0n;
  for (let i = 0; i < sale.lines.length; i++) {
    const line = sale.lines[i]!;
    // Both are computed even when the first fails, so every problem of the line is reported; once there
    // is any problem no invoice will be made, and the loop only looks for more.
    const item = itemNameOf(line.name, line.code, codes, i, diagnostics);
    const money = computeLineAmounts(line, sale.pricesIncludeTax, i, diagnostics);
    if (item === undefined || money === undefined || diagnostics.length > 0) continue;
    appendLines(lines, line, item, money);
    const { discount } = money;
    amount += discount ? money.amount - discount.amount : money.amount;
    tax += discount ? money.tax - discount.tax : money.tax;
  }
  return diagnostics.length > 0
    ? { ok: false, diagnostics }
    : { ok: true, value: { lines, amount, tax }, diagnostics };
}

function appendLines(out: InvoiceLine[], line: SaleLine, item: ItemName, money: LineAmounts): void {
  const { itemName, name, shortName } = item;
  const { code, taxRate } = line;
  const { discount, quantity, unitPrice } = money;
  const policy = line.policy ?? null;
  // Keys are added in the order contracts.md §2 shows them, optional ones only when present. (Assignment
  // rather than conditional spreads: this runs for every line and spreads allocate temporaries.)
  const main = {
    index: out.length + 1,
    nature: discount ? "discounted" : "normal",
    itemName,
    name,
    shortName,
    code,
  } as InvoiceLine;
  if (line.spec !== undefined) main.spec = line.spec;
  if (line.unit !== undefined) main.unit = line.unit;
  if (quantity !== undefined) main.quantity = quantity;
  if (unitPrice !== undefined) main.unitPrice = unitPrice;
  main.amount = centsText(money.amount);
  main.taxRate = taxRate;
  main.tax = centsText(money.tax);
  main.policy = policy;
  out.push(main);
  if (discount === undefined) return;
  // Same name, code, rate and policy as its line; no quantity, unit price, spec or unit. The negative
  // amounts are written by negating the texts, not the Decimals (a copy each).
  out.push({
    index: out.length + 1,
    nature: "discount",
    itemName,
    name,
    shortName,
    code,
    amount: negatedMoneyText(centsText(discount.amount)),
    taxRate,
    tax: negatedMoneyText(centsText(discount.tax)),
    policy,
  });
}

/**
 * An invoice of the sale carrying these lines and totals. The lines are numbered 1, 2, … in place:
 * each line belongs to exactly one invoice.
 */
export function assembleInvoice(
  sale: Sale,
  lines: InvoiceLine[],
  totals: Totals,
  issueDate: string,
): Invoice {
  for (let i = 0; i < lines.length; i++) lines[i]!.index = i + 1;
  const invoice: Invoice = {
    kind: sale.kind,
    kindCode: KIND_CODES[sale.kind],
    issueDate,
    seller: sale.seller,
    buyer: sale.buyer,
    lines,
    totals,
  };
  if (sale.remarks !== undefined) invoice.remarks = sale.remarks;
  if (sale.drawer !== undefined) invoice.drawer = sale.drawer;
  return invoice;
}
