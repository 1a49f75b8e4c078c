/**
 * Reading a provider's answer: JSON or an explanation of why not. An HTML error page from a gateway, a
 * body cut short by a reset, plain text, an empty body — each becomes a diagnostic, and the caller turns
 * it into an `unknown` outcome (the request may still have been taken).
 */
import { type ProviderDiagnostic, providerDiagnostic, type Unknown } from "@efapiao/provider";
import type { HttpResult } from "./http.js";
import { redact } from "./redact.js";

/** How much of an unreadable answer is kept in a diagnostic. */
const EXCERPT_LENGTH = 120;

export type JsonAnswer = { ok: true; value: unknown } | { ok: false; diagnostic: ProviderDiagnostic };

/**
 * Parses an answer's text as JSON, classifying what it is when it is not.
 * @example
 * readJson("nuonuo", "<html>502 Bad Gateway</html>", 502)
 * // { ok: false, diagnostic: { rule: "PROVIDER_ANSWER_HTML", message: "…返回了 HTML 页面（HTTP 502）…", … } }
 */
export function readJson(
  provider: string,
  text: string,
  status: number,
  secrets: readonly (string | undefined)[] = [],
): JsonAnswer {
  const trimmed = text.trim();
  if (trimmed === "") {
    return bad(provider, "PROVIDER_ANSWER_EMPTY", {
      zh: `服务商返回了空应答（HTTP ${status}）`,
      en: `The provider answered with an empty body (HTTP ${status})`,
    });
  }
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    const excerpt = redact(trimmed.slice(0, EXCERPT_LENGTH), secrets);
    if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed)) {
      return bad(provider, "PROVIDER_ANSWER_HTML", {
        zh: `服务商返回了 HTML 页面而不是 JSON（HTTP ${status}）：${excerpt}`,
        en: `The provider answered with an HTML page instead of JSON (HTTP ${status}): ${excerpt}`,
      });
    }
    if (/^[[{]/.test(trimmed)) {
      return bad(provider, "PROVIDER_ANSWER_TRUNCATED", {
        zh: `服务商的应答不完整（JSON 被截断，HTTP ${status}，${trimmed.length} 个字符）`,
        en: `The provider's answer is incomplete (truncated JSON, HTTP ${status}, ${trimmed.length} characters)`,
      });
    }
    return bad(provider, "PROVIDER_ANSWER_NOT_JSON", {
      zh: `服务商的应答不是 JSON（HTTP ${status}）：${excerpt}`,
      en: `The provider's answer is not JSON (HTTP ${status}): ${excerpt}`,
    });
  }
}

function bad(provider: string, rule: string, message: { zh: string; en: string }): JsonAnswer {
  return { ok: false, diagnostic: providerDiagnostic(provider, rule, message) };
}

/**
 * An HTTP result read as a JSON object: transport failures, unreadable bodies and non-objects all end
 * as an {@link Unknown} outcome carrying the diagnostic. A 5xx with a readable JSON body is still returned
 * (providers put error codes there).
 * @example
 * const answer = jsonAnswer("baiwang", await send("baiwang", request), [appSecret, token]);
 * if (answer.status === "unknown") return answer;
 */
export function jsonAnswer(
  provider: string,
  result: HttpResult,
  secrets: readonly (string | undefined)[] = [],
): { status: "json"; value: Record<string, unknown>; httpStatus: number } | Unknown {
  if (!result.ok) return { status: "unknown", diagnostics: [result.diagnostic] };
  const parsed = readJson(provider, result.text, result.status, secrets);
  if (!parsed.ok) {
    return {
      status: "unknown",
      diagnostics: [parsed.diagnostic],
      raw: redact(result.text.slice(0, EXCERPT_LENGTH), secrets),
    };
  }
  if (parsed.value === null || typeof parsed.value !== "object" || Array.isArray(parsed.value)) {
    return {
      status: "unknown",
      diagnostics: [
        providerDiagnostic(provider, "PROVIDER_ANSWER_SHAPE", {
          zh: `服务商的应答不是 JSON 对象（HTTP ${result.status}）`,
          en: `The provider's answer is not a JSON object (HTTP ${result.status})`,
        }),
      ],
      raw: parsed.value,
    };
  }
  return { status: "json", value: parsed.value as Record<string, unknown>, httpStatus: result.status };
}

/**
 * An `unknown` outcome for an answer that was JSON but not what the call expects.
 * @example
 * unexpectedAnswer("nuonuo", "result.invoiceSerialNum", answer)
 */
export function unexpectedAnswer(provider: string, missing: string, raw: unknown): Unknown {
  return {
    status: "unknown",
    diagnostics: [
      providerDiagnostic(
        provider,
        "PROVIDER_ANSWER_SHAPE",
        {
          zh: `服务商的应答缺少 ${missing}：无法判断请求是否已被受理`,
          en: `The provider's answer lacks ${missing}: whether the request was taken is unknown`,
        },
        { path: missing },
      ),
    ],
    raw,
  };
}

/** A string field of an answer object, or undefined (numbers are turned into their text). */
export function field(record: unknown, key: string): string | undefined {
  if (record === null || typeof record !== "object") return undefined;
  const value = (record as Record<string, unknown>)[key];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}
