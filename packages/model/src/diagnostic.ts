/**
 * Diagnostics: how every efapiao package reports a problem a user can cause. A diagnostic is a value with
 * the JSON path of the offending field and a message in Chinese and English (contracts.md, "Diagnostics
 * JSON"), so callers can print it, filter it or map it back onto a form — never a stack trace.
 */
import { z } from "zod";

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

export const DiagnosticSchema = z.object({
  /** A stable identifier, e.g. `SALE_UNKNOWN_FIELD` or a rule id such as `FP-CO-01`. */
  rule: z.string(),
  severity: SeveritySchema,
  /** JSON path of the field, e.g. `lines[2].amount` (0-based indices); empty for the whole document. */
  path: z.string(),
  message: z.string(),
  messageEn: z.string(),
  /** Where the rule that produced it is written, e.g. `rules/standard/parties.rules:12:3`. */
  source: z.string().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** The outcome of anything that can reject its input: the value, or the diagnostics that explain why not. */
export type Result<T> =
  | { ok: true; value: T; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** A bilingual message. */
export interface Message {
  zh: string;
  en: string;
}

/**
 * Makes an error diagnostic.
 * @example
 * error("SALE_REQUIRED", "buyer.name", { zh: "缺少购买方名称", en: "The buyer's name is missing" })
 */
export function error(rule: string, path: string, message: Message): Diagnostic {
  return { rule, severity: "error", path, message: message.zh, messageEn: message.en };
}

/** Makes a warning diagnostic (same shape as {@link error}). */
export function warning(rule: string, path: string, message: Message): Diagnostic {
  return { rule, severity: "warning", path, message: message.zh, messageEn: message.en };
}

/**
 * Formats a path of keys and indices as the JSON path used in diagnostics.
 * @example
 * formatPath(["lines", 2, "amount"]) // "lines[2].amount"
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** How many characters of a value a message quotes before cutting it short. */
export const ECHO_LIMIT = 40;

/**
 * A value as a message quotes it: at most {@link ECHO_LIMIT} characters, so a 10 MB key or string does not
 * become a 10 MB diagnostic (and three of them in one message).
 * @example
 * echo("x".repeat(1000)) // "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…（共 1000 字符 / 1000 characters）"
 */
export function echo(text: string, limit = ECHO_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit - 3)}…（共 ${text.length} 字符 / ${text.length} characters）`;
}
