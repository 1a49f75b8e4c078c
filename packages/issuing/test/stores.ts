/**
 * The stores every shared suite runs on: memory, SQLite (a temporary file) and PostgreSQL (a fresh database
 * on the server of scripts/with-postgres.sh, named by EFAPIAO_TEST_PG_URL). Under CI the PostgreSQL suite
 * must run: a missing URL fails there instead of being skipped in silence.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createMemoryStore, type Store } from "../src/index.js";
import { openPostgresStore, openSqliteStore } from "../src/node.js";

export interface StoreKind {
  name: "memory" | "sqlite" | "postgres";
  /** A new, empty store and how to open it again (for "after a restart"). */
  fresh(): Promise<{ store: Store; url: string; reopen(): Promise<Store> }>;
}

export const PG_URL = process.env.EFAPIAO_TEST_PG_URL;

if (!PG_URL && process.env.CI === "true") {
  throw new Error(
    "CI=true but EFAPIAO_TEST_PG_URL is not set: run the tests through scripts/with-postgres.sh",
  );
}

const tempDirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "efapiao-issuing-"));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A new database on the test server; its URL. */
export async function freshPostgresUrl(): Promise<string> {
  const name = `efapiao_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export const STORE_KINDS: StoreKind[] = [
  {
    name: "memory",
    async fresh() {
      const store = createMemoryStore();
      return { store, url: "memory:", reopen: async () => store };
    },
  },
  {
    name: "sqlite",
    async fresh() {
      const path = join(tempDir(), "issuing.db");
      return { store: openSqliteStore(path), url: path, reopen: async () => openSqliteStore(path) };
    },
  },
  ...(PG_URL
    ? [
        {
          name: "postgres" as const,
          async fresh() {
            const url = await freshPostgresUrl();
            return { store: await openPostgresStore(url), url, reopen: () => openPostgresStore(url) };
          },
        },
      ]
    : []),
];

/** The durable stores only (restart tests). */
export const DURABLE_KINDS = STORE_KINDS.filter((k) => k.name !== "memory");
