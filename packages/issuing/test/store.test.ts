import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { StoreError } from "../src/index.js";
import { migrations } from "../src/store/schema.js";
import { defaultStorePath, openPostgresStore, openSqliteStore, openStore } from "../src/node.js";
import { freshPostgresUrl, PG_URL, removeTempDirs, tempDir } from "./stores.js";

afterAll(removeTempDirs);

async function refusal(open: () => unknown): Promise<StoreError> {
  try {
    await open();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error("the store was opened");
}

describe("the SQLite store", () => {
  it("creates a new file with the current schema, in WAL mode with full synchronous commits", async () => {
    const path = join(tempDir(), "new.db");
    const store = openSqliteStore(path);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT value FROM efapiao_meta WHERE key = 'schema_version'").pluck().get()).toBe("2");
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("upgrades a version-1 store in place, keeping its records", async () => {
    const path = join(tempDir(), "v1.db");
    // A version-1 store as efapiao 0.1 left it: its meta and the first migration's tables, one record.
    const db = new Database(path);
    db.exec("CREATE TABLE efapiao_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    db.exec("INSERT INTO efapiao_meta VALUES ('application', 'efapiao-issuing'), ('schema_version', '1')");
    for (const sql of migrations("sqlite")[0] ?? []) db.exec(sql);
    db.exec(
      "INSERT INTO issuance (request_key, provider, content_hash, invoice, status, number, diagnostics, next_attempt_at, created_at, updated_at) VALUES ('SO-1', 'sandbox', 'h', '{}', 'issued', '26312000000000000001', '[]', 0, 1, 1)",
    );
    db.close();
    const store = openSqliteStore(path);
    expect((await store.list(["SO-1"]))[0]?.number).toBe("26312000000000000001");
    await store.close();
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT value FROM efapiao_meta WHERE key = 'schema_version'").pluck().get()).toBe(
      "2",
    );
    const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(["number_pool", "use_record"]));
    check.close();
  });

  it("refuses a file that is not a database and leaves it untouched", async () => {
    const path = join(tempDir(), "garbage.db");
    const garbage = "this is not a database, it is a shopping list\n".repeat(200);
    writeFileSync(path, garbage);
    const error = await refusal(() => openSqliteStore(path));
    expect(error.code).toBe("corrupt");
    expect(error.messageZh).toContain("已损坏");
    expect(readFileSync(path, "utf8")).toBe(garbage);
  });

  it("refuses a store written by a newer efapiao, and another application's database", async () => {
    const path = join(tempDir(), "newer.db");
    await openSqliteStore(path).close();
    const db = new Database(path);
    db.prepare("UPDATE efapiao_meta SET value = '99' WHERE key = 'schema_version'").run();
    db.close();
    const newer = await refusal(() => openSqliteStore(path));
    expect(newer.code).toBe("newer");
    expect(newer.messageEn).toContain("schema 99");
    const check = new Database(path, { readonly: true });
    expect(check.prepare("SELECT value FROM efapiao_meta WHERE key = 'schema_version'").pluck().get()).toBe(
      "99",
    );
    check.close();

    const foreign = join(tempDir(), "foreign.db");
    const other = new Database(foreign);
    other.exec("CREATE TABLE customers (id INTEGER)");
    other.close();
    expect((await refusal(() => openSqliteStore(foreign))).code).toBe("foreign");
  });

  it("reports a path it cannot open as unreachable", async () => {
    const error = await refusal(() => openSqliteStore(join(tempDir(), "no", "such", "dir", "x.db")));
    expect(error.code).toBe("unreachable");
  });

  it("defaults to a file in the user's data directory", () => {
    expect(defaultStorePath({ XDG_DATA_HOME: "/data" }, "linux", "/home/u")).toBe("/data/efapiao/issuing.db");
    expect(defaultStorePath({}, "linux", "/home/u")).toBe("/home/u/.local/share/efapiao/issuing.db");
    expect(defaultStorePath({}, "darwin", "/Users/u")).toBe(
      "/Users/u/Library/Application Support/efapiao/issuing.db",
    );
  });
});

describe.runIf(PG_URL)("the PostgreSQL store", () => {
  it("refuses a newer schema and reports an unreachable server", async () => {
    const url = await freshPostgresUrl();
    await (await openPostgresStore(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("UPDATE efapiao_meta SET value = '7' WHERE key = 'schema_version'");
    const newer = await refusal(() => openStore(url));
    expect(newer.code).toBe("newer");
    expect(
      (await client.query("SELECT value FROM efapiao_meta WHERE key = 'schema_version'")).rows[0].value,
    ).toBe("7");
    await client.end();

    const nowhere = `postgresql://u:secret@localhost/x?host=${tempDir()}`;
    const unreachable = await refusal(() => openStore(nowhere));
    expect(unreachable.code).toBe("unreachable");
    expect(unreachable.messageEn).not.toContain("secret");
  });

  it("lets workers start together: the schema is created once", async () => {
    const url = await freshPostgresUrl();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
    for (const s of stores) await s.close();
  });
});
