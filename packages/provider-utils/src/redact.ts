/**
 * Secrets never reach output, logs or diagnostics: every text an adapter puts in a diagnostic or a raw
 * record goes through {@link redact} with the credentials' secret values.
 */

/**
 * A stand-in for a secret that says what it was without revealing any of it.
 * @example
 * mask("0123456789abcdef0123456789abcdef") // "***(32 chars)"
 */
export function mask(secret: string): string {
  return `***(${secret.length} chars)`;
}

/** Secrets shorter than this are not searched for: "1" would mask every digit of an answer. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of each secret (and of its URL-encoded form) in a text by {@link mask}.
 * @example
 * redact('{"token":"tk-123456"}', ["tk-123456"]) // '{"token":"***(9 chars)"}'
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      if (out.includes(form)) out = out.split(form).join(mask(secret));
    }
  }
  return out;
}

/**
 * A copy of a JSON-like value with every string redacted (for `raw` records of answers and requests).
 * @example
 * redactValue({ headers: { accessToken: "tk-123456" } }, ["tk-123456"]) // { headers: { accessToken: "***(9 chars)" } }
 */
export function redactValue<T>(value: T, secrets: readonly (string | undefined)[]): T {
  if (typeof value === "string") return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, secrets);
    return out as T;
  }
  return value;
}
