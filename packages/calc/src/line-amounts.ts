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
import { type Diagnostic, error, type Result, type SaleLine, trimDecimal } from "@efapiao/model";
import { centsOf, centsText, pow10, roundDiv, scaledOf, unitsText } from "./cents.js";
import { PRICE_PLACES } from "./decimal.js";
import { pathOf } from "./item-name.js";

/** The money of one sale line: amounts are tax-exclusive, in cents (exact BigInts, see cents.ts). */
export interface LineAmounts {
  /** Printed quantity (trimmed), when given. */
  quantity?: string;
  /** Printed tax-exclusive unit price, when there is one. */
  unitPrice?: string;
  amount: bigint;
  tax: bigint;
  /** The discount as positive cents; the discount line prints them negated. */
  discount?: { amount: bigint; tax: bigint };
}

/** Amounts and unit prices have at most 12 integer digits (the e-tax bureau limit): 999,999,999,999.99. */
const AMOUNT_LIMIT = pow10(14); // in cents
const PRICE_LIMIT = pow10(12 + PRICE_PLACES); // in units of the 10th decimal

interface Rate {
  /** The rate as units of 10^-scale: 0.06 → 6n, `pow` 100n. */
  units: bigint;
  pow: bigint;
  /** (1 + rate) × pow: a gross amount × pow ÷ `divisor` is the net amount. */
  divisor: bigint;
}

// Invoices repeat a handful of rates. The cache is bounded so that a stream of odd rates cannot grow it
// without limit.
const rates = new Map<string, Rate>();
function rateOf(text: string): Rate {
  let rate = rates.get(text);
  if (rate === undefined) {
    const { units, scale } = scaledOf(text);
    const pow = pow10(scale);
    rate = { units, pow, divisor: pow + units };
    if (rates.size < 64) rates.set(text, rate);
  }
  return rate;
}

/** Net cents of gross cents: round(gross ÷ (1 + rate), 2). */
const netOf = (gross: bigint, rate: Rate) => roundDiv(gross * rate.pow, rate.divisor);
/** Tax on net cents: round(amount × rate, 2). */
const taxOn = (amount: bigint, rate: Rate) => roundDiv(amount * rate.units, rate.pow);
const abs = (x: bigint) => (x < 0n ? -x : x);

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
  const quantity = line.quantity === undefined ? undefined : scaledOf(line.quantity);
  const price = line.unitPrice === undefined ? undefined : scaledOf(line.unitPrice);
  const product =
    quantity && price
      ? centsOf({ units: quantity.units * price.units, scale: quantity.scale + price.scale })
      : undefined;

  // `given` is on the basis the user wrote: gross with pricesIncludeTax, net otherwise.
  let given: bigint;
  if (line.amount !== undefined) {
    given = centsOf(scaledOf(line.amount));
    if (product !== undefined && abs(product - given) > 1n)
      diagnostics.push(mismatch(pathOf(at), given, product, pricesIncludeTax));
  } else if (product !== undefined) {
    given = product;
  } else {
    diagnostics.push(missingAmount(pathOf(at)));
    return undefined;
  }

  const amount = pricesIncludeTax ? netOf(given, rate) : given;
  const tax = pricesIncludeTax ? given - amount : taxOn(amount, rate);
  if (abs(amount) >= AMOUNT_LIMIT) diagnostics.push(tooLarge(pathOf(at), amount));

  let unitPrice: string | undefined;
  // 数量 and 单价 are printed together or not at all (contracts.md §1, "optional pair"; FP-LN-03): a price
  // alone would print an invoice line the platform refuses.
  // A quantity of 0 prints a line the platform refuses (FP-LN-05), and leaves no price to derive.
  if (price !== undefined && quantity === undefined) diagnostics.push(priceWithoutQuantity(pathOf(at)));
  else if (quantity !== undefined && quantity.units === 0n) diagnostics.push(zeroQuantity(pathOf(at)));
  else if (price !== undefined) {
    // 含税单价 ÷ (1 + 税率) to 10 places: units × pow × 10^10 ÷ (divisor × 10^scale)
    unitPrice = pricesIncludeTax
      ? unitsText(
          roundDiv(price.units * rate.pow * pow10(PRICE_PLACES), rate.divisor * pow10(price.scale)),
          PRICE_PLACES,
        )
      : trimDecimal(line.unitPrice!);
  } else if (quantity !== undefined) {
    // 金额 ÷ 数量 to 10 places: cents × 10^(10 − 2) × 10^scale ÷ units
    const derived = roundDiv(amount * pow10(PRICE_PLACES - 2 + quantity.scale), quantity.units);
    // A price is at most 12 integer digits (the e-tax bureau's limit, FP-DEC-04): a tiny quantity of a
    // large amount would print one the platform cannot take.
    if (abs(derived) >= PRICE_LIMIT)
      diagnostics.push(priceTooLarge(pathOf(at), unitsText(derived, PRICE_PLACES)));
    else unitPrice = unitsText(derived, PRICE_PLACES);
  }

  let discount: LineAmounts["discount"];
  if (line.discount !== undefined) {
    const givenDiscount = centsOf(scaledOf(line.discount));
    // A discount line is negative (domain-facts.md, "Discount lines"): one that rounds to 0.00 cannot be
    // issued, and dropping it silently would lose what the user wrote.
    if (givenDiscount === 0n) diagnostics.push(discountRoundsToZero(pathOf(at), line.discount));
    else if (givenDiscount > given)
      diagnostics.push(discountTooLarge(pathOf(at), givenDiscount, given, pricesIncludeTax));
    const discountAmount = pricesIncludeTax ? netOf(givenDiscount, rate) : givenDiscount;
    const discountTax = pricesIncludeTax ? givenDiscount - discountAmount : taxOn(discountAmount, rate);
    discount = { amount: discountAmount, tax: discountTax };
  }

  if (diagnostics.length > before) return undefined;
  const value: LineAmounts = { amount, tax };
  if (line.quantity !== undefined) value.quantity = trimDecimal(line.quantity);
  if (unitPrice !== undefined) value.unitPrice = unitPrice;
  if (discount !== undefined) value.discount = discount;
  return value;
}

function mismatch(path: string, given: bigint, product: bigint, gross: boolean): Diagnostic {
  const [zh, en] = gross ? ["含税金额", "gross amount"] : ["金额", "amount"];
  return error("CALC_AMOUNT_MISMATCH", `${path}.amount`, {
    zh: `${zh} ${centsText(given)} 与 数量 × 单价 = ${centsText(product)} 不一致（相差超过 0.01）`,
    en: `The ${en} ${centsText(given)} does not agree with quantity × unit price = ${centsText(product)} (differs by more than 0.01)`,
  });
}

function missingAmount(path: string): Diagnostic {
  return error("CALC_AMOUNT_MISSING", `${path}.amount`, {
    zh: "每行需要金额，或者数量和单价",
    en: "A line needs an amount, or a quantity and a unit price",
  });
}

function tooLarge(path: string, amount: bigint): Diagnostic {
  return error("CALC_AMOUNT_TOO_LARGE", `${path}.amount`, {
    zh: `金额 ${centsText(amount)} 过大：每行金额最多 12 位整数`,
    en: `The amount ${centsText(amount)} is too large: at most 12 integer digits per line`,
  });
}

function priceWithoutQuantity(path: string): Diagnostic {
  return error("CALC_QUANTITY_MISSING", `${path}.quantity`, {
    zh: "给出了单价却没有数量：数量和单价须同时填写，或都不填（只写金额）",
    en: "A unit price is given without a quantity: give both, or neither (an amount only)",
  });
}

function priceTooLarge(path: string, price: string): Diagnostic {
  return error("CALC_PRICE_TOO_LARGE", `${path}.quantity`, {
    zh: `由金额 ÷ 数量得出的单价 ${price} 过大：单价最多 12 位整数，请核对数量`,
    en: `The unit price amount ÷ quantity = ${price} is too large: at most 12 integer digits; check the quantity`,
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

function discountTooLarge(path: string, discount: bigint, line: bigint, gross: boolean): Diagnostic {
  const [zh, en] = gross ? ["含税金额", "gross amount"] : ["金额", "amount"];
  return error("CALC_DISCOUNT_TOO_LARGE", `${path}.discount`, {
    zh: `折扣 ${centsText(discount)} 大于该行${zh} ${centsText(line)}`,
    en: `The discount ${centsText(discount)} is larger than the line's ${en} ${centsText(line)}`,
  });
}
