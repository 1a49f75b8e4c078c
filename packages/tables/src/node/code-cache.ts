/**
 * The local cache of imported packs: `$XDG_CACHE_HOME/efapiao/codes/` (else `~/.cache/efapiao/codes/`), one
 * file per table version (`codes-32.0.json`), so several versions sit side by side and the newest is used.
 * Writes go to a temporary file renamed into place, so a reader never sees half a pack.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { CodePack, PackLoadResult } from "../code-pack.js";
import { parseCodePack } from "../code-pack.js";

const PACK_FILE = /^codes-(\d+(?:\.\d+)*)\.json$/;

/**
 * The efapiao cache directory for an environment.
 * @example
 * codeCacheDir({ XDG_CACHE_HOME: "/tmp/c" }) // "/tmp/c/efapiao"
 * codeCacheDir({ HOME: "/home/li" })         // "/home/li/.cache/efapiao"
 */
export function codeCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "efapiao");
  if (env.HOME) return join(env.HOME, ".cache", "efapiao");
  if (env.LOCALAPPDATA) return join(env.LOCALAPPDATA, "efapiao");
  return join(homedir(), ".cache", "efapiao");
}

export interface CachedPack {
  version: string;
  path: string;
}

/**
 * Writes a pack into the cache (replacing an earlier import of the same version) and returns its path.
 * @example
 * const path = await saveCodePack(codeCacheDir(process.env), result.pack);
 */
export async function saveCodePack(cacheDir: string, pack: CodePack): Promise<string> {
  const dir = join(cacheDir, "codes");
  await mkdir(dir, { recursive: true });
  const path = join(dir, `codes-${pack.version}.json`);
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(pack));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return path;
}

/**
 * The cached pack of the same version as `pack` when it has more rows: importing `pack` would replace a
 * complete table with a shorter one (a file cut short, or edited), so the caller refuses instead. A cached
 * pack that cannot be read is no reason to keep it, and gives undefined.
 * @example
 * const larger = await largerCachedPack(cacheDir, result.pack);
 * if (larger) console.error(`the cache holds ${larger.rows} rows of ${larger.version}`);
 */
export async function largerCachedPack(
  cacheDir: string,
  pack: CodePack,
): Promise<(CachedPack & { rows: number }) | undefined> {
  const cached = (await listCachedPacks(cacheDir)).find(
    (p) => compareVersions(p.version, pack.version) === 0,
  );
  if (cached === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(cached.path, "utf8");
  } catch {
    return undefined;
  }
  const loaded = parseCodePack(text, cached.path);
  if (!loaded.ok || loaded.pack.rows <= pack.rows) return undefined;
  return { ...cached, rows: loaded.pack.rows };
}

/**
 * The packs in the cache, newest version first (versions compare numerically: 33.0 > 32.1 > 32.0 > 9.0).
 * @example
 * (await listCachedPacks(dir)).map((p) => p.version) // ["33.0", "32.0"]
 */
export async function listCachedPacks(cacheDir: string): Promise<CachedPack[]> {
  const dir = join(cacheDir, "codes");
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const packs: CachedPack[] = [];
  for (const name of names) {
    const match = PACK_FILE.exec(name);
    if (match) packs.push({ version: match[1]!, path: join(dir, name) });
  }
  return packs.sort((a, b) => compareVersions(b.version, a.version));
}

/**
 * Loads the newest cached pack, or undefined when the cache holds none.
 * @example
 * const loaded = await loadNewestCachedTable(codeCacheDir(process.env));
 * if (loaded?.ok) loaded.table.version; // "32.0"
 */
export async function loadNewestCachedTable(cacheDir: string): Promise<PackLoadResult | undefined> {
  const [newest] = await listCachedPacks(cacheDir);
  if (newest === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(newest.path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
    return {
      ok: false,
      message: {
        zh: `无法读取缓存的编码表 ${newest.path}（${reason}）`,
        en: `Cannot read the cached table ${newest.path} (${reason})`,
      },
    };
  }
  return parseCodePack(text, newest.path);
}

/**
 * Compares dotted numeric versions ("32.0" < "32.1" < "33.0"); negative when a is older.
 * @example
 * compareVersions("9.0", "32.0") < 0 // true
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
