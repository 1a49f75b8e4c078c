/** Date arithmetic. Dates are YYYY-MM-DD texts; days are counted in UTC so no time zone can shift them. */
import { defineFunction, type RuleFunction } from "../registry.js";
import { Decimal } from "../values.js";

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export const dateFunctions: RuleFunction[] = [
  defineFunction({
    name: "daysBetween",
    signature: "date, date -> number",
    summary: { zh: "两个日期相差的天数（后者减前者）", en: "Days from the first date to the second" },
    impl: ([a, b]) => new Decimal(dayNumber(b as string) - dayNumber(a as string)),
  }),
];
