/**
 * @efapiao/receiving/node — the file-system side of intake: a directory (walked, symbolic links not
 * followed) or a zip of received files (opened with the same bounded zip reader as OFD files, with limits
 * sized for batches) → the files to read. The main entry stays browser-safe.
 */
import { lstat, readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { type Diagnostic, error, type Result } from "@efapiao/model";
import { OFD_LIMITS, type OfdLimits, openZip } from "@efapiao/ofd";
import type { IntakeFile } from "./intake.js";

export * from "./index.js";
export { importUseLines, readUseLines } from "./use/import-lines.js";

/** Limits of a batch: many entries and more bytes than one OFD, every entry still bounded. */
export const BATCH_LIMITS: OfdLimits = {
  ...OFD_LIMITS,
  maxArchiveBytes: 512 * 1024 * 1024,
  maxEntries: 20_000,
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};

/** Received files are OFD, XML or JSON; other files in a batch are listed as skipped. */
const RECEIVED = /\.(ofd|xml|json)$/i;

export interface CollectedFiles {
  files: IntakeFile[];
  /** Names of files that are not OFD, XML or JSON. */
  skipped: string[];
}

/**
 * The received files under a path: every .ofd, .xml and .json file of a directory tree (sorted by path),
 * the entries of a batch zip (one that is not itself an OFD), or the one file.
 * @example
 * const batch = await collectFiles("inbox/");            // { ok: true, value: { files: [{ name: "2024-05/a.ofd", bytes }], skipped: ["notes.txt"] } }
 * const zipped = await collectFiles("inbox-2024-05.zip");
 */
export async function collectFiles(
  path: string,
  limits: OfdLimits = BATCH_LIMITS,
): Promise<Result<CollectedFiles>> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(path);
  } catch (e) {
    return unreadable(path, (e as NodeJS.ErrnoException).code ?? "unreadable");
  }
  if (info.isDirectory()) return walk(path, limits);
  const bytes = await readFile(path);
  if (isBatchZip(bytes)) return fromZip(bytes, limits);
  return { ok: true, value: { files: [{ name: path, bytes }], skipped: [] }, diagnostics: [] };
}

/** A zip that is not an OFD (an OFD has OFD.xml at its root). */
function isBatchZip(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  const zip = openZip(bytes, BATCH_LIMITS);
  return !zip.ok || !zip.value.has("OFD.xml");
}

function fromZip(bytes: Uint8Array, limits: OfdLimits): Result<CollectedFiles> {
  const zip = openZip(bytes, limits);
  if (!zip.ok) return zip;
  const files: IntakeFile[] = [];
  const skipped: string[] = [];
  for (const name of [...zip.value.entries.keys()].sort()) {
    if (name.endsWith("/")) continue;
    if (!RECEIVED.test(name)) {
      skipped.push(name);
      continue;
    }
    const read = zip.value.read(name);
    if (!read.ok) return read;
    files.push({ name, bytes: read.value });
  }
  return { ok: true, value: { files, skipped }, diagnostics: [] };
}

async function walk(root: string, limits: OfdLimits): Promise<Result<CollectedFiles>> {
  const files: IntakeFile[] = [];
  const skipped: string[] = [];
  let total = 0;
  const visit = async (dir: string): Promise<Diagnostic | undefined> => {
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      const path = join(dir, name);
      const info = await lstat(path);
      if (info.isSymbolicLink()) {
        skipped.push(relative(root, path));
      } else if (info.isDirectory()) {
        const stop = await visit(path);
        if (stop) return stop;
      } else if (!RECEIVED.test(name)) {
        skipped.push(relative(root, path));
      } else {
        total += info.size;
        if (files.length >= limits.maxEntries || total > limits.maxTotalBytes) {
          return error("INTAKE_TOO_LARGE", root, {
            zh: `批量收票超过上限（${limits.maxEntries} 个文件或 ${limits.maxTotalBytes} 字节）`,
            en: `The batch is over the limit (${limits.maxEntries} files or ${limits.maxTotalBytes} bytes)`,
          });
        }
        files.push({ name: relative(root, path), bytes: await readFile(path) });
      }
    }
    return undefined;
  };
  const stop = await visit(root);
  if (stop) return { ok: false, diagnostics: [stop] };
  return { ok: true, value: { files, skipped }, diagnostics: [] };
}

function unreadable(path: string, reason: string): Result<never> {
  return {
    ok: false,
    diagnostics: [
      error("INTAKE_UNREADABLE", path, {
        zh: `无法读取 ${path}（${reason}）`,
        en: `Cannot read ${path} (${reason})`,
      }),
    ],
  };
}
