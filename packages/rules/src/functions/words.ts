/** 价税合计大写: amounts in Chinese capitals, delegated to @efapiao/calc (writes 圆, reads 圆 and 元). */
import { amountInWords, parseAmountInWords } from "@efapiao/calc";
import { defineFunction, type RuleFunction } from "../registry.js";
import { Decimal } from "../values.js";

export const wordsFunctions: RuleFunction[] = [
  defineFunction({
    name: "amountInWords",
    signature: ["number -> text", "number, text -> text"],
    summary: {
      zh: "金额的中文大写（默认“圆”，可传“元”）",
      en: "The amount in Chinese capitals (圆 by default, or 元)",
    },
    impl: ([x, unit]) => {
      if (unit !== undefined && unit !== "圆" && unit !== "元") return undefined;
      return amountInWords((x as Decimal).toFixed(), unit ?? "圆");
    },
    check: ([, unit]) =>
      unit !== undefined && unit !== "圆" && unit !== "元"
        ? { zh: "单位只能是 “圆” 或 “元”", en: 'The unit is "圆" or "元"' }
        : undefined,
  }),
  defineFunction({
    name: "matchesAmountInWords",
    signature: "text, number -> boolean",
    summary: {
      zh: "大写金额与数额一致（接受“圆”与“元”）",
      en: "The capitals state the amount (圆 or 元 accepted)",
    },
    impl: ([words, x]) => {
      const read = parseAmountInWords(words as string);
      return read.ok && new Decimal(read.value).eq(x as Decimal);
    },
  }),
];
