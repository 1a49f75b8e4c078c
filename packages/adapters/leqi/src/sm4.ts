/**
 * 乐企 bodies: base64(SM4-ECB(key, UTF-8 JSON, PKCS#7 padding)), the key being the unit's secret given as
 * 32 hex digits (providers.md; lucymao9/leqi-invoice encrypts the same way). Node's own crypto has
 * `sm4-ecb` (OpenSSL 3): no extra package. Exported for the sandbox, which decrypts requests and encrypts
 * answers with the same code.
 */
import { createCipheriv, createDecipheriv } from "node:crypto";

const KEY_HEX = /^[0-9a-fA-F]{32}$/;

/** True when `key` is 32 hex digits (a 128-bit SM4 key). */
export function isSm4Key(key: string): boolean {
  return KEY_HEX.test(key);
}

function keyBytes(keyHex: string): Buffer {
  if (!isSm4Key(keyHex)) throw new RangeError("An SM4 key is 32 hex digits");
  return Buffer.from(keyHex, "hex");
}

/**
 * Encrypts UTF-8 text: base64 of SM4-ECB with PKCS#7 padding.
 * @example
 * sm4Encrypt("0123456789abcdeffedcba9876543210", '{"a":1}') // "24+Yhm3IuBJoCwSlTbMsug=="
 */
export function sm4Encrypt(keyHex: string, plaintext: string): string {
  const cipher = createCipheriv("sm4-ecb", keyBytes(keyHex), null);
  return Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]).toString("base64");
}

/** The outcome of decrypting: the text, or why it could not be read (wrong key, not base64, cut short). */
export type Sm4Decrypted = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Decrypts base64 SM4-ECB ciphertext to UTF-8 text. Never throws for bad input: a wrong key or a mangled
 * ciphertext is `{ ok: false }` (bad padding, a length that is not whole blocks, invalid UTF-8).
 * @example
 * sm4Decrypt("0123456789abcdeffedcba9876543210", "24+Yhm3IuBJoCwSlTbMsug==") // { ok: true, text: '{"a":1}' }
 */
export function sm4Decrypt(keyHex: string, base64: string): Sm4Decrypted {
  if (!isSm4Key(keyHex)) return { ok: false, reason: "key is not 32 hex digits" };
  const compact = base64.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return { ok: false, reason: "not base64" };
  const bytes = Buffer.from(compact, "base64");
  if (bytes.length === 0 || bytes.length % 16 !== 0) {
    return { ok: false, reason: `ciphertext of ${bytes.length} bytes is not whole 16-byte blocks` };
  }
  try {
    const decipher = createDecipheriv("sm4-ecb", keyBytes(keyHex), null);
    const plain = Buffer.concat([decipher.update(bytes), decipher.final()]);
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(plain) };
  } catch {
    return { ok: false, reason: "bad padding or not UTF-8 (wrong key?)" };
  }
}

/**
 * One raw SM4 block (no padding), for checking the cipher against the standard's test vector.
 * @example
 * sm4EncryptBlock("0123456789abcdeffedcba9876543210", "0123456789abcdeffedcba9876543210")
 * // "681edf34d206965e86b3e94f536e4246" (GB/T 32907-2016, appendix A)
 */
export function sm4EncryptBlock(keyHex: string, blockHex: string): string {
  const cipher = createCipheriv("sm4-ecb", keyBytes(keyHex), null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.from(blockHex, "hex")), cipher.final()]).toString("hex");
}
