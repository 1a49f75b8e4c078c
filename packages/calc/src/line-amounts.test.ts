import { type Diagnostic, error, type SaleLine } from "@efapiao/model";
import { describe, expect, it } from "vitest";
import { centsText } from "./cents.js";
import { computeLineAmounts, type LineAmounts, lineAmounts } from "./line-amounts.js";

const line = (fields: Partial<SaleLine>): SaleLine => ({
  name: "软件开发",
  code: "3040201010000000000",
  taxRate: "0.06",
  ...fields,
});

/** The computed line with Decimals as money text, for readable expectations. */
function computed(fields: Partial<SaleLine>, inclusive = false) {
  const result = lineAmounts(line(fields), inclusive, "lines[0]");
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return show(result.value);
}

function show(value: LineAmounts) {
  return {
    quantity: value.quantity,
    unitPrice: value.unitPrice,
    amount: centsText(value.amount),
    tax: centsText(value.tax),
    discount: value.discount && {
      amount: centsText(value.discount.amount),
      tax: centsText(value.discount.tax),
    },
  };
}

function diagnostics(fields: Partial<SaleLine>, inclusive = false) {
  const result = lineAmounts(line(fields), inclusive, "lines[2]");
  expect(result.ok).toBe(false);
  return result.diagnostics;
}

describe("tax-exclusive lines", () => {
  it("amount = round(quantity × price, 2), tax = round(amount × rate, 2)", () => {
    // 3 × 3.335 = 10.005 → 10.01 (half up); 10.01 × 0.06 = 0.6006 → 0.60
    expect(computed({ quantity: "3", unitPrice: "3.335" })).toMatchObject({
      quantity: "3",
      unitPrice: "3.335",
      amount: "10.01",
      tax: "0.60",
    });
  });

  it("rounds halves away from zero, negatives included", () => {
    // 12.50 × 0.13 = 1.625 → 1.63; −12.50 × 0.13 = −1.625 → −1.63 (half-even would give ∓1.62)
    expect(computed({ amount: "12.50", taxRate: "0.13" }).tax).toBe("1.63");
    expect(computed({ amount: "-12.50", taxRate: "0.13" }).tax).toBe("-1.63");
    // −3 × 3.335 = −10.005 → −10.01
    expect(computed({ quantity: "-3", unitPrice: "3.335" }).amount).toBe("-10.01");
  });

  it("rounds a given amount with more than two decimals to cents first", () => {
    // 100.005 → 100.01; tax 100.01 × 0.06 = 6.0006 → 6.00
    expect(computed({ amount: "100.005" })).toMatchObject({ amount: "100.01", tax: "6.00" });
  });

  it("prints the given quantity and unit price trimmed", () => {
    // 2.5 × 100000 = 250000.00; tax 15000.00
    expect(computed({ quantity: "2.500", unitPrice: "100000.00" })).toMatchObject({
      quantity: "2.5",
      unitPrice: "100000",
      amount: "250000.00",
      tax: "15000.00",
    });
  });

  it("derives the unit price from amount ÷ quantity to 10 places", () => {
    // 100 ÷ 3 = 33.333333333333… → 33.3333333333; 100 ÷ 7 = 14.28571428571428… → 14.2857142857
    expect(computed({ quantity: "3", amount: "100.00" }).unitPrice).toBe("33.3333333333");
    expect(computed({ quantity: "7", amount: "100" }).unitPrice).toBe("14.2857142857");
    // 2 ÷ 8 = 0.25, trimmed
    expect(computed({ quantity: "8", amount: "2" }).unitPrice).toBe("0.25");
  });

  it("rejects a unit price given without a quantity (they print together or not at all: FP-LN-03)", () => {
    expect(diagnostics({ unitPrice: "50.00", amount: "100" })).toMatchObject([
      { rule: "CALC_QUANTITY_MISSING", path: "lines[2].quantity" },
    ]);
  });

  it("leaves quantity and unit price out when only an amount is given", () => {
    expect(computed({ amount: "100" })).toMatchObject({ quantity: undefined, unitPrice: undefined });
  });

  it("takes no tax at 0%", () => {
    expect(computed({ amount: "999.99", taxRate: "0" }).tax).toBe("0.00");
  });

  it("accepts an amount within 0.01 of quantity × price and rejects one further off", () => {
    // 3 × 33.33 = 99.99: 100.00 is 0.01 off (accepted, the given amount wins); 100.01 is 0.02 off
    expect(computed({ quantity: "3", unitPrice: "33.33", amount: "100.00" })).toMatchObject({
      amount: "100.00",
      unitPrice: "33.33",
    });
    const [problem] = diagnostics({ quantity: "3", unitPrice: "33.33", amount: "100.01" });
    expect(problem).toMatchObject({
      rule: "CALC_AMOUNT_MISMATCH",
      severity: "error",
      path: "lines[2].amount",
    });
    expect(problem!.message).toContain("100.01");
    expect(problem!.message).toContain("99.99");
    expect(problem!.messageEn).toContain("100.01");
    expect(problem!.messageEn).toContain("99.99");
  });

  it("rejects a quantity of 0, with or without a unit price (FP-LN-05)", () => {
    expect(diagnostics({ quantity: "0", amount: "100" })).toMatchObject([
      { rule: "CALC_QUANTITY_ZERO", path: "lines[2].quantity" },
    ]);
    // 0 × 5 = 0.00, and a given 0.01 is within the 0.01 tolerance: only the quantity is wrong
    expect(diagnostics({ quantity: "0.000", unitPrice: "5", amount: "0.01" })).toMatchObject([
      { rule: "CALC_QUANTITY_ZERO", path: "lines[2].quantity" },
    ]);
  });

  it("rejects a line amount beyond 12 integer digits", () => {
    // 999999999999 × 2 = 1999999999998.00
    expect(diagnostics({ quantity: "999999999999", unitPrice: "2" })).toMatchObject([
      { rule: "CALC_AMOUNT_TOO_LARGE", path: "lines[2].amount" },
    ]);
  });

  it("rejects a derived unit price beyond 12 integer digits", () => {
    // 10000000000.00 ÷ 0.01 = 1000000000000 (13 digits); ÷ 0.1 = 100000000000 (12 digits) is fine
    expect(diagnostics({ quantity: "0.01", amount: "10000000000" })).toMatchObject([
      { rule: "CALC_PRICE_TOO_LARGE", path: "lines[2].quantity" },
    ]);
    expect(computed({ quantity: "0.1", amount: "10000000000" }).unitPrice).toBe("100000000000");
  });

  it("rejects a line with neither an amount nor quantity and price", () => {
    expect(diagnostics({ quantity: "3" })).toMatchObject([
      { rule: "CALC_AMOUNT_MISSING", path: "lines[2].amount" },
    ]);
  });
});

describe("tax-inclusive lines", () => {
  it("16000 at 1% (gd-special-1pct-inclusive.xml)", () => {
    // 16000 ÷ 1.01 = 15841.584158415841… → amount 15841.58, unit price 15841.5841584158; tax 16000 − 15841.58
    expect(computed({ quantity: "1", unitPrice: "16000", taxRate: "0.01" }, true)).toMatchObject({
      quantity: "1",
      unitPrice: "15841.5841584158",
      amount: "15841.58",
      tax: "158.42",
    });
  });

  it("amount = round(gross ÷ (1 + rate), 2), tax = gross − amount", () => {
    // 106 ÷ 1.06 = 100 exactly
    expect(computed({ amount: "106" }, true)).toMatchObject({ amount: "100.00", tax: "6.00" });
    // 100 ÷ 1.13 = 88.4955… → 88.50; tax = 100 − 88.50 = 11.50 (not round(88.50 × 0.13) = 11.51)
    expect(computed({ amount: "100", taxRate: "0.13" }, true)).toMatchObject({
      amount: "88.50",
      tax: "11.50",
    });
    // 1.5%: 203 ÷ 1.015 = 200 exactly
    expect(computed({ amount: "203", taxRate: "0.015" }, true)).toMatchObject({
      amount: "200.00",
      tax: "3.00",
    });
  });

  it("prints a converted unit price of six integer digits with all 10 places (issue 9)", () => {
    // 200000 ÷ 1.06 = 188679.245283018867… → 188679.2452830189 (17 characters); amount 188679.25
    expect(computed({ quantity: "1", unitPrice: "200000", taxRate: "0.06" }, true)).toMatchObject({
      unitPrice: "188679.2452830189",
      amount: "188679.25",
      tax: "11320.75",
    });
  });

  it("1.99803 × 1.2925719 gross, 2.57 given, at 1% (issue 9)", () => {
    // 1.99803 × 1.2925719 = 2.582597… → 2.58, 2.57 is within 0.01; 2.57 ÷ 1.01 = 2.5445… → 2.54, tax 0.03;
    // 1.2925719 ÷ 1.01 = 1.27977415841… → 1.2797741584
    expect(
      computed({ quantity: "1.99803", unitPrice: "1.2925719", amount: "2.57", taxRate: "0.01" }, true),
    ).toMatchObject({ quantity: "1.99803", unitPrice: "1.2797741584", amount: "2.54", tax: "0.03" });
  });

  it("derives the printed unit price from the net amount when only a quantity is given", () => {
    // gross 106 → net 100.00; 100 ÷ 3 = 33.3333333333
    expect(computed({ quantity: "3", amount: "106" }, true).unitPrice).toBe("33.3333333333");
  });

  it("checks a gross amount against quantity × gross price", () => {
    // 2 × 53 = 106 = given: fine; 2 × 53 = 106 vs 106.02: off by 0.02
    expect(computed({ quantity: "2", unitPrice: "53", amount: "106" }, true).amount).toBe("100.00");
    const [problem] = diagnostics({ quantity: "2", unitPrice: "53", amount: "106.02" }, true);
    expect(problem).toMatchObject({ rule: "CALC_AMOUNT_MISMATCH", path: "lines[2].amount" });
    expect(problem!.message).toContain("含税金额");
  });
});

describe("discounts", () => {
  it("exclusive: the discount is an amount, its tax is round(discount × rate, 2)", () => {
    // 100000 × 0.06 = 6000; discount 500 × 0.06 = 30
    expect(computed({ quantity: "1", unitPrice: "100000.00", discount: "500.00" })).toMatchObject({
      amount: "100000.00",
      tax: "6000.00",
      discount: { amount: "500.00", tax: "30.00" },
    });
  });

  it("inclusive: the discount is gross and split like any gross amount", () => {
    // line 1060 ÷ 1.06 = 1000, tax 60; discount 10.60 ÷ 1.06 = 10.00, tax 0.60
    expect(computed({ amount: "1060", discount: "10.60" }, true)).toMatchObject({
      amount: "1000.00",
      tax: "60.00",
      discount: { amount: "10.00", tax: "0.60" },
    });
    // discount 1.00 at 13%: 1 ÷ 1.13 = 0.88495… → 0.88, tax 1.00 − 0.88 = 0.12
    expect(computed({ amount: "113", taxRate: "0.13", discount: "1.00" }, true).discount).toEqual({
      amount: "0.88",
      tax: "0.12",
    });
  });

  it("rejects a discount that rounds to 0.00 (a discount line must be negative: FP-DS-06)", () => {
    // 0.004 → 0.00; 0.005 → 0.01 (half away from zero) is kept
    const [problem] = diagnostics({ amount: "100", discount: "0.004" });
    expect(problem).toMatchObject({ rule: "CALC_DISCOUNT_ZERO", path: "lines[2].discount" });
    expect(problem!.message).toContain("0.004");
    expect(problem!.messageEn).toContain("0.004");
    expect(computed({ amount: "100", discount: "0.005" }).discount).toEqual({ amount: "0.01", tax: "0.00" });
    // gross 0.01 at 13%: 0.01 ÷ 1.13 = 0.00885 → 0.01 net, tax 0.00
    expect(computed({ amount: "113", taxRate: "0.13", discount: "0.01" }, true).discount).toEqual({
      amount: "0.01",
      tax: "0.00",
    });
  });

  it("allows a discount equal to the line and rejects a larger one", () => {
    expect(computed({ amount: "100", discount: "100" }).discount).toEqual({ amount: "100.00", tax: "6.00" });
    const [problem] = diagnostics({ amount: "100", discount: "100.01" });
    expect(problem).toMatchObject({ rule: "CALC_DISCOUNT_TOO_LARGE", path: "lines[2].discount" });
    expect(problem!.message).toContain("100.01");
    expect(problem!.message).toContain("100.00");
  });

  it("compares an inclusive discount with the gross amount", () => {
    // gross 106 (net 100): a gross discount of 106 is the whole line, 106.01 is more
    expect(computed({ amount: "106", discount: "106" }, true).discount).toEqual({
      amount: "100.00",
      tax: "6.00",
    });
    expect(diagnostics({ amount: "106", discount: "106.01" }, true)).toMatchObject([
      { rule: "CALC_DISCOUNT_TOO_LARGE", path: "lines[2].discount" },
    ]);
  });
});

describe("computeLineAmounts", () => {
  it("gives what lineAmounts gives, with no result object", () => {
    const fields = { quantity: "3", unitPrice: "3.335", discount: "1.005" };
    const diagnostics: Diagnostic[] = [];
    const value = computeLineAmounts(line(fields), false, 0, diagnostics);
    expect(diagnostics).toEqual([]);
    expect(show(value!)).toEqual(computed(fields));
  });

  it("appends the line's problems to the list, at the path of the line's index, and gives undefined", () => {
    const earlier = error("EARLIER", "lines[0]", { zh: "前", en: "before" });
    const diagnostics: Diagnostic[] = [earlier];
    expect(
      computeLineAmounts(line({ quantity: "0", amount: "100", discount: "101" }), false, 7, diagnostics),
    ).toBe(undefined);
    expect(diagnostics).toMatchObject([
      earlier,
      { rule: "CALC_QUANTITY_ZERO", path: "lines[7].quantity" },
      { rule: "CALC_DISCOUNT_TOO_LARGE", path: "lines[7].discount" },
    ]);
    expect(computeLineAmounts(line({}), false, 8, diagnostics)).toBe(undefined);
    expect(diagnostics.at(-1)).toMatchObject({ rule: "CALC_AMOUNT_MISSING", path: "lines[8].amount" });
  });

  it("succeeds for a good line even when earlier lines left problems in the list", () => {
    const diagnostics: Diagnostic[] = [error("EARLIER", "lines[0]", { zh: "前", en: "before" })];
    expect(computeLineAmounts(line({ amount: "10" }), false, 1, diagnostics)?.tax).toBe(60n);
    expect(diagnostics).toHaveLength(1);
  });
});
