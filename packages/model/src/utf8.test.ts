import { describe, expect, it } from "vitest";
import { decodeUtf8, invalidUtf8Offset } from "./utf8.js";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("decodeUtf8", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x7b, 0xe4, 0xb8, 0xad, 0x7d))).toMatchObject({
      ok: true,
      value: "{中}",
    });
  });

  it("refuses invalid UTF-8 with the byte offset instead of writing U+FFFD (issue 9)", () => {
    // {"name": "中"} with 中 in GBK (D6 D0): the first invalid byte is at offset 10
    const gbk = new Uint8Array([
      ...new TextEncoder().encode('{"name": "'),
      0xd6,
      0xd0,
      ...new TextEncoder().encode('"}'),
    ]);
    const result = decodeUtf8(gbk);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ rule: "TEXT_INVALID_UTF8", severity: "error" });
    expect(result.diagnostics[0]!.messageEn).toContain("at byte 10");
    expect(result.diagnostics[0]!.messageEn).toContain("d6 d0");
  });
});

describe("invalidUtf8Offset", () => {
  it("finds each kind of ill-formed sequence (RFC 3629)", () => {
    expect(invalidUtf8Offset(bytes(0x61, 0x62))).toBe(-1);
    expect(invalidUtf8Offset(bytes(0x61, 0xc0, 0x80))).toBe(1); // overlong 2-byte
    expect(invalidUtf8Offset(bytes(0xe0, 0x80, 0x80))).toBe(0); // overlong 3-byte
    expect(invalidUtf8Offset(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1); // a surrogate
    expect(invalidUtf8Offset(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // above U+10FFFF
    expect(invalidUtf8Offset(bytes(0x61, 0x62, 0xe4, 0xb8))).toBe(2); // cut short
    expect(invalidUtf8Offset(bytes(0x80))).toBe(0); // a lone continuation byte
    expect(invalidUtf8Offset(bytes(0xf0, 0x9f, 0x98, 0x80, 0xff))).toBe(4); // 😀 then 0xFF
  });
});
