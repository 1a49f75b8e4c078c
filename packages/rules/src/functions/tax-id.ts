/** Taxpayer-id checks, delegated to @efapiao/model (GB 32100 USCC, GB 11643 ID card, legacy forms). */
import { checkTaxId, isValidIdCard, isValidUscc } from "@efapiao/model";
import { defineBuiltin, defineFunction, type RuleFunction } from "../registry.js";

export const taxIdFunctions: RuleFunction[] = [
  defineBuiltin({
    name: "isValidUscc",
    signature: "text -> boolean",
    summary: {
      zh: "统一社会信用代码（含校验位）有效",
      en: "A Unified Social Credit Code with a correct check character",
    },
    direct: (s) => isValidUscc(s as string),
  }),
  defineBuiltin({
    name: "isValidIdCard",
    signature: "text -> boolean",
    summary: {
      zh: "18 位居民身份证号码（含校验位）有效",
      en: "An 18-digit ID card number with a correct check digit",
    },
    direct: (s) => isValidIdCard(s as string),
  }),
  defineFunction({
    name: "isValidTaxId",
    signature: ["text -> boolean", "text, list of text -> boolean"],
    summary: {
      zh: "平台接受的纳税人识别号（统一社会信用代码、15/17/20 位旧号、身份证号）；第二个参数为已知例外",
      en: "A tax id the platform accepts (USCC, legacy 15/17/20, ID card); the second argument lists known exceptions",
    },
    impl: ([s, exceptions]) =>
      checkTaxId(s as string, {
        naturalPerson: true,
        knownExceptions: (exceptions as string[] | undefined) ?? [],
      }).valid,
  }),
];
