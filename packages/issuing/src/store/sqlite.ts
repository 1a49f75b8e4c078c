/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode with `synchronous = FULL`, so
 * that a commit has reached the disk when its promise resolves (a SIGKILL or a power cut loses nothing
 * acknowledged). Calls are synchronous underneath; the interface is async to match PostgreSQL.
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { Diagnostic } from "@efapiao/model";
import { sqliteNumberPool } from "./numbers-sqlite.js";
import {
  APPLICATION,
  checkMeta,
  FORM_COLUMNS,
  type FormRow,
  formOf,
  formValues,
  type IssuanceRow,
  migrations,
  progressOf,
  recordOf,
  SCHEMA_VERSION,
  type StatusCount,
  UNFINISHED_SQL,
} from "./schema.js";
import {
  type BatchProgress,
  type ClaimOptions,
  type IssuanceRecord,
  type NewRecord,
  type NumberPool,
  type RecordUpdate,
  type RedFormRecord,
  type Store,
  StoreError,
} from "./types.js";
import { sqliteUseStore } from "./use-sqlite.js";

export interface SqliteOptions {
  /** `synchronous = FULL` (default true): every commit is on disk before it is acknowledged. */
  durable?: boolean;
}

/**
 * Opens (creating when absent) the SQLite store at `path`. A file that is not a SQLite database, a
 * database of another application or of a newer efapiao is refused with a {@link StoreError} and left as
 * it was.
 * @example
 * const store = openSqliteStore("/var/lib/efapiao/issuing.db");
 */
export function openSqliteStore(path: string, options: SqliteOptions = {}): Store {
  const existed = path !== ":memory:" && existsSync(path);
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new StoreError(
      `无法打开开票库 ${path}：${(error as Error).message}`,
      `Cannot open the store ${path}: ${(error as Error).message}`,
      "unreachable",
    );
  }
  try {
    prepareDatabase(db, existed, options.durable ?? true);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    const message = (error as Error).message;
    const corrupt = /not a database|malformed|corrupt/i.test(message);
    throw new StoreError(
      corrupt
        ? `开票库 ${path} 已损坏或不是数据库（${message}），未做任何改动`
        : `无法打开开票库 ${path}：${message}`,
      corrupt
        ? `The store ${path} is corrupt or not a database (${message}); it was left untouched`
        : `Cannot open the store ${path}: ${message}`,
      corrupt ? "corrupt" : "unreachable",
    );
  }
  return new SqliteStore(db);
}

function prepareDatabase(db: Database.Database, existed: boolean, durable: boolean): void {
  // Reading the schema first: a file that is not a database fails here, before anything is written.
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  let meta: Map<string, string> | undefined;
  if (tables.includes("efapiao_meta")) {
    const rows = db.prepare("SELECT key, value FROM efapiao_meta").all() as { key: string; value: string }[];
    meta = new Map(rows.map((r) => [r.key, r.value]));
  }
  const version = checkMeta(meta, existed && tables.some((t) => t !== "sqlite_sequence"));
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${durable ? "FULL" : "OFF"}`);
  db.pragma("busy_timeout = 10000");
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version === 0) {
      db.exec("CREATE TABLE efapiao_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      db.prepare("INSERT INTO efapiao_meta (key, value) VALUES ('application', ?)").run(APPLICATION);
      db.prepare("INSERT INTO efapiao_meta (key, value) VALUES ('schema_version', '0')").run();
    }
    for (const step of migrations("sqlite").slice(version)) for (const sql of step) db.exec(sql);
    db.prepare("UPDATE efapiao_meta SET value = ? WHERE key = 'schema_version'").run(String(SCHEMA_VERSION));
  }).immediate();
}

class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  readonly numbers: NumberPool;
  readonly uses;
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.numbers = sqliteNumberPool(db);
    this.uses = sqliteUseStore(db);
    const placeholders = FORM_COLUMNS.map(() => "?").join(", ");
    this.statements = {
      insert: db.prepare(
        `INSERT INTO issuance (request_key, provider, content_hash, invoice, red, status, diagnostics,
           next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'recorded', '[]', ?, ?, ?) ON CONFLICT (request_key) DO NOTHING`,
      ),
      get: db.prepare("SELECT * FROM issuance WHERE request_key = ?"),
      due: db.prepare(
        `SELECT request_key FROM issuance WHERE status IN ${UNFINISHED_SQL} AND next_attempt_at <= @now
           AND (lease_owner IS NULL OR lease_until <= @now)
           AND (@keys IS NULL OR request_key IN (SELECT value FROM json_each(@keys)))
         ORDER BY seq LIMIT @limit`,
      ),
      lease: db.prepare(
        "UPDATE issuance SET lease_owner = ?, lease_until = ?, claims = claims + 1 WHERE request_key = ? RETURNING *",
      ),
      save: db.prepare(
        `UPDATE issuance SET status = @status, number = @number, issued_at = @issuedAt, diagnostics = @diagnostics,
           attempts = @attempts, next_attempt_at = @nextAttemptAt, lease_owner = NULL, lease_until = 0, updated_at = @now
         WHERE request_key = @requestKey AND lease_owner = @owner`,
      ),
      all: db.prepare("SELECT * FROM issuance ORDER BY seq"),
      some: db.prepare(
        "SELECT * FROM issuance WHERE request_key IN (SELECT value FROM json_each(?)) ORDER BY seq",
      ),
      progress: db.prepare(
        `SELECT status, count(*) AS n, min(next_attempt_at) AS due FROM issuance
          WHERE request_key IN (SELECT value FROM json_each(?)) GROUP BY status`,
      ),
      byNumber: db.prepare("SELECT * FROM issuance WHERE number = ? AND status = 'issued'"),
      owners: db.prepare(
        "SELECT DISTINCT lease_owner FROM issuance WHERE lease_owner IS NOT NULL AND lease_until > ?",
      ),
      release: db.prepare("UPDATE issuance SET lease_owner = NULL, lease_until = 0 WHERE lease_owner = ?"),
      insertForm: db.prepare(`INSERT INTO red_form (${FORM_COLUMNS.join(", ")}) VALUES (${placeholders})`),
      saveForm: db.prepare(
        `UPDATE red_form SET ${FORM_COLUMNS.slice(1)
          .map((c) => `${c} = ?`)
          .join(", ")} WHERE form_key = ?`,
      ),
      getForm: db.prepare("SELECT * FROM red_form WHERE form_key = ? OR form_id = ?"),
      formsOf: db.prepare("SELECT * FROM red_form WHERE blue_number = ? ORDER BY seq"),
      forms: db.prepare("SELECT * FROM red_form ORDER BY seq"),
    };
  }

  async record(records: readonly NewRecord[], now: number) {
    const { insert, get } = this.statements;
    return this.db
      .transaction(() =>
        records.map((r) => {
          const created =
            insert.run(
              r.requestKey,
              r.provider,
              r.contentHash,
              JSON.stringify(r.invoice),
              r.red ? JSON.stringify(r.red) : null,
              now,
              now,
              now,
            ).changes === 1;
          return { record: recordOf(get.get(r.requestKey) as IssuanceRow), created };
        }),
      )
      .immediate();
  }

  async claim(options: ClaimOptions): Promise<IssuanceRecord[]> {
    const { due, lease } = this.statements;
    return this.db
      .transaction(() => {
        const keys = due.pluck().all({
          now: options.now,
          limit: options.limit,
          keys: options.keys ? JSON.stringify(options.keys) : null,
        }) as string[];
        const until = options.now + options.leaseMs;
        return keys.map((key) => recordOf(lease.get(options.owner, until, key) as IssuanceRow));
      })
      .immediate();
  }

  async save(updates: readonly RecordUpdate[], owner: string, now: number): Promise<void> {
    const { save } = this.statements;
    this.db
      .transaction(() => {
        for (const u of updates) {
          save.run({
            requestKey: u.requestKey,
            status: u.status,
            number: u.number ?? null,
            issuedAt: u.issuedAt ?? null,
            diagnostics: JSON.stringify(u.diagnostics),
            attempts: u.attempts,
            nextAttemptAt: u.nextAttemptAt,
            owner,
            now,
          });
        }
      })
      .immediate();
  }

  async list(keys?: readonly string[]): Promise<IssuanceRecord[]> {
    const rows = keys ? this.statements.some.all(JSON.stringify(keys)) : this.statements.all.all();
    return (rows as IssuanceRow[]).map(recordOf);
  }

  async progress(keys: readonly string[]): Promise<BatchProgress> {
    return progressOf(this.statements.progress.all(JSON.stringify(keys)) as StatusCount[]);
  }

  async findByNumber(number: string): Promise<IssuanceRecord | undefined> {
    const row = this.statements.byNumber.get(number) as IssuanceRow | undefined;
    return row && recordOf(row);
  }

  async leaseOwners(now: number): Promise<string[]> {
    return this.statements.owners.pluck().all(now) as string[];
  }

  async releaseLeases(owners: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const owner of owners) this.statements.release.run(owner);
    })();
  }

  async insertForm(blueNumber: string, make: (existing: RedFormRecord[]) => RedFormRecord | Diagnostic[]) {
    return this.db
      .transaction(() => {
        const made = make((this.statements.formsOf.all(blueNumber) as FormRow[]).map(formOf));
        if (!Array.isArray(made)) this.statements.insertForm.run(...formValues(made));
        return made;
      })
      .immediate();
  }

  async saveForm(form: RedFormRecord): Promise<void> {
    const [key, ...rest] = formValues(form);
    this.statements.saveForm.run(...rest, key);
  }

  async getForm(id: string): Promise<RedFormRecord | undefined> {
    const row = this.statements.getForm.get(id, id) as FormRow | undefined;
    return row && formOf(row);
  }

  async listForms(blueNumber?: string): Promise<RedFormRecord[]> {
    const rows =
      blueNumber === undefined ? this.statements.forms.all() : this.statements.formsOf.all(blueNumber);
    return (rows as FormRow[]).map(formOf);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
