/**
 * A zip archive read defensively: the central directory is checked whole (entry count, names, declared
 * sizes and ratios, overlapping data) before anything is inflated, and each entry is inflated only when
 * asked for, in bounded chunks, stopping as soon as it produces more than it declared. What a file claims
 * is never trusted: an entry must inflate to exactly its declared size and CRC-32.
 *
 * The layout parsed here is APPNOTE.TXT's (PKWARE): end-of-central-directory record, central directory
 * headers, local file headers. ZIP64, multi-disk archives and encrypted entries never occur in OFD
 * invoices and are refused rather than half-supported. Inflation is fflate's (browser-safe, no Node APIs).
 */
import { type Diagnostic, error, type Message, type Result } from "@efapiao/model";
import { Inflate, inflateSync } from "fflate";
import { crc32 } from "./crc32.js";
import { OFD_LIMITS, type OfdLimits, RATIO_FLOOR } from "./limits.js";

/** One file in the archive, as its central directory header describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
/** Compressed bytes handed to the inflater at once: bounds what one step can produce (≈1032× this). */
const INFLATE_CHUNK = 16 * 1024;
/** Entries up to this compressed size are inflated in one call (bounded work: ≤ ~66 MB of output steps). */
const ONE_SHOT_BYTES = 64 * 1024;

/**
 * An opened archive: the checked directory, and entries inflated on demand.
 * @example
 * const zip = openZip(bytes);
 * if (zip.ok) zip.value.read("OFD.xml"); // { ok: true, value: Uint8Array … }
 */
export class ZipArchive {
  private readonly cache = new Map<string, Uint8Array>();

  constructor(
    private readonly bytes: Uint8Array,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's content, inflated and checked against its declared size and CRC-32. */
  read(name: string): Result<Uint8Array> {
    const cached = this.cache.get(name);
    if (cached) return { ok: true, value: cached, diagnostics: [] };
    const entry = this.entries.get(name);
    if (!entry) {
      return fail("OFD_PART_MISSING", name, {
        zh: `OFD 包中没有文件 ${name}`,
        en: `The OFD package has no file ${name}`,
      });
    }
    const data = this.dataOf(entry);
    if (!data.ok) return data;
    const content = entry.method === 0 ? data : this.inflate(entry, data.value);
    if (!content.ok) return content;
    if (content.value.length !== entry.size || crc32(content.value) !== entry.crc) {
      return fail("OFD_ZIP_CORRUPT", name, {
        zh: `压缩包条目 ${name} 已损坏：解压结果的长度或 CRC 校验值与目录记录不符`,
        en: `Zip entry ${name} is corrupt: what it inflates to does not match the directory's size or CRC`,
      });
    }
    this.cache.set(name, content.value);
    return content;
  }

  /** The entry's stored bytes, after its local header (which must name the same file). */
  private dataOf(entry: ZipEntry): Result<Uint8Array> {
    const bytes = this.bytes;
    const at = entry.headerOffset;
    if (at + LOCAL_SIZE > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) {
      return corrupt(entry.name, "本地文件头缺失", "its local file header is missing");
    }
    const nameLength = u16(bytes, at + 26);
    const start = at + LOCAL_SIZE + nameLength + u16(bytes, at + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length)
      return corrupt(entry.name, "数据超出文件末尾", "its data runs past the end of the file");
    if (decodeName(bytes.subarray(at + LOCAL_SIZE, at + LOCAL_SIZE + nameLength)) !== entry.name) {
      return corrupt(
        entry.name,
        "本地文件头中的文件名与目录不一致",
        "the name in its local header differs from the directory's",
      );
    }
    return { ok: true, value: bytes.subarray(start, end), diagnostics: [] };
  }

  /**
   * Inflates into a buffer one byte larger than declared, so that more output than declared shows; the
   * buffer never grows. A small entry is inflated in one call (its work is bounded by its compressed size,
   * at most ~1032 output bytes per input byte); a large one in chunks, stopping at the first overflow.
   */
  private inflate(entry: ZipEntry, data: Uint8Array): Result<Uint8Array> {
    if (entry.method !== 8) {
      return fail("OFD_ZIP_UNSUPPORTED", entry.name, {
        zh: `压缩包条目 ${entry.name} 使用了不支持的压缩方法 ${entry.method}（只支持存储 0 和 Deflate 8）`,
        en: `Zip entry ${entry.name} uses compression method ${entry.method}; only stored (0) and deflate (8) are read`,
      });
    }
    if (data.length <= ONE_SHOT_BYTES) {
      let out: Uint8Array;
      try {
        out = inflateSync(data, { out: new Uint8Array(entry.size + 1) });
      } catch {
        return corrupt(entry.name, "Deflate 数据无法解压", "its deflate data cannot be inflated");
      }
      return out.length > entry.size ? bomb(entry) : { ok: true, value: out, diagnostics: [] };
    }
    const out = new Uint8Array(entry.size);
    let produced = 0;
    let overflow = false;
    const inflater = new Inflate((chunk) => {
      if (produced + chunk.length > out.length) overflow = true;
      else out.set(chunk, produced);
      produced += chunk.length;
    });
    try {
      for (let i = 0; i < data.length && !overflow; i += INFLATE_CHUNK) {
        const end = Math.min(i + INFLATE_CHUNK, data.length);
        inflater.push(data.subarray(i, end), end === data.length);
      }
      if (data.length === 0) inflater.push(data, true);
    } catch {
      return corrupt(entry.name, "Deflate 数据无法解压", "its deflate data cannot be inflated");
    }
    if (overflow) return bomb(entry);
    return { ok: true, value: out.subarray(0, produced), diagnostics: [] };
  }
}

/**
 * Opens a zip archive after checking its directory against the limits.
 * @returns the archive, or one error saying which limit or rule the file breaks
 * @example
 * openZip(new Uint8Array([1, 2, 3])) // { ok: false, diagnostics: [{ rule: "OFD_NOT_ZIP", … }] }
 */
export function openZip(bytes: Uint8Array, limits: OfdLimits = OFD_LIMITS): Result<ZipArchive> {
  if (bytes.length > limits.maxArchiveBytes) {
    return fail("OFD_TOO_LARGE", "", {
      zh: `OFD 文件过大：${bytes.length} 字节，超过 ${limits.maxArchiveBytes} 字节的上限`,
      en: `The OFD file is too large: ${bytes.length} bytes, over the limit of ${limits.maxArchiveBytes}`,
    });
  }
  const eocd = findEndOfDirectory(bytes);
  if (eocd === -1) {
    return fail("OFD_NOT_ZIP", "", {
      zh: "不是 OFD 文件：OFD 是 zip 压缩包（GB/T 33190），这里找不到 zip 的目录结构",
      en: "Not an OFD file: an OFD is a zip archive (GB/T 33190), and no zip directory was found",
    });
  }
  const count = u16(bytes, eocd + 10);
  const directorySize = u32(bytes, eocd + 12);
  const directoryOffset = u32(bytes, eocd + 16);
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0 || u16(bytes, eocd + 8) !== count) {
    return unsupported("分卷压缩包", "a multi-disk archive");
  }
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    return unsupported("ZIP64 压缩包", "a ZIP64 archive");
  }
  if (count > limits.maxEntries) {
    return fail("OFD_TOO_MANY_ENTRIES", "", {
      zh: `OFD 压缩包有 ${count} 个文件，超过 ${limits.maxEntries} 个的上限`,
      en: `The OFD archive has ${count} entries, over the limit of ${limits.maxEntries}`,
    });
  }
  if (directoryOffset + directorySize > eocd) {
    return fail("OFD_ZIP_CORRUPT", "", {
      zh: "zip 目录超出了文件范围",
      en: "The zip directory lies outside the file",
    });
  }
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > eocd || u32(bytes, at) !== CENTRAL_SIGNATURE) {
      return fail("OFD_ZIP_CORRUPT", "", {
        zh: `zip 目录的第 ${i + 1} 项已损坏`,
        en: `Entry ${i + 1} of the zip directory is corrupt`,
      });
    }
    const nameLength = u16(bytes, at + 28);
    const name = decodeName(bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength));
    const entry: ZipEntry = {
      name,
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      headerOffset: u32(bytes, at + 42),
    };
    const refused =
      checkName(name, limits) ??
      (entries.has(name) ? duplicate(name) : undefined) ??
      checkEntry(entry, u16(bytes, at + 8), limits);
    if (refused) return { ok: false, diagnostics: [refused] };
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      return fail("OFD_ZIP_BOMB", "", {
        zh: `OFD 压缩包解压后总计超过 ${limits.maxTotalBytes} 字节的上限：疑似压缩炸弹`,
        en: `The OFD archive would inflate to more than the ${limits.maxTotalBytes}-byte limit in total: a likely zip bomb`,
      });
    }
    entries.set(name, entry);
    at += CENTRAL_SIZE + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  const overlap = overlapping([...entries.values()], directoryOffset);
  if (overlap) return { ok: false, diagnostics: [overlap] };
  return { ok: true, value: new ZipArchive(bytes, entries), diagnostics: [] };
}

/** The end-of-central-directory record: searched backwards over the longest possible comment. */
function findEndOfDirectory(bytes: Uint8Array): number {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (u32(bytes, at) === EOCD_SIGNATURE && at + EOCD_SIZE + u16(bytes, at + 20) === bytes.length) return at;
  }
  return -1;
}

/**
 * Entry names are paths inside the package, never outside it: no absolute paths, drive letters,
 * backslashes, `.` or `..` segments, empty segments or control characters.
 */
function checkName(name: string, limits: OfdLimits): Diagnostic | undefined {
  const shown = JSON.stringify(name.length > 80 ? `${name.slice(0, 77)}…` : name);
  const refuse = (zh: string, en: string) =>
    error("OFD_ZIP_PATH", "", {
      zh: `拒绝压缩包中的文件名 ${shown}：${zh}`,
      en: `Refused the archive entry name ${shown}: ${en}`,
    });
  if (name.length === 0) return refuse("文件名为空", "it is empty");
  if (name.length > limits.maxPathLength) {
    return refuse(
      `超过 ${limits.maxPathLength} 个字符`,
      `it is longer than ${limits.maxPathLength} characters`,
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return refuse("含有控制字符", "it contains control characters");
  if (name.includes("\\")) return refuse("含有反斜杠", "it contains a backslash");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) {
    return refuse("是绝对路径", "it is an absolute path");
  }
  const segments = name.endsWith("/") ? name.slice(0, -1).split("/") : name.split("/");
  if (segments.some((s) => s === ".." || s === ".")) {
    return refuse("含有 . 或 .. 路径段（路径穿越）", "it has . or .. segments (path traversal)");
  }
  if (segments.some((s) => s === "")) return refuse("含有空的路径段", "it has an empty path segment");
  return undefined;
}

function duplicate(name: string): Diagnostic {
  return error("OFD_ZIP_PATH", "", {
    zh: `压缩包中文件 ${name} 出现了两次：不同的读取程序会读到不同的内容`,
    en: `The archive holds ${name} twice: different readers would see different content`,
  });
}

function checkEntry(entry: ZipEntry, flags: number, limits: OfdLimits): Diagnostic | undefined {
  if (flags & 1) {
    return error("OFD_ZIP_UNSUPPORTED", entry.name, {
      zh: `压缩包条目 ${entry.name} 已加密，无法读取`,
      en: `Zip entry ${entry.name} is encrypted and cannot be read`,
    });
  }
  if (entry.size > limits.maxEntryBytes) {
    return error("OFD_ZIP_BOMB", entry.name, {
      zh: `压缩包条目 ${entry.name} 解压后为 ${entry.size} 字节，超过单个文件 ${limits.maxEntryBytes} 字节的上限`,
      en: `Zip entry ${entry.name} inflates to ${entry.size} bytes, over the ${limits.maxEntryBytes}-byte limit per entry`,
    });
  }
  if (entry.method === 0 && entry.size !== entry.compressedSize) {
    return error("OFD_ZIP_CORRUPT", entry.name, {
      zh: `未压缩的条目 ${entry.name} 的压缩前后大小不一致`,
      en: `Stored entry ${entry.name} declares different compressed and uncompressed sizes`,
    });
  }
  if (entry.size >= RATIO_FLOOR && entry.size > entry.compressedSize * limits.maxRatio) {
    const ratio = Math.round(entry.size / Math.max(entry.compressedSize, 1));
    return error("OFD_ZIP_BOMB", entry.name, {
      zh: `压缩包条目 ${entry.name} 的压缩比为 ${ratio}:1，超过 ${limits.maxRatio}:1 的上限：疑似压缩炸弹`,
      en: `Zip entry ${entry.name} has a compression ratio of ${ratio}:1, over the ${limits.maxRatio}:1 limit: a likely zip bomb`,
    });
  }
  return undefined;
}

/**
 * Entries whose stored data overlap (several directory entries pointing into the same bytes) are the
 * "non-recursive zip bomb" construction; a well-formed archive never has them.
 */
function overlapping(entries: ZipEntry[], directoryOffset: number): Diagnostic | undefined {
  const sorted = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 0; i < sorted.length; i++) {
    const entry = sorted[i]!;
    const next = sorted[i + 1]?.headerOffset ?? directoryOffset;
    // The local header is at least 30 bytes plus the name; its extra field is checked when read.
    if (entry.headerOffset + LOCAL_SIZE + entry.compressedSize > next) {
      return error("OFD_ZIP_BOMB", entry.name, {
        zh: `压缩包条目 ${entry.name} 的数据与其他条目重叠：疑似压缩炸弹`,
        en: `Zip entry ${entry.name} overlaps another entry's data: a likely zip bomb`,
      });
    }
  }
  return undefined;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const GB18030 = new TextDecoder("gb18030");

/** Names are UTF-8 in every OFD seen; older Chinese tools write GBK without saying so. */
function decodeName(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return GB18030.decode(bytes);
  }
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

function fail(rule: string, path: string, message: Message): { ok: false; diagnostics: Diagnostic[] } {
  return { ok: false, diagnostics: [error(rule, path, message)] };
}

function bomb(entry: ZipEntry): { ok: false; diagnostics: Diagnostic[] } {
  return fail("OFD_ZIP_BOMB", entry.name, {
    zh: `压缩包条目 ${entry.name} 解压后超过其声明的 ${entry.size} 字节：疑似压缩炸弹，已停止解压`,
    en: `Zip entry ${entry.name} inflates to more than the ${entry.size} bytes it declares: a likely zip bomb; inflation stopped`,
  });
}

function corrupt(name: string, zh: string, en: string): { ok: false; diagnostics: Diagnostic[] } {
  return fail("OFD_ZIP_CORRUPT", name, {
    zh: `压缩包条目 ${name} 已损坏：${zh}`,
    en: `Zip entry ${name} is corrupt: ${en}`,
  });
}

function unsupported(zh: string, en: string): { ok: false; diagnostics: Diagnostic[] } {
  return fail("OFD_ZIP_UNSUPPORTED", "", {
    zh: `不支持${zh}：OFD 发票不会使用这种格式`,
    en: `${en[0]!.toUpperCase()}${en.slice(1)} is not supported: OFD invoices never use it`,
  });
}
