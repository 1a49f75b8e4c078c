/**
 * The arithmetic of one sale line (domain-facts.md, "Amount rules"), apart from names and codes:
 *
 * - tax-exclusive: 金额 = round(数量 × 单价, 2) unless given; 税额 = round(金额 × 税率, 2);
 * - tax-inclusive (`pricesIncludeTax`): the unit price, amount and discount are gross;
 *   金额 = round(含税金额 ÷ (1 + 税率), 2); 税额 = 含税金额 − 金额, so amount + tax is exactly the gross;
 * - a given amount with more than two decimals is rounded to cents before anything else, and must agree
 *   with round(数量 × 单价, 2) within 0.01 when both are given;
 * - the printed unit price is tax-exclusive: the given one (trimmed), or 含税单价 ÷ (1 + 税率), or
 *   金额 ÷ 数量 when only a quantity is given, the latter two to 10 places as the platform prints them.
 */
import { type Diagnostic, error, type Result, type SaleLine } from "@efapiao/model";
import {
  CENT,
  Decimal,
  moneyText,
  ONE,
  PRICE_PLACES,
  priceText,
  roundCents,
  trimmedText,
} from "./decimal.js";
import { pathOf } from "./item-name.js";

/** The money of one sale line: amounts are tax-exclusive cents. */
export interface LineAmounts {
  /** Printed quantity (trimmed), when given. */
  quantity?: string;
  /** Printed tax-exclusive unit price, when there is one. */
  unitPrice?: string;
  amount: Decimal;
  tax: Decimal;
  /** The discount as positive cents; the discount line prints them negated. */
  discount?: { amount: Decimal; tax: Decimal };
}

/** Amounts and unit prices have at most 12 integer digits (the e-tax bureau limit): 999,999,999,999.99. */
const MAX_EXPONENT = 11;

interface Rate {
  value: Decimal;
  /** 1 + rate: the divisor that turns a gross amount into a net one. */
  divisor: Decimal;
}

// Invoices repeat a handful of rates; caching their Decimals saves two allocations per line. The cache is
// bounded so that a stream of odd rates cannot grow it without limit.
const rates = new Map<string, Rate>();
function rateOf(text: string): Rate {
  let rate = rates.get(text);
  if (rate === undefined) {
    const value = new Decimal(text);
    rate = { value, divisor: ONE.plus(value) };
    if (rates.size < 64) rates.set(text, rate);
  }
  return rate;
}

/**
 * Computes amount, tax, printed quantity and unit price, and the discount of one sale line.
 * @param line              a line of a parsed sale (decimals are decimal text)
 * @param pricesIncludeTax  the sale's 含税标志
 * @param path              JSON path of the line for diagnostics, e.g. "lines[2]"
 * @example
 * lineAmounts({ name: "软件开发", code: "3040201010000000000", quantity: "1", unitPrice: "16000",
 *               taxRate: "0.01" }, true, "lines[0]")
 * // value: { quantity: "1", unitPrice: "15841.5841584158", amount: 15841.58, tax: 158.42 }
 */
export function lineAmounts(line: SaleLine, pricesIncludeTax: boolean, path: string): Result<LineAmounts> {
  const diagnostics: Diagnostic[] = [];
  const value = computeLineAmounts(line, pricesIncludeTax, path, diagnostics);
  return value === undefined ? { ok: false, diagnostics } : { ok: true, value, diagnostics };
}

/**
 * {@link lineAmounts} for a loop over many lines: the diagnostics are appended to `diagnostics`, and the
 * result is undefined when there are any, so a line costs no result object and no array of its own.
 * @param at  the line's JSON path ("lines[2]"), or its index in the sale: the path is then only written
 *            when there is a diagnostic
 */
export function computeLineAmounts(
  line: SaleLine,
  pricesIncludeTax: boolean,
  at: string | number,
  diagnostics: Diagnostic[],
): LineAmounts | undefined {
  const before = diagnostics.length;
  const rate = rateOf(line.taxRate);
  const quantity = line.quantity === undefined ? undefined : new Decimal(line.quantity);
  const price = line.unitPrice === undefined ? undefined : new Decimal(line.unitPrice);
  const product = quantity && price ? roundCents(quantity.times(price)) : undefined;

  // `given` is on the basis the user wrote: gross with pricesIncludeTax, net otherwise.
  let given: Decimal;
  if (line.amount !== undefined) {
    given = roundCents(new Decimal(line.amount));
    if (product?.minus(given).abs().gt(CENT))
      diagnostics.push(mismatch(pathOf(at), given, product, pricesIncludeTax));
  } else if (product !== undefined) {
    given = product;
  } else {
    diagnostics.push(missingAmount(pathOf(at)));
    return undefined;
  }

  const amount = pricesIncludeTax ? roundCents(given.div(rate.divisor)) : given;
  const tax = pricesIncludeTax ? given.minus(amount) : roundCents(amount.times(rate.value));
  // `e` is decimal.js's base-10 exponent: e ≥ 12 means |amount| ≥ 10^12.
  if (amount.e > MAX_EXPONENT) diagnostics.push(tooLarge(pathOf(at), amount));

  let unitPrice: string | undefined;
  // 数量 and 单价 are printed together or not at all (contracts.md §1, "optional pair"; FP-LN-03): a price
  // alone would print an invoice line the platform refuses.
  // A quantity of 0 prints a line the platform refuses (FP-LN-05), and leaves no price to derive.
  if (price !== undefined && quantity === undefined) diagnostics.push(priceWithoutQuantity(pathOf(at)));
  else if (quantity?.isZero()) diagnostics.push(zeroQuantity(pathOf(at)));
  else if (price !== undefined) {
    unitPrice = pricesIncludeTax ? priceText(price.div(rate.divisor)) : trimmedText(price);
  } else if (quantity !== undefined) {
    const derived = amount.div(quantity).toDecimalPlaces(PRICE_PLACES);
    // A price is at most 12 integer digits (the e-tax bureau's limit, FP-DEC-04): a tiny quantity of a
    // large amount would print one the platform cannot take.
    if (derived.e > MAX_EXPONENT) diagnostics.push(priceTooLarge(pathOf(at), derived));
    else unitPrice = trimmedText(derived);
  }

  let discount: LineAmounts["discount"];
  if (line.discount !== undefined) {
    const givenDiscount = roundCents(new Decimal(line.discount));
    // A discount line is negative (domain-facts.md, "Discount lines"): one that rounds to 0.00 cannot be
    // issued, and dropping it silently would lose what the user wrote.
    if (givenDiscount.isZero()) diagnostics.push(discountRoundsToZero(pathOf(at), line.discount));
    else if (givenDiscount.gt(given))
      diagnostics.push(discountTooLarge(pathOf(at), givenDiscount, given, pricesIncludeTax));
    const discountAmount = pricesIncludeTax ? roundCents(givenDiscount.div(rate.divisor)) : givenDiscount;
    const discountTax = pricesIncludeTax
      ? givenDiscount.minus(discountAmount)
      : roundCents(discountAmount.times(rate.value));
    discount = { amount: discountAmount, tax: discountTax };
  }

  if (diagnostics.length > before) return undefined;
  const value: LineAmounts = { amount, tax };
  if (quantity !== undefined) value.quantity = trimmedText(quantity);
  if (unitPrice !== undefined) value.unitPrice = unitPrice;
  if (discount !== undefined) value.discount = discount;
  return value;
}

function mismatch(path: string, given: Decimal, product: Decimal, gross: boolean): Diagnostic {
  const [zh, en] = gross ? ["含税金额", "gross amount"] : ["金额", "amount"];
  return error("CALC_AMOUNT_MISMATCH", `${path}.amount`, {
    zh: `${zh} ${moneyText(given)} 与 数量 × 单价 = ${moneyText(product)} 不一致（相差超过 0.01）`,
    en: `The ${en} ${moneyText(given)} does not agree with quantity × unit price = ${moneyText(product)} (differs by more than 0.01)`,
  });
}

function missingAmount(path: string): Diagnostic {
  return error("CALC_AMOUNT_MISSING", `${path}.amount`, {
    zh: "每行需要金额，或者数量和单价",
    en: "A line needs an amount, or a quantity and a unit price",
  });
}

function tooLarge(path: string, amount: Decimal): Diagnostic {
  return error("CALC_AMOUNT_TOO_LARGE", `${path}.amount`, {
    zh: `金额 ${moneyText(amount)} 过大：每行金额最多 12 位整数`,
    en: `The amount ${moneyText(amount)} is too large: at most 12 integer digits per line`,
  });
}

function priceWithoutQuantity(path: string): Diagnostic {
  return error("CALC_QUANTITY_MISSING", `${path}.quantity`, {
    zh: "给出了单价却没有数量：数量和单价须同时填写，或都不填（只写金额）",
    en: "A unit price is given without a quantity: give both, or neither (an amount only)",
  });
}

function priceTooLarge(path: string, price: Decimal): Diagnostic {
  return error("CALC_PRICE_TOO_LARGE", `${path}.quantity`, {
    zh: `由金额 ÷ 数量得出的单价 ${trimmedText(price)} 过大：单价最多 12 位整数，请核对数量`,
    en: `The unit price amount ÷ quantity = ${trimmedText(price)} is too large: at most 12 integer digits; check the quantity`,
  });
}

function zeroQuantity(path: string): Diagnostic {
  return error("CALC_QUANTITY_ZERO", `${path}.quantity`, {
    zh: "数量不能为 0（平台不接受数量为 0 的明细行，也无法由金额计算单价）",
    en: "The quantity cannot be 0 (the platform refuses such a line, and no unit price can be derived from it)",
  });
}

function discountRoundsToZero(path: string, discount: string): Diagnostic {
  return error("CALC_DISCOUNT_ZERO", `${path}.discount`, {
    zh: `折扣 ${discount} 四舍五入到分后为 0.00，而折扣行金额必须为负数：请删去折扣，或至少写 0.01`,
    en: `The discount ${discount} rounds to 0.00 cents, but a discount line must be negative: remove the discount or give at least 0.01`,
  });
}

function discountTooLarge(path: string, discount: Decimal, line: Decimal, gross: boolean): Diagnostic {
  const [zh, en] = gross ? ["含税金额", "gross amount"] : ["金额", "amount"];
  return error("CALC_DISCOUNT_TOO_LARGE", `${path}.discount`, {
    zh: `折扣 ${moneyText(discount)} 大于该行${zh} ${moneyText(line)}`,
    en: `The discount ${moneyText(discount)} is larger than the line's ${en} ${moneyText(line)}`,
  });
}
