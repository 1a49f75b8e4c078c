/**
 * GBK byte lengths without an encoder library: which characters GBK writes in two bytes is read off the
 * platform's own `TextDecoder("gbk")` (the WHATWG GBK decoder in browsers, ICU's in Node) by decoding every
 * two-byte sequence once. ASCII is one byte, and so is € (GBK's single byte 0x80). A character GBK cannot
 * write counts as one byte, the `?` an encoder substitutes for it.
 */

/**
 * Characters that GB18030-2005 gave GBK two-byte slots which older tables map to the Private Use Area.
 * ICU's decoder (Node) still returns the PUA code points for those slots, browsers return these; both
 * count as two bytes either way.
 */
const GB18030_2005_SLOTS: readonly number[] = [
  0x1f9, 0x1e3f, 0x2e81, 0x2e84, 0x2e88, 0x2e8b, 0x2e8c, 0x2e97, 0x2ea7, 0x2eaa, 0x2eae, 0x2eb3, 0x2eb6,
  0x2eb7, 0x2ebb, 0x2eca, 0x2ff0, 0x2ff1, 0x2ff2, 0x2ff3, 0x2ff4, 0x2ff5, 0x2ff6, 0x2ff7, 0x2ff8, 0x2ff9,
  0x2ffa, 0x2ffb, 0x303e, 0x3447, 0x3473, 0x359e, 0x360e, 0x361a, 0x3918, 0x396e, 0x39cf, 0x39d0, 0x39df,
  0x3a73, 0x3b4e, 0x3c6e, 0x3ce0, 0x4056, 0x415f, 0x4337, 0x43ac, 0x43b1, 0x43dd, 0x44d6, 0x464c, 0x4661,
  0x4723, 0x4729, 0x477c, 0x478d, 0x4947, 0x497a, 0x497d, 0x4982, 0x4983, 0x4985, 0x4986, 0x499b, 0x499f,
  0x49b6, 0x49b7, 0x4c77, 0x4c9f, 0x4ca0, 0x4ca1, 0x4ca2, 0x4ca3, 0x4d13, 0x4d14, 0x4d15, 0x4d16, 0x4d17,
  0x4d18, 0x4d19, 0x4dae,
];

let twoByte: Uint8Array | undefined;

/** One flag per BMP code point: 1 when GBK writes it in two bytes. Built on first use (~10–20 ms). */
function twoByteTable(): Uint8Array {
  if (twoByte) return twoByte;
  const flags = new Uint8Array(0x10000);
  const decoder = new TextDecoder("gbk");
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    pair[0] = lead;
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[1] = trail;
      const text = decoder.decode(pair);
      if (text.length === 1 && text !== "\ufffd") flags[text.charCodeAt(0)] = 1;
    }
  }
  for (const c of GB18030_2005_SLOTS) flags[c] = 1;
  flags[0x20ac] = 0; // €: GBK's single byte 0x80, although GB18030 also gives it the pair A2E3
  twoByte = flags;
  return flags;
}

/**
 * The number of bytes `text` takes in GBK.
 * @example
 * gbkByteLength("张三V2"); // 6
 */
export function gbkByteLength(text: string): number {
  const table = twoByteTable();
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one character outside the BMP, which GBK cannot write: one `?`.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      n++;
    } else n += table[c] === 1 ? 2 : 1;
  }
  return n;
}
