/**
 * Provider error codes as data: each published code with what it means for the caller (a
 * {@link RejectionReason}, whether retrying can help) and efapiao's message in Chinese and English. An
 * unknown code is kept raw — code and message as the provider sent them — and treated as a refusal.
 */
import { providerDiagnostic, type Rejected, type RejectionReason } from "@efapiao/provider";

export interface CodeMeaning {
  reason: RejectionReason;
  retryable: boolean;
  zh: string;
  en: string;
}

/** Code → meaning, for one provider. */
export type CodeTable = Readonly<Record<string, CodeMeaning>>;

/** Shorthand for table rows. */
export const meaning = (
  reason: RejectionReason,
  retryable: boolean,
  zh: string,
  en: string,
): CodeMeaning => ({
  reason,
  retryable,
  zh,
  en,
});

/**
 * The rejection for a provider's code: rule `<PROVIDER>_<code>` for a published code, `<PROVIDER>_UNKNOWN_CODE`
 * otherwise; the provider's code and message ride along unchanged.
 * @example
 * rejection("nuonuo", NUONUO_CODES, "E9106", "订单编号或流水号不能重复")
 * // { status: "rejected", reason: "duplicate", retryable: false, diagnostics: [{ rule: "NUONUO_E9106", … }] }
 */
export function rejection(
  provider: string,
  table: CodeTable,
  code: string,
  providerMessage: string | undefined,
  raw?: unknown,
): Rejected {
  const known = Object.hasOwn(table, code) ? table[code] : undefined;
  const said = providerMessage ? `：${providerMessage}` : "";
  const saidEn = providerMessage ? `: ${providerMessage}` : "";
  const message = known
    ? { zh: known.zh, en: known.en }
    : {
        zh: `服务商返回了未登记的代码 ${code}${said}`,
        en: `The provider answered with an unlisted code ${code}${saidEn}`,
      };
  const rule = `${provider.toUpperCase()}_${known ? code : "UNKNOWN_CODE"}`;
  const extra: { providerCode: string; providerMessage?: string } = { providerCode: code };
  if (providerMessage !== undefined) extra.providerMessage = providerMessage;
  const out: Rejected = {
    status: "rejected",
    reason: known?.reason ?? "refused",
    retryable: known?.retryable ?? false,
    diagnostics: [providerDiagnostic(provider, rule, message, extra)],
  };
  if (raw !== undefined) out.raw = raw;
  return out;
}
