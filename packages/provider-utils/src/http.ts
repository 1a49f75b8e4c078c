/**
 * A thin HTTP layer on the global `fetch`: one POST (or GET) with a timeout, an injectable `fetch` for
 * tests and the sandbox, and every transport failure turned into a value. It never retries: whether a
 * request may be sent again is the caller's decision (an unanswered issue request may have been taken).
 */
import type { ProviderDiagnostic } from "@efapiao/provider";
import { providerDiagnostic } from "@efapiao/provider";
import { readableJson } from "./json-text.js";

/** The `fetch` signature adapters use (the global one by default). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A request exactly as it is sent: the body is the text that was signed or encrypted. */
export interface HttpRequest {
  method: "POST" | "GET";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Transport options shared by every adapter. */
export interface TransportOptions {
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
  /** Milliseconds before the call is abandoned (default 30 000). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** What came back: an HTTP answer (any status) with its text, or a transport failure. */
export type HttpResult =
  | { ok: true; status: number; text: string; contentType: string }
  | { ok: false; diagnostic: ProviderDiagnostic };

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Sends a request and reads the whole answer as text. Timeouts, aborts, refused connections and resets
 * come back as `{ ok: false }` with a `PROVIDER_TRANSPORT_*` diagnostic (messages carry no secrets: the
 * URL's query is left out).
 * @example
 * const answer = await send("nuonuo", { method: "POST", url, headers, body }, { timeoutMs: 10_000 });
 * if (!answer.ok) return { status: "unknown", diagnostics: [answer.diagnostic] };
 */
export async function send(
  provider: string,
  request: HttpRequest,
  options: TransportOptions = {},
): Promise<HttpResult> {
  const fetchImpl = options.fetch ?? (globalThis.fetch as FetchLike);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const where = withoutQuery(request.url);
  try {
    const init: RequestInit = { method: request.method, headers: request.headers, signal };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetchImpl(request.url, init);
    const text = await response.text();
    return {
      ok: true,
      status: response.status,
      text,
      contentType: response.headers.get("content-type") ?? "",
    };
  } catch (e) {
    if (timeout.aborted) {
      return failure(provider, "PROVIDER_TRANSPORT_TIMEOUT", {
        zh: `${where} 在 ${timeoutMs} 毫秒内没有应答：请求可能已被受理，请按请求号查询结果`,
        en: `${where} did not answer within ${timeoutMs} ms: the request may have been taken; query it by its key`,
      });
    }
    if (options.signal?.aborted) {
      return failure(provider, "PROVIDER_TRANSPORT_ABORTED", {
        zh: `对 ${where} 的请求已取消：请求可能已被受理`,
        en: `The request to ${where} was cancelled: it may have been taken`,
      });
    }
    const reason = describeError(e);
    return failure(provider, "PROVIDER_TRANSPORT_FAILED", {
      zh: `无法完成对 ${where} 的请求（${reason}）：请求可能已被受理，请按请求号查询结果`,
      en: `The request to ${where} failed (${reason}): it may have been taken; query it by its key`,
    });
  }
}

function failure(provider: string, rule: string, message: { zh: string; en: string }): HttpResult {
  return { ok: false, diagnostic: providerDiagnostic(provider, rule, message) };
}

/** The URL without its query, which may carry keys (Nuonuo's appkey, Baiwang's token). */
export function withoutQuery(url: string): string {
  const at = url.indexOf("?");
  return at < 0 ? url : url.slice(0, at);
}

/** A short reason for a failed fetch: the error's code or name (never its full text, which may echo the URL). */
function describeError(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (e instanceof Error) return e.name;
  return "error";
}

/**
 * Appends query parameters in the given order (encoded), as signed.
 * @example
 * withQuery("https://x/open/v1/services", [["senid", "a"], ["nonce", "1"]]) // "https://x/open/v1/services?senid=a&nonce=1"
 */
export function withQuery(url: string, params: readonly (readonly [string, string])[]): string {
  if (params.length === 0) return url;
  const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  return `${url}${url.includes("?") ? "&" : "?"}${query}`;
}

/**
 * Joins a base URL (which a credentials file may override, e.g. with the sandbox's) and a path.
 * @example
 * joinUrl("http://127.0.0.1:4000/", "/open/v1/services") // "http://127.0.0.1:4000/open/v1/services"
 */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

/**
 * A request ready to send, as `efapiao payload` prints it (contracts.md §4): the exact body text that was
 * signed or encrypted, and the plain request object it came from.
 */
export interface PreparedRequest extends HttpRequest {
  provider: string;
  /** The provider's name for the operation (`nuonuo.OpeMplatform.requestBillingNew`, `QDFPSC`, …). */
  service: string;
  body: string;
  plain: unknown;
}

/**
 * A prepared request whose `plain` is the wire object shown as plain JSON data (marked numbers as numbers),
 * computed only when read: preparing a request to send never pays for it. `plain` is a getter of the
 * request's class, so `JSON.stringify(request)` and `request.plain` include it but a spread copy
 * (`{ ...request }`) does not: copy with `{ ...request, plain: request.plain }`.
 * @example
 * withPlain({ provider: "baiwang", service, method: "POST", url, headers, body }, wire)
 */
export function withPlain(request: Omit<PreparedRequest, "plain">, wire: unknown): PreparedRequest {
  return new LazyPlainRequest(request, wire);
}

/**
 * `plain` is a getter on the prototype, not one defined on each request: an accessor defined per object
 * gives every request its own hidden class, which cost more than the rest of preparing a request.
 * `toJSON` writes it like the other fields, as `efapiao payload` prints it.
 */
class LazyPlainRequest implements PreparedRequest {
  provider: string;
  service: string;
  method: HttpRequest["method"];
  url: string;
  headers: Record<string, string>;
  body: string;
  #wire: unknown;
  #plain: unknown;
  #read = false;

  constructor(request: Omit<PreparedRequest, "plain">, wire: unknown) {
    this.provider = request.provider;
    this.service = request.service;
    this.method = request.method;
    this.url = request.url;
    this.headers = request.headers;
    this.body = request.body;
    this.#wire = wire;
  }

  get plain(): unknown {
    if (!this.#read) {
      this.#plain = readableJson(this.#wire);
      this.#read = true;
    }
    return this.#plain;
  }

  toJSON(): PreparedRequest {
    const { provider, service, method, url, headers, body, plain } = this;
    return { provider, service, method, url, headers, body, plain };
  }
}
