/**
 * 百望 `sign`: upper-case hex MD5 of appSecret + every URL parameter as name immediately followed by
 * value, sorted by name, empty values and `sign` itself skipped + the compact JSON body + appSecret
 * (providers.md; nuecms/baiwang-sdk and wenlingang/baiwang-ruby-sdk sign the same way). Exported for the
 * sandbox, which checks signatures with the same code. Error 100007 is a bad signature.
 */
// A namespace import: a named import of `hash` would fail to load on Node 20 releases before 20.12.
import * as crypto from "node:crypto";

/**
 * Lower-case hex MD5 of text (UTF-8). The one-shot `crypto.hash` (Node ≥ 20.12) is cheaper than a Hash
 * object; older Node 20 releases get the Hash object.
 */
const md5Hex: (text: string) => string =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("md5", text, "hex")
    : (text) => crypto.createHash("md5").update(text, "utf8").digest("hex");

/**
 * The text 百望 signs.
 * @example
 * baiwangSignatureBase("S", { method: "baiwang.output.invoice.issue", appKey: "K", token: "" }, '{"a":1}')
 * // 'SappKeyKmethodbaiwang.output.invoice.issue{"a":1}S'
 */
export function baiwangSignatureBase(
  appSecret: string,
  params: Readonly<Record<string, string>>,
  body: string,
): string {
  return signatureBaseOfSorted(appSecret, sortedParams(params), body);
}

/** The parameters as [name, value] pairs sorted by name, as both the signature and the URL list them. */
function sortedParams(params: Readonly<Record<string, string>>): [string, string][] {
  return Object.keys(params)
    .sort()
    .map((name): [string, string] => [name, params[name] ?? ""]);
}

/** {@link baiwangSignatureBase} of parameters already sorted by name (the client builds them in order). */
function signatureBaseOfSorted(
  appSecret: string,
  sorted: readonly (readonly [string, string])[],
  body: string,
): string {
  let text = appSecret;
  for (const [name, value] of sorted) {
    if (name === "sign" || value.trim() === "") continue;
    text += name + value;
  }
  return text + body + appSecret;
}

/**
 * The `sign` URL parameter.
 * @example
 * signBaiwang("S", { method: "m", appKey: "K" }, "{}") // 32 upper-case hex digits
 */
export function signBaiwang(
  appSecret: string,
  params: Readonly<Record<string, string>>,
  body: string,
): string {
  return signBaiwangSorted(appSecret, sortedParams(params), body);
}

/**
 * {@link signBaiwang} of parameters already sorted by name: the client writes them in that order, so
 * preparing a request neither sorts them nor collects them twice (once to sign, once for the URL).
 * @example
 * signBaiwangSorted("S", [["appKey", "K"], ["method", "m"]], "{}") // the same as signBaiwang("S", { method: "m", appKey: "K" }, "{}")
 */
export function signBaiwangSorted(
  appSecret: string,
  sorted: readonly (readonly [string, string])[],
  body: string,
): string {
  // The joined text hashed at once: cheaper than feeding a Hash the pieces, and the body has to be
  // flattened for hashing either way.
  return md5Hex(signatureBaseOfSorted(appSecret, sorted, body)).toUpperCase();
}

/**
 * True when `sign` is the signature of these parameters and body (case-insensitive hex, constant time).
 * @example
 * verifyBaiwangSignature(appSecret, Object.fromEntries(url.searchParams), body, url.searchParams.get("sign") ?? "")
 */
export function verifyBaiwangSignature(
  appSecret: string,
  params: Readonly<Record<string, string>>,
  body: string,
  sign: string,
): boolean {
  const expected = Buffer.from(signBaiwang(appSecret, params, body), "utf8");
  const given = Buffer.from(sign.toUpperCase(), "utf8");
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
