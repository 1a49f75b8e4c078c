/** Random values for nonces and ids; callers pass fixed ones to reproduce a request byte for byte. */
import { randomBytes, randomInt } from "node:crypto";

/**
 * A random decimal string of `length` digits, not starting with 0.
 * @example
 * randomDigits(8) // "40417263"
 */
export function randomDigits(length: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < length) out += String(randomInt(0, 10));
  return out;
}

/**
 * `bytes` random bytes as lower-case hex.
 * @example
 * randomHex(16) // "9f86d081884c7d659a2feaa0c55ad015"
 */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}
