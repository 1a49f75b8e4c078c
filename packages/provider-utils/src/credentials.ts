/**
 * Reading a credentials file: every field the adapter needs must be a non-empty string; a missing one is
 * named in the diagnostic (the CLI exits 2 with it). Values never appear in a diagnostic.
 */
import { error, type Result } from "@efapiao/model";

/**
 * Checks that `value` is an object with the required string fields (and, if present, string optional ones).
 * @example
 * readCredentials("nuonuo", { appKey: "k" }, ["appKey", "appSecret", "accessToken"], [])
 * // { ok: false, diagnostics: [{ rule: "CREDENTIALS_MISSING", path: "appSecret", … }, …] }
 */
export function readCredentials<R extends string, O extends string>(
  provider: string,
  value: unknown,
  required: readonly R[],
  optional: readonly O[],
): Result<Record<R, string> & Partial<Record<O, string>>> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      ok: false,
      diagnostics: [
        error("CREDENTIALS_NOT_OBJECT", "", {
          zh: `${provider} 的凭据应为 JSON 对象`,
          en: `The ${provider} credentials must be a JSON object`,
        }),
      ],
    };
  }
  const record = value as Record<string, unknown>;
  const diagnostics = [];
  for (const name of required) {
    const field = record[name];
    if (typeof field !== "string" || field === "") {
      diagnostics.push(
        error("CREDENTIALS_MISSING", name, {
          zh: `${provider} 的凭据缺少字段 ${name}`,
          en: `The ${provider} credentials lack the field ${name}`,
        }),
      );
    }
  }
  for (const name of optional) {
    if (record[name] !== undefined && typeof record[name] !== "string") {
      diagnostics.push(
        error("CREDENTIALS_TYPE", name, {
          zh: `${provider} 凭据的字段 ${name} 应为字符串`,
          en: `The ${provider} credentials field ${name} must be a string`,
        }),
      );
    }
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, value: record as Record<R, string> & Partial<Record<O, string>>, diagnostics: [] };
}
