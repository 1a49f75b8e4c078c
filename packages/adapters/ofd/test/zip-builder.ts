/**
 * A zip writer for tests that can lie: every field a hostile archive might forge (declared sizes, CRC,
 * names, offsets) can be set by hand. Real entries are deflated with fflate; the layout is APPNOTE's.
 */
import { deflateSync, unzipSync } from "fflate";
import { crc32 } from "../src/zip/crc32.js";

export interface TestEntry {
  name: string;
  data: Uint8Array | string;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** Forged uncompressed size for the directory (default: the true size). */
  declaredSize?: number;
  /** Forged CRC (default: the true CRC). */
  crc?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

const encoder = new TextEncoder();

/** Builds a zip archive; `overlap` makes every entry's directory record point at the first entry's data. */
export function buildZip(entries: TestEntry[], options: { overlap?: boolean } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === "string" ? encoder.encode(entry.data) : entry.data;
    const method = entry.method ?? 8;
    const stored = method === 8 ? deflateSync(raw) : raw;
    const name = encoder.encode(entry.name);
    const crc = entry.crc ?? crc32(raw);
    const size = entry.declaredSize ?? raw.length;
    const flags = (entry.flags ?? 0) | 0x800; // UTF-8 names
    const local = new Uint8Array(30 + name.length + stored.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, stored.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(stored, 30 + name.length);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, stored.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, options.overlap ? 0 : offset, true);
    central.set(name, 46);
    if (!options.overlap || locals.length === 0) {
      locals.push(local);
      offset += local.length;
    }
    centrals.push(central);
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The entries of a real OFD as text or bytes, to edit and zip again. */
export function entriesOf(ofd: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(ofd)));
}

/** Zips entries again after replacing some of them (text values are UTF-8 encoded). */
export function rezip(
  entries: Map<string, Uint8Array>,
  changes: Record<string, string | null> = {},
  method: 0 | 8 = 8,
): Uint8Array {
  const out: TestEntry[] = [];
  for (const [name, data] of entries) {
    if (name in changes) {
      const change = changes[name];
      if (change !== null && change !== undefined) out.push({ name, data: change, method });
    } else out.push({ name, data, method });
  }
  for (const [name, change] of Object.entries(changes)) {
    if (!entries.has(name) && change !== null && change !== undefined)
      out.push({ name, data: change, method });
  }
  return buildZip(out);
}

/** Replaces exactly one occurrence; a test edit that misses its target fails loudly. */
export function edit(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`edit: expected one match of ${from}, found ${count}`);
  return text.replace(from, to);
}
