/** 价税合计大写: amounts in Chinese capitals, delegated to @efapiao/calc (writes 圆, reads 圆 and 元). */
import { amountInWords, parseAmountInWords } from "@efapiao/calc";
import { defineBuiltin, defineFunction, type RuleFunction } from "../registry.js";
import { ANY, compareFixed, fromDecimal, parseFixed, reg } from "../fixed.js";
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
  defineBuiltin({
    name: "matchesAmountInWords",
    signature: "text, number -> boolean",
    summary: {
      zh: "大写金额与数额一致（接受“圆”与“元”）",
      en: "The capitals state the amount (圆 or 元 accepted)",
    },
    direct: (words, x) => {
      const read = parseAmountInWords(words as string);
      if (!read.ok) return false;
      // Exactly, as scaled integers when both fit (fixed.ts) — no Decimal to make — else as Decimals.
      if (parseFixed(read.value, ANY)) {
        const int = reg.int;
        const scale = reg.scale;
        if (fromDecimal(x as Decimal)) {
          const c = compareFixed(int, scale, reg.int, reg.scale);
          if (!Number.isNaN(c)) return c === 0;
        }
      }
      return new Decimal(read.value).eq(x as Decimal);
    },
  }),
];
