/**
 * Bytes → text for input that declares no encoding: it must be UTF-8. A lenient decoder turns every invalid
 * byte into U+FFFD, so a name written in GBK would come out as a row of � and still be "valid"; this one
 * refuses the input and says at which byte the fault is, so the writer can find it. Browser-safe
 * (`TextDecoder` only).
 */
import { error, type Result } from "./diagnostic.js";

const strict = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes UTF-8 strictly; a leading byte-order mark is dropped.
 * @example
 * decodeUtf8(new Uint8Array([0xe4, 0xb8, 0xad]))  // { ok: true, value: "中", diagnostics: [] }
 * decodeUtf8(new Uint8Array([0x7b, 0xd6, 0xd0]))  // { ok: false, diagnostics: [{ rule: "TEXT_INVALID_UTF8", … "byte 1" … }] }
 */
export function decodeUtf8(bytes: Uint8Array): Result<string> {
  try {
    return { ok: true, value: strict.decode(bytes), diagnostics: [] };
  } catch {
    const at = invalidUtf8Offset(bytes);
    const shown = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
    return {
      ok: false,
      diagnostics: [
        error("TEXT_INVALID_UTF8", "", {
          zh: `输入不是有效的 UTF-8：第 ${at} 字节（从 0 起算）处为 ${shown}；请以 UTF-8 保存文件（XML 可在声明中写明 encoding="GBK" 等编码）`,
          en: `The input is not valid UTF-8: at byte ${at} (counting from 0) there is ${shown}; save the file as UTF-8 (XML may declare another encoding, e.g. encoding="GBK")`,
        }),
      ],
    };
  }
}

/**
 * The offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or -1 when every byte is.
 * @example
 * invalidUtf8Offset(new Uint8Array([0x61, 0xc0, 0x80])) // 1 (an overlong form)
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0; // overlong
      if (b === 0xed) high = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90; // overlong
      if (b === 0xf4) high = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined || next < min || next > max) return i;
    }
    i += length;
  }
  return -1;
}
