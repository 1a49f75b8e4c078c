import type { Diagnostic, Message } from "@efapiao/model";

/**
 * Makes an info diagnostic (same shape as the model's `error` and `warning`).
 * @example
 * info("OFD_SKIPPED", "Doc_0/Attachs/original_invoice.xml", { zh: "…", en: "…" })
 */
export function info(rule: string, path: string, message: Message): Diagnostic {
  return { rule, severity: "info", path, message: message.zh, messageEn: message.en };
}
