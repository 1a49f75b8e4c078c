/**
 * 百望 `sign`: upper-case hex MD5 of appSecret + every URL parameter as name immediately followed by
 * value, sorted by name, empty values and `sign` itself skipped + the compact JSON body + appSecret
 * (providers.md; nuecms/baiwang-sdk and wenlingang/baiwang-ruby-sdk sign the same way). Exported for the
 * sandbox, which checks signatures with the same code. Error 100007 is a bad signature.
 */
import { createHash, timingSafeEqual } from "node:crypto";

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
  let text = appSecret;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (name === "sign" || value === undefined || value.trim() === "") continue;
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
  // The same bytes as baiwangSignatureBase, fed in three pieces: the body is not copied into a joined text.
  const base = baiwangSignatureBase(appSecret, params, "");
  const head = base.slice(0, base.length - appSecret.length);
  return createHash("md5")
    .update(head, "utf8")
    .update(body, "utf8")
    .update(appSecret, "utf8")
    .digest("hex")
    .toUpperCase();
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
  return expected.length === given.length && timingSafeEqual(expected, given);
}
