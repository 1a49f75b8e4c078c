import { type Invoice, InvoiceSchema, type SaleInput } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { describe, expect, it } from "vitest";
import { SOFTWARE, saleOf } from "../test/sales.js";
import { type BuildOptions, buildInvoice } from "./build.js";
import { negateInvoice, negateLines } from "./negate.js";

const codes = builtinCodeTable();

function blue(lines: SaleInput["lines"], options: Partial<BuildOptions> = {}): Invoice {
  const result = buildInvoice(saleOf(lines, { remarks: "合同号 HT-2026-0518", drawer: "张伟" }), {
    codes,
    ...options,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

const EXAMPLE = { name: "软件开发", code: SOFTWARE, quantity: "1", unitPrice: "100000.00", taxRate: "6%" };
const ITEM = {
  itemName: "*信息技术服务*软件开发",
  name: "软件开发",
  shortName: "信息技术服务",
  code: SOFTWARE,
};

describe("negateInvoice", () => {
  it("negates quantities, amounts, taxes and totals; unit prices stay positive", () => {
    const red = negateInvoice(blue([EXAMPLE]));
    expect(red.lines).toStrictEqual([
      {
        index: 1,
        nature: "normal",
        ...ITEM,
        quantity: "-1",
        unitPrice: "100000",
        amount: "-100000.00",
        taxRate: "0.06",
        tax: "-6000.00",
        policy: null,
      },
    ]);
    expect(red.totals).toStrictEqual({
      amount: "-100000.00",
      tax: "-6000.00",
      total: "-106000.00",
      totalInWords: "（负数）壹拾万陆仟圆整",
    });
    InvoiceSchema.parse(red);
  });

  it("drops the remark (the platform writes the red invoice's) and keeps the rest", () => {
    const original = blue([EXAMPLE]);
    const red = negateInvoice(original);
    expect(red).not.toHaveProperty("remarks");
    expect(red).toMatchObject({
      kind: original.kind,
      kindCode: original.kindCode,
      issueDate: original.issueDate,
      seller: original.seller,
      buyer: original.buyer,
      drawer: "张伟",
    });
  });

  it("merges a discounted line and its discount line into one normal line", () => {
    const red = negateInvoice(blue([{ ...EXAMPLE, discount: "500.00" }]));
    // net 100000 − 500 = 99500, tax 6000 − 30 = 5970; unit price 99500 ÷ 1
    expect(red.lines).toStrictEqual([
      {
        index: 1,
        nature: "normal",
        ...ITEM,
        quantity: "-1",
        unitPrice: "99500",
        amount: "-99500.00",
        taxRate: "0.06",
        tax: "-5970.00",
        policy: null,
      },
    ]);
    // 105470 = 壹拾万 伍仟肆佰柒拾
    expect(red.totals).toStrictEqual({
      amount: "-99500.00",
      tax: "-5970.00",
      total: "-105470.00",
      totalInWords: "（负数）壹拾万伍仟肆佰柒拾圆整",
    });
  });

  it("recomputes the merged unit price as net ÷ quantity to 10 places", () => {
    // 3 × 100 = 300, tax 18; discount 10, tax 0.60 → net 290.00 / 17.40; 290 ÷ 3 = 96.666… → 96.6666666667
    const red = negateInvoice(blue([{ ...EXAMPLE, quantity: "3", unitPrice: "100", discount: "10" }]));
    expect(red.lines[0]).toMatchObject({
      quantity: "-3",
      unitPrice: "96.6666666667",
      amount: "-290.00",
      tax: "-17.40",
    });
    // 307.40: 叁佰 零 柒 圆 肆角
    expect(red.totals).toMatchObject({ total: "-307.40", totalInWords: "（负数）叁佰零柒圆肆角" });
  });

  it("gives a merged line without quantity no unit price", () => {
    const red = negateInvoice(
      blue([{ name: "软件开发", code: SOFTWARE, amount: "100", taxRate: "6%", discount: "10" }]),
    );
    expect(red.lines[0]).not.toHaveProperty("unitPrice");
    expect(red.lines[0]).not.toHaveProperty("quantity");
    expect(red.lines[0]).toMatchObject({ amount: "-90.00", tax: "-5.40" });
  });

  it("keeps the blue invoice's 元, unless told otherwise", () => {
    const original = blue([EXAMPLE], { words: "元" });
    expect(negateInvoice(original).totals.totalInWords).toBe("（负数）壹拾万陆仟元整");
    expect(negateInvoice(original, { words: "圆" }).totals.totalInWords).toBe("（负数）壹拾万陆仟圆整");
  });
});

describe("negateLines", () => {
  const three = () =>
    blue([
      { name: "甲", code: SOFTWARE, amount: "100", taxRate: "6%" },
      { name: "乙", code: SOFTWARE, amount: "200", taxRate: "6%", discount: "20" },
      { name: "丙", code: SOFTWARE, amount: "300", taxRate: "6%" },
    ]);

  it("reverses the chosen lines only", () => {
    // 甲 100/6 and 丙 300/18: 400 + 24 = 424
    const red = negateLines(three(), [1, 4]);
    expect(red.ok && red.value.lines.map((l) => [l.index, l.name, l.amount, l.tax])).toEqual([
      [1, "甲", "-100.00", "-6.00"],
      [2, "丙", "-300.00", "-18.00"],
    ]);
    expect(red.ok && red.value.totals).toEqual({
      amount: "-400.00",
      tax: "-24.00",
      total: "-424.00",
      totalInWords: "（负数）肆佰贰拾肆圆整",
    });
  });

  it("reverses a discount pair whichever of its lines is named", () => {
    // 乙: 200 − 20 = 180, tax 12 − 1.20 = 10.80, total 190.80 = 壹佰玖拾圆捌角
    for (const index of [2, 3]) {
      const red = negateLines(three(), [index]);
      expect(red.ok && red.value.lines).toMatchObject([
        { index: 1, nature: "normal", name: "乙", amount: "-180.00", tax: "-10.80" },
      ]);
      expect(red.ok && red.value.totals.totalInWords).toBe("（负数）壹佰玖拾圆捌角");
    }
  });

  it("reports an index the blue invoice does not have", () => {
    expect(negateLines(three(), [1, 9])).toMatchObject({
      ok: false,
      diagnostics: [{ rule: "CALC_RED_LINE_UNKNOWN", path: "indices[1]" }],
    });
  });
});
