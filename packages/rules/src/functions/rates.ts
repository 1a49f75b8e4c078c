/** Rates in force on a date, from the rate table of @efapiao/tables (with its periods and sources). */
import { type RateKind, ratesInForce } from "@efapiao/tables";
import { defineFunction, type RuleFunction } from "../registry.js";
import { Decimal } from "../values.js";

/** Invoices of one run share a handful of dates, so the rate lists are kept per (kind, date). */
const cache = new Map<string, Decimal[]>();

function rates(kind: RateKind, date: string): Decimal[] {
  const key = `${kind} ${date}`;
  let list = cache.get(key);
  if (!list) {
    list = ratesInForce(date, kind).map((r) => new Decimal(r.rate));
    if (cache.size > 10_000) cache.clear();
    cache.set(key, list);
  }
  return list;
}

export const rateFunctions: RuleFunction[] = [
  defineFunction({
    name: "vatRates",
    signature: "date -> list of number",
    summary: { zh: "该日有效的增值税税率", en: "VAT rates (税率) in force on the date" },
    impl: ([date]) => rates("vat", date as string),
  }),
  defineFunction({
    name: "levyRates",
    signature: "date -> list of number",
    summary: { zh: "该日有效的征收率", en: "Levy rates (征收率) in force on the date" },
    impl: ([date]) => rates("levy", date as string),
  }),
];
