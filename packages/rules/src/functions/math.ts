/** Arithmetic and aggregates: round, abs, min, max, sum, count, fixed, decimalPlaces, integerDigits. */
import { defineFunction, type RuleFunction } from "../registry.js";
import { Decimal, isDecimal, type Value, wholeNumber } from "../values.js";

const MAX_PLACES = 20;

/** A decimal-places argument: a whole number 0–20, or undefined. */
function places(value: Value): number | undefined {
  // Rules nearly always pass a literal, the same Decimal on every call: remember the last one read.
  if (value === lastPlaces.value) return lastPlaces.places;
  const read =
    !isDecimal(value) || !value.isInteger() || value.isNegative() || value.gt(MAX_PLACES)
      ? undefined
      : value.toNumber();
  lastPlaces = { value, places: read };
  return read;
}
let lastPlaces: { value: Value; places: number | undefined } = { value: undefined, places: undefined };

const checkPlaces = (constants: (Value | undefined)[]) =>
  constants[1] !== undefined && places(constants[1]) === undefined
    ? {
        zh: `小数位数应为 0 到 ${MAX_PLACES} 的整数`,
        en: `The number of places must be a whole number from 0 to ${MAX_PLACES}`,
      }
    : undefined;

/** The numbers of a list, or undefined when the list or any element is missing. */
function numbers(list: Value): Decimal[] | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const item of list) if (!isDecimal(item)) return undefined;
  return list as Decimal[];
}

/** min/max over `max(list)` or `max(a, b, …)`. */
function extreme(args: Value[], pick: (a: Decimal, b: Decimal) => Decimal): Value {
  const values = args.length === 1 && Array.isArray(args[0]) ? numbers(args[0]) : numbers(args);
  if (!values || values.length === 0) return undefined;
  return values.reduce(pick);
}

export const mathFunctions: RuleFunction[] = [
  defineFunction({
    name: "round",
    signature: "number, number -> number",
    summary: { zh: "四舍五入到 n 位小数（远离零）", en: "Round to n places, halves away from zero" },
    impl: ([x, n]) => {
      const p = places(n);
      return p === undefined ? undefined : (x as Decimal).toDecimalPlaces(p, Decimal.ROUND_HALF_UP);
    },
    check: checkPlaces,
  }),
  defineFunction({
    name: "abs",
    signature: "number -> number",
    summary: { zh: "绝对值", en: "Absolute value" },
    impl: ([x]) => (x as Decimal).abs(),
  }),
  defineFunction({
    name: "min",
    signature: ["list of number -> number", "number, number, ...number -> number"],
    summary: { zh: "最小值（列表，或多个数）", en: "Smallest of a list or of several numbers" },
    impl: (args) => extreme(args, (a, b) => (b.lt(a) ? b : a)),
  }),
  defineFunction({
    name: "max",
    signature: ["list of number -> number", "number, number, ...number -> number"],
    summary: { zh: "最大值（列表，或多个数）", en: "Largest of a list or of several numbers" },
    impl: (args) => extreme(args, (a, b) => (b.gt(a) ? b : a)),
  }),
  defineFunction({
    name: "sum",
    signature: "list of number -> number",
    summary: { zh: "求和；有缺失值时为缺失", en: "Sum; missing when an element is missing" },
    impl: ([list]) => {
      const values = numbers(list);
      if (!values) return undefined;
      let total = new Decimal(0);
      for (const v of values) total = total.plus(v);
      return total;
    },
  }),
  defineFunction({
    name: "count",
    signature: "list of any -> number",
    summary: { zh: "元素个数", en: "Number of elements" },
    impl: ([list]) => wholeNumber((list as Value[]).length),
  }),
  defineFunction({
    name: "fixed",
    signature: "number, number -> text",
    summary: { zh: "按固定小数位显示（如 6000.00）", en: "Print with exactly n places (e.g. 6000.00)" },
    impl: ([x, n]) => {
      const p = places(n);
      return p === undefined ? undefined : (x as Decimal).toFixed(p, Decimal.ROUND_HALF_UP);
    },
    check: checkPlaces,
  }),
  defineFunction({
    name: "decimalPlaces",
    signature: "number -> number",
    summary: { zh: "小数位数（不计末尾的零）", en: "Digits after the point, trailing zeros ignored" },
    impl: ([x]) => wholeNumber((x as Decimal).decimalPlaces()),
  }),
  defineFunction({
    name: "integerDigits",
    signature: "number -> number",
    summary: { zh: "整数部分位数", en: "Digits before the point" },
    // decimal.js keeps the exponent of the leading digit in `e`: 123.4 has e = 2 (three integer digits), 0.5 has e = −1.
    impl: ([x]) => {
      const d = x as Decimal;
      return wholeNumber(d.e < 0 || d.isZero() ? 1 : d.e + 1);
    },
  }),
];
