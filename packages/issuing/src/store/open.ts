/**
 * `--store URL` → a store: `postgres://…` (or `postgresql://…`) is PostgreSQL, `memory:` a store in memory,
 * anything else a SQLite file (a path, or `sqlite:PATH`). Without a URL, the SQLite file in the user's data
 * directory.
 */
import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { createMemoryStore } from "./memory.js";
import { openPostgresStore } from "./postgres.js";
import { openSqliteStore } from "./sqlite.js";
import { type Store, StoreError } from "./types.js";

/**
 * The default store file: `$XDG_DATA_HOME/efapiao/issuing.db` (Linux; `~/.local/share/…` without it),
 * `~/Library/Application Support/efapiao/issuing.db` (macOS), `%LOCALAPPDATA%\efapiao\issuing.db` (Windows).
 * @example
 * defaultStorePath({ XDG_DATA_HOME: "/data" }, "linux") // "/data/efapiao/issuing.db"
 */
export function defaultStorePath(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === "win32")
    return join(env.LOCALAPPDATA ?? join(home, "AppData", "Local"), "efapiao", "issuing.db");
  if (platform === "darwin") return join(home, "Library", "Application Support", "efapiao", "issuing.db");
  return join(env.XDG_DATA_HOME || join(home, ".local", "share"), "efapiao", "issuing.db");
}

export interface OpenStoreOptions {
  /** SQLite only: durable commits (default true). */
  durable?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Opens the store a URL names; throws {@link StoreError} when it cannot be used.
 * @example
 * const store = await openStore("postgres://efapiao@localhost/efapiao");
 * const local = await openStore(undefined); // ~/.local/share/efapiao/issuing.db
 */
export async function openStore(url: string | undefined, options: OpenStoreOptions = {}): Promise<Store> {
  if (url === undefined || url === "") {
    const path = defaultStorePath(options.env);
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new StoreError(
        `无法创建数据目录 ${dirname(path)}：${(error as Error).message}`,
        `Cannot create the data directory ${dirname(path)}: ${(error as Error).message}`,
        "unreachable",
      );
    }
    return openSqliteStore(path, options);
  }
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgresStore(url);
  if (url === "memory:") return createMemoryStore();
  return openSqliteStore(url.replace(/^sqlite:/, ""), options);
}
