/** Rates in force on a date, from the rate table of @efapiao/tables (with its periods and sources). */
import { type RateKind, ratesInForce } from "@efapiao/tables";
import { defineBuiltin, type RuleFunction } from "../registry.js";
import { Decimal } from "../values.js";

/** Invoices of one run share a handful of dates, so the rate lists are kept per kind and date. */
const cache: Record<RateKind, Map<string, Decimal[]>> = { vat: new Map(), levy: new Map() };

function rates(kind: RateKind, date: string): Decimal[] {
  const byDate = cache[kind];
  let list = byDate.get(date);
  if (!list) {
    list = ratesInForce(date, kind).map((r) => new Decimal(r.rate));
    if (byDate.size > 10_000) byDate.clear();
    byDate.set(date, list);
  }
  return list;
}

export const rateFunctions: RuleFunction[] = [
  defineBuiltin({
    name: "vatRates",
    signature: "date -> list of number",
    summary: { zh: "该日有效的增值税税率", en: "VAT rates (税率) in force on the date" },
    direct: (date) => rates("vat", date as string),
  }),
  defineBuiltin({
    name: "levyRates",
    signature: "date -> list of number",
    summary: { zh: "该日有效的征收率", en: "Levy rates (征收率) in force on the date" },
    direct: (date) => rates("levy", date as string),
  }),
];
