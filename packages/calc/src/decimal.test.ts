import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, moneyText, negatedMoneyText } from "./decimal.js";

describe("negatedMoneyText", () => {
  it("writes or drops the sign, and keeps zero unsigned", () => {
    expect(negatedMoneyText("1.50")).toBe("-1.50");
    expect(negatedMoneyText("-1.50")).toBe("1.50");
    expect(negatedMoneyText("0.00")).toBe("0.00");
  });

  it("is the money text of the negated Decimal", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.nat(4), (mantissa, scale) => {
        const value = new Decimal(`${mantissa}e-${scale}`);
        expect(negatedMoneyText(moneyText(value))).toBe(moneyText(value.neg()));
      }),
    );
  });
});
