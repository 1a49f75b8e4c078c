/**
 * Look-ups in the classification-code table given to the run (the CLI passes the table in use, so an
 * imported official table and the built-in list behave alike). An unknown code makes these missing, except
 * `codeExists`, so that only the existence rule speaks about it.
 */
import type { CodeEntry } from "@efapiao/tables";
import { defineBuiltin, type RuleFunction } from "../registry.js";
import { Decimal, type Value } from "../values.js";

const rateCache = new WeakMap<CodeEntry, Decimal[]>();

/** The entry's rates as decimals, read once per entry. Rates that are not decimal text are skipped. */
function ratesOf(entry: CodeEntry): Decimal[] {
  let rates = rateCache.get(entry);
  if (!rates) {
    rates = entry.rates.filter((r) => /^\d+(\.\d+)?$/.test(r)).map((r) => new Decimal(r));
    rateCache.set(entry, rates);
  }
  return rates;
}

export const codeFunctions: RuleFunction[] = [
  defineBuiltin({
    name: "codeExists",
    signature: "text -> boolean",
    summary: { zh: "税收分类编码在所用编码表中", en: "The code is in the classification table in use" },
    direct: (code, _, ctx) => ctx.codes.get(code as string) !== undefined,
  }),
  defineBuiltin({
    name: "codeName",
    signature: "text -> text",
    summary: { zh: "编码的货物和劳务名称（SPMC）", en: "The code's name (SPMC)" },
    direct: (code, _, ctx) => ctx.codes.get(code as string)?.name || undefined,
  }),
  defineBuiltin({
    name: "codeShortName",
    signature: "text -> text",
    summary: { zh: "编码的商品和服务简称（SPBMJC）", en: "The code's short name (SPBMJC)" },
    direct: (code, _, ctx) => ctx.codes.get(code as string)?.shortName || undefined,
  }),
  defineBuiltin({
    name: "codeRates",
    signature: "text -> list of number",
    summary: { zh: "编码允许的税率（ZZSSL）", en: "The rates the table allows for the code (ZZSSL)" },
    direct: (code, _, ctx): Value => {
      const entry = ctx.codes.get(code as string);
      return entry ? ratesOf(entry) : undefined;
    },
  }),
  defineBuiltin({
    name: "codeIsSummary",
    signature: "text -> boolean",
    summary: {
      zh: "是否为汇总项（HZX=Y，不能开票）",
      en: "A summary row (HZX = Y), not usable on an invoice",
    },
    direct: (code, _, ctx) => ctx.codes.get(code as string)?.summary,
  }),
  defineBuiltin({
    name: "codeSpecialManagement",
    signature: "text -> list of text",
    summary: { zh: "增值税特殊管理（ZZSTSGL）", en: "VAT special management words (ZZSTSGL)" },
    direct: (code, _, ctx) => ctx.codes.get(code as string)?.specialManagement,
  }),
];
