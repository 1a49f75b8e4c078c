/**
 * From sale lines to invoice lines, and from invoice lines to an invoice. Shared by buildInvoice (one
 * invoice) and splitSale (several), which differ only in how they group the lines.
 */
import {
  type Diagnostic,
  type Invoice,
  type InvoiceLine,
  KIND_CODES,
  type Result,
  type Sale,
  type SaleLine,
} from "@efapiao/model";
import type { Yuan } from "./amount-words.js";
import { type Decimal, moneyText, ZERO } from "./decimal.js";
import { type CodeLookup, resolveItemName } from "./item-name.js";
import { lineAmounts } from "./line-amounts.js";
import { totalsFromSums } from "./totals.js";

/**
 * The invoice lines made from one sale line: a normal line, or a discounted line with its discount line
 * (which must never be separated), with their net amount and tax.
 */
export interface LineGroup {
  /** Index of the sale line it came from (0-based), for diagnostics. */
  saleIndex: number;
  /** Their `index` is 0 until {@link assembleInvoice} places them on an invoice. */
  lines: InvoiceLine[];
  amount: Decimal;
  tax: Decimal;
}

/** Turns every sale line into its line group, or collects every line's diagnostics. */
export function lineGroups(sale: Sale, codes: CodeLookup): Result<LineGroup[]> {
  const groups: LineGroup[] = [];
  const diagnostics: Diagnostic[] = [];
  sale.lines.forEach((line, i) => {
    const group = lineGroup(line, i, sale.pricesIncludeTax, codes);
    if (group.ok) groups.push(group.value);
    else diagnostics.push(...group.diagnostics);
  });
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, value: groups, diagnostics };
}

function lineGroup(
  line: SaleLine,
  saleIndex: number,
  pricesIncludeTax: boolean,
  codes: CodeLookup,
): Result<LineGroup> {
  const path = `lines[${saleIndex}]`;
  const item = resolveItemName(line.name, line.code, codes, path);
  const money = lineAmounts(line, pricesIncludeTax, path);
  if (!item.ok || !money.ok) return { ok: false, diagnostics: [...item.diagnostics, ...money.diagnostics] };

  const { amount, tax, discount, quantity, unitPrice } = money.value;
  const { itemName, name, shortName } = item.value;
  const { code, taxRate } = line;
  const policy = line.policy ?? null;
  // Keys are added in the order contracts.md §2 shows them, optional ones only when present. (Assignment
  // rather than conditional spreads: this runs for every line and spreads allocate temporaries.)
  const main = {
    index: 0,
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
  main.amount = moneyText(amount);
  main.taxRate = taxRate;
  main.tax = moneyText(tax);
  main.policy = policy;
  if (discount === undefined)
    return { ok: true, value: { saleIndex, lines: [main], amount, tax }, diagnostics: [] };
  // Same name, code, rate and policy as its line; no quantity, unit price, spec or unit.
  const discountLine: InvoiceLine = {
    index: 0,
    nature: "discount",
    itemName,
    name,
    shortName,
    code,
    amount: moneyText(discount.amount.neg()),
    taxRate,
    tax: moneyText(discount.tax.neg()),
    policy,
  };
  return {
    ok: true,
    value: {
      saleIndex,
      lines: [main, discountLine],
      amount: amount.minus(discount.amount),
      tax: tax.minus(discount.tax),
    },
    diagnostics: [],
  };
}

/**
 * Puts line groups on one invoice: numbers the lines 1, 2, … in order and adds up the totals. The lines
 * are numbered in place: each group belongs to exactly one invoice.
 */
export function assembleInvoice(
  sale: Sale,
  groups: readonly LineGroup[],
  issueDate: string,
  yuan: Yuan,
): Invoice {
  const lines: InvoiceLine[] = [];
  let amount = ZERO;
  let tax = ZERO;
  for (const group of groups) {
    for (const line of group.lines) {
      line.index = lines.length + 1;
      lines.push(line);
    }
    amount = amount.plus(group.amount);
    tax = tax.plus(group.tax);
  }
  return {
    kind: sale.kind,
    kindCode: KIND_CODES[sale.kind],
    issueDate,
    seller: sale.seller,
    buyer: sale.buyer,
    lines,
    totals: totalsFromSums(amount, tax, yuan),
    ...(sale.remarks !== undefined && { remarks: sale.remarks }),
    ...(sale.drawer !== undefined && { drawer: sale.drawer }),
  };
}
