import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { gbkByteLength } from "./gbk.js";

describe("gbkByteLength", () => {
  it("counts ASCII as one byte and Chinese characters as two", () => {
    expect(gbkByteLength("")).toBe(0);
    expect(gbkByteLength("V2")).toBe(2);
    expect(gbkByteLength("张伟")).toBe(4);
    expect(gbkByteLength("张三V2")).toBe(6);
    expect(gbkByteLength("（负数）壹拾圆")).toBe(14); // full-width brackets are GBK pairs too
    expect(gbkByteLength("€")).toBe(1); // 0x80
  });

  it("counts a character outside the BMP once, as the `?` an encoder writes", () => {
    expect(gbkByteLength("😀")).toBe(1);
    expect(gbkByteLength("a😀张")).toBe(4);
  });

  // The oracle is iconv-lite's GBK encoder (a table of its own, not the platform's decoder): every BMP
  // character outside the surrogates and the Private Use Area (whose GBK slots differ between tables and
  // never occur on an invoice) has the same length.
  it("agrees with iconv-lite's GBK encoder on every BMP character", () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xf8ff) continue;
      const ch = String.fromCharCode(c);
      const expected = iconv.encode(ch, "gbk").length;
      if (gbkByteLength(ch) !== expected) differ.push(`U+${c.toString(16)}: ${expected}`);
    }
    expect(differ).toEqual([]);
  });
});
