/** A GBK encoder for tests (TextDecoder decodes GBK, nothing in the platform encodes it). */

/**
 * GBK bytes of a text, for the test only: found by decoding every two-byte GBK code once (TextDecoder has
 * no encoder), so the oracle is the WHATWG GBK table itself, not the code under test.
 */
export function encodeGbkForTest(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gbk");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([lead, trail]));
      if (c.length === 1 && !table.has(c)) table.set(c, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(c);
      if (!bytes) throw new Error(`no GBK code for ${c}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
