import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sm4Decrypt, sm4Encrypt, sm4EncryptBlock } from "./sm4.js";

const STANDARD_KEY = "0123456789abcdeffedcba9876543210";

describe("SM4-ECB (node's own crypto)", () => {
  it("matches the standard's test vector (GB/T 32907-2016: key = plain = 0123…3210)", () => {
    expect(sm4EncryptBlock(STANDARD_KEY, STANDARD_KEY)).toBe("681edf34d206965e86b3e94f536e4246");
  });
  it("matches openssl for PKCS#7-padded base64 bodies", () => {
    // printf '%s' '{"a":1}' | openssl enc -sm4-ecb -K 0123456789abcdeffedcba9876543210 -base64
    expect(sm4Encrypt(STANDARD_KEY, '{"a":1}')).toBe("24+Yhm3IuBJoCwSlTbMsug==");
    // printf '%s' '{"fphm":"24442000000071309399","xmmc":"燕麦"}' | openssl enc -sm4-ecb -K 00112233445566778899aabbccddeeff -base64 -A
    expect(
      sm4Encrypt("00112233445566778899aabbccddeeff", '{"fphm":"24442000000071309399","xmmc":"燕麦"}'),
    ).toBe("5X12XzJcNDRHuna8cxM6CmaB9uNM1bSNS+7Ab7T8Sc5FVDE5/BDgPLyBXBAjaTjv");
  });
  it("decrypts what it encrypts (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme" }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (text, key) => {
          const hex = Buffer.from(key).toString("hex");
          expect(sm4Decrypt(hex, sm4Encrypt(hex, text))).toEqual({ ok: true, text });
        },
      ),
    );
  });
  it("bad ciphertexts and keys are values, not throws", () => {
    const good = sm4Encrypt(STANDARD_KEY, '{"Response":{}}');
    expect(sm4Decrypt("ffeeddccbbaa99887766554433221100", good).ok).toBe(false);
    expect(sm4Decrypt(STANDARD_KEY, good.slice(0, 10)).ok).toBe(false);
    expect(sm4Decrypt(STANDARD_KEY, "<html>").ok).toBe(false);
    expect(sm4Decrypt(STANDARD_KEY, "").ok).toBe(false);
    expect(sm4Decrypt("short", good).ok).toBe(false);
    expect(() => sm4Encrypt("short", "x")).toThrow(RangeError);
  });
});
