/**
 * X-Nuonuo-Sign: base64(HMAC-SHA1(appSecret, "a=services&l=v1&p=open&k=<appKey>&i=<senid>&n=<nonce>&t=<timestamp>&f=<body>")),
 * the body being the exact UTF-8 text sent (providers.md; Odoo's l10n_cn_edi_nuonuo client). Exported for
 * the sandbox, which checks signatures with the same code.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** What the signature covers besides the secret. */
export interface NuonuoSignedParts {
  appKey: string;
  senid: string;
  nonce: string;
  timestamp: string;
  /** The request body exactly as sent. */
  body: string;
}

/**
 * The text Nuonuo signs. The fixed path /open/v1/services reads `a=services&l=v1&p=open`.
 * @example
 * nuonuoSignatureBase({ appKey: "APPKEY", senid: "SENID", nonce: "12345678", timestamp: "1700000000", body: '{"a":1}' })
 * // 'a=services&l=v1&p=open&k=APPKEY&i=SENID&n=12345678&t=1700000000&f={"a":1}'
 */
export function nuonuoSignatureBase(parts: NuonuoSignedParts): string {
  return `a=services&l=v1&p=open&k=${parts.appKey}&i=${parts.senid}&n=${parts.nonce}&t=${parts.timestamp}&f=${parts.body}`;
}

/**
 * The X-Nuonuo-Sign header value.
 * @example
 * signNuonuo("SECRET", { appKey: "APPKEY", senid: "SENID", nonce: "12345678", timestamp: "1700000000", body: '{"a":1}' })
 * // "7iSZiR+0g+376QEJ38xLM+3vGDs="
 */
export function signNuonuo(appSecret: string, parts: NuonuoSignedParts): string {
  return createHmac("sha1", appSecret).update(nuonuoSignatureBase(parts), "utf8").digest("base64");
}

/**
 * True when `signature` is the X-Nuonuo-Sign of these parts (compared in constant time).
 * @example
 * verifyNuonuoSignature("SECRET", parts, request.headers["x-nuonuo-sign"])
 */
export function verifyNuonuoSignature(
  appSecret: string,
  parts: NuonuoSignedParts,
  signature: string,
): boolean {
  const expected = Buffer.from(signNuonuo(appSecret, parts), "utf8");
  const given = Buffer.from(signature, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
