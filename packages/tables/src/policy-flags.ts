/**
 * 优惠政策标识 (数电/乐企 `yhzcbs`, Nuonuo `favouredPolicyFlag`): the 18 preferential-policy flags of a line.
 * Source: domain-facts.md, and Nuonuo's field list (`samples/providers/nuonuo-queryInvoiceResult.fields.txt`,
 * `nuonuo-saas-requestBillingNew.fields.tsv`). The Chinese labels are also the words of the code table's
 * ZZSTSGL (增值税特殊管理) column, which is how a code's special management maps to flags.
 */
import { codeLookup, type LabelledCode } from "./labels.js";

/** The 18 policy flags; `zh` is the exact ZZSTSGL wording. */
export const POLICY_FLAGS = [
  { code: "01", zh: "简易征收", en: "Simplified tax method" },
  { code: "02", zh: "稀土产品", en: "Rare-earth products" },
  { code: "03", zh: "免税", en: "Tax-exempt" },
  { code: "04", zh: "不征税", en: "Not subject to VAT" },
  { code: "05", zh: "先征后退", en: "Levy then refund" },
  { code: "06", zh: "100%先征后退", en: "Levy then refund 100%" },
  { code: "07", zh: "50%先征后退", en: "Levy then refund 50%" },
  { code: "08", zh: "按3%简易征收", en: "Simplified method at 3%" },
  { code: "09", zh: "按5%简易征收", en: "Simplified method at 5%" },
  { code: "10", zh: "按5%简易征收减按1.5%计征", en: "Simplified method at 5%, levied at a reduced 1.5%" },
  { code: "11", zh: "即征即退30%", en: "Refund of 30% upon levy" },
  { code: "12", zh: "即征即退50%", en: "Refund of 50% upon levy" },
  { code: "13", zh: "即征即退70%", en: "Refund of 70% upon levy" },
  { code: "14", zh: "即征即退100%", en: "Refund of 100% upon levy" },
  { code: "15", zh: "超税负3%即征即退", en: "Refund upon levy of the tax burden above 3%" },
  { code: "16", zh: "超税负8%即征即退", en: "Refund upon levy of the tax burden above 8%" },
  { code: "17", zh: "超税负12%即征即退", en: "Refund upon levy of the tax burden above 12%" },
  { code: "18", zh: "超税负6%即征即退", en: "Refund upon levy of the tax burden above 6%" },
] as const satisfies readonly LabelledCode[];

/** "01" … "18". */
export type PolicyFlagCode = (typeof POLICY_FLAGS)[number]["code"];

/**
 * The policy flag with this code.
 * @example
 * policyFlag("03")?.zh // "免税"
 */
export const policyFlag: (code: string) => LabelledCode<PolicyFlagCode> | undefined =
  codeLookup(POLICY_FLAGS);

const byWording = new Map<string, PolicyFlagCode>(POLICY_FLAGS.map((flag) => [flag.zh, flag.code]));

/**
 * Maps ZZSTSGL words (a code's 增值税特殊管理, already split on 、) to policy flags. Words that name no
 * flag are returned in `unknown`, so that an importer can warn instead of silently dropping them.
 * @example
 * policyFlagsForSpecialManagement(["稀土产品", "即征即退30%"]) // { flags: ["02", "11"], unknown: [] }
 */
export function policyFlagsForSpecialManagement(words: readonly string[]): {
  flags: PolicyFlagCode[];
  unknown: string[];
} {
  const flags: PolicyFlagCode[] = [];
  const unknown: string[] = [];
  for (const word of words) {
    const flag = byWording.get(word);
    if (flag === undefined) unknown.push(word);
    else if (!flags.includes(flag)) flags.push(flag);
  }
  return { flags, unknown };
}
