/**
 * The shared store: PostgreSQL through `pg`. Several worker processes, on several machines, drain one queue:
 * a claim takes due records with `FOR UPDATE SKIP LOCKED`, so two workers never hold the same record, and
 * scaling out is starting another worker. Migrations run under an advisory lock, so workers starting
 * together migrate once.
 */
import type { Diagnostic } from "@efapiao/model";
import pg from "pg";
import { postgresNumberPool } from "./numbers-postgres.js";
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
import { postgresUseStore } from "./use-postgres.js";

/** Any lock id will do as long as it is constant: it serialises migrations between workers. */
const MIGRATION_LOCK = 0x65666170;

/**
 * Connects to PostgreSQL and brings the schema up to date. An unreachable server is a
 * {@link StoreError} (`unreachable`); a database of a newer efapiao or of another application is refused.
 * @example
 * const store = await openPostgresStore("postgres://efapiao@db.internal/efapiao");
 */
export async function openPostgresStore(url: string, options: { poolSize?: number } = {}): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 4,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client that loses its connection must not crash the process; the next query reports it.
  pool.on("error", () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof StoreError) throw error;
    throw new StoreError(
      `无法连接 PostgreSQL 开票库（${redact(url)}）：${(error as Error).message}`,
      `Cannot reach the PostgreSQL store (${redact(url)}): ${(error as Error).message}`,
      "unreachable",
    );
  }
  return new PostgresStore(pool);
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*):[^@/]*@/, "$1:***@");
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    const tables = (
      await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
      )
    ).rows.map((r) => r.name);
    let meta: Map<string, string> | undefined;
    if (tables.includes("efapiao_meta")) {
      const rows = (await client.query<{ key: string; value: string }>("SELECT key, value FROM efapiao_meta"))
        .rows;
      meta = new Map(rows.map((r) => [r.key, r.value]));
    }
    // A shared database may hold other applications' tables; only ours without our meta table is foreign.
    const version = checkMeta(meta, tables.includes("issuance") || tables.includes("red_form"));
    if (version === 0) {
      await client.query("CREATE TABLE efapiao_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      await client.query(
        "INSERT INTO efapiao_meta (key, value) VALUES ('application', $1), ('schema_version', '0')",
        [APPLICATION],
      );
    }
    for (const step of migrations("postgres").slice(version)) for (const sql of step) await client.query(sql);
    await client.query("UPDATE efapiao_meta SET value = $1 WHERE key = 'schema_version'", [
      String(SCHEMA_VERSION),
    ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

class PostgresStore implements Store {
  readonly kind = "postgres" as const;
  readonly numbers: NumberPool;
  readonly uses;

  constructor(private readonly pool: pg.Pool) {
    this.numbers = postgresNumberPool(pool);
    this.uses = postgresUseStore(pool);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async record(records: readonly NewRecord[], now: number) {
    if (records.length === 0) return [];
    const keys = records.map((r) => r.requestKey);
    return this.transaction(async (client) => {
      const inserted = await client.query<{ request_key: string }>(
        `INSERT INTO issuance (request_key, provider, content_hash, invoice, red, status, diagnostics,
           next_attempt_at, created_at, updated_at)
         SELECT k, p, h, i, r, 'recorded', '[]', $6, $6, $6
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(k, p, h, i, r, o)
           ORDER BY o
         ON CONFLICT (request_key) DO NOTHING RETURNING request_key`,
        [
          keys,
          records.map((r) => r.provider),
          records.map((r) => r.contentHash),
          records.map((r) => JSON.stringify(r.invoice)),
          records.map((r) => (r.red ? JSON.stringify(r.red) : null)),
          now,
        ],
      );
      const created = new Set(inserted.rows.map((r) => r.request_key));
      const rows = await client.query<IssuanceRow>("SELECT * FROM issuance WHERE request_key = ANY($1)", [
        keys,
      ]);
      const byKey = new Map(rows.rows.map((row) => [row.request_key, recordOf(row)]));
      return records.map((r) => ({ record: byKey.get(r.requestKey)!, created: created.has(r.requestKey) }));
    });
  }

  async claim(options: ClaimOptions): Promise<IssuanceRecord[]> {
    const result = await this.pool.query<IssuanceRow & { seq: string }>(
      `UPDATE issuance SET lease_owner = $1, lease_until = $2, claims = claims + 1
        WHERE seq IN (
          SELECT seq FROM issuance WHERE status IN ${UNFINISHED_SQL} AND next_attempt_at <= $3
             AND (lease_owner IS NULL OR lease_until <= $3)
             AND ($5::text[] IS NULL OR request_key = ANY($5::text[]))
           ORDER BY seq LIMIT $4 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [options.owner, options.now + options.leaseMs, options.now, options.limit, options.keys ?? null],
    );
    return result.rows.sort((a, b) => Number(a.seq) - Number(b.seq)).map(recordOf);
  }

  async save(updates: readonly RecordUpdate[], owner: string, now: number): Promise<void> {
    if (updates.length === 0) return;
    await this.pool.query(
      `UPDATE issuance AS i SET status = u.status, number = u.number, issued_at = u.issued_at,
          diagnostics = u.diagnostics, attempts = u.attempts, next_attempt_at = u.next_attempt_at,
          lease_owner = NULL, lease_until = 0, updated_at = $8
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bigint[])
          AS u(request_key, status, number, issued_at, diagnostics, attempts, next_attempt_at)
        WHERE i.request_key = u.request_key AND i.lease_owner = $9`,
      [
        updates.map((u) => u.requestKey),
        updates.map((u) => u.status),
        updates.map((u) => u.number ?? null),
        updates.map((u) => u.issuedAt ?? null),
        updates.map((u) => JSON.stringify(u.diagnostics)),
        updates.map((u) => u.attempts),
        updates.map((u) => u.nextAttemptAt),
        now,
        owner,
      ],
    );
  }

  async list(keys?: readonly string[]): Promise<IssuanceRecord[]> {
    const result = keys
      ? await this.pool.query<IssuanceRow>(
          "SELECT * FROM issuance WHERE request_key = ANY($1) ORDER BY seq",
          [keys],
        )
      : await this.pool.query<IssuanceRow>("SELECT * FROM issuance ORDER BY seq");
    return result.rows.map(recordOf);
  }

  async progress(keys: readonly string[]): Promise<BatchProgress> {
    const result = await this.pool.query<StatusCount>(
      `SELECT status, count(*) AS n, min(next_attempt_at) AS due FROM issuance
        WHERE request_key = ANY($1) GROUP BY status`,
      [keys],
    );
    return progressOf(result.rows);
  }

  async findByNumber(number: string): Promise<IssuanceRecord | undefined> {
    const result = await this.pool.query<IssuanceRow>(
      "SELECT * FROM issuance WHERE number = $1 AND status = 'issued'",
      [number],
    );
    return result.rows[0] && recordOf(result.rows[0]);
  }

  async leaseOwners(now: number): Promise<string[]> {
    const result = await this.pool.query<{ lease_owner: string }>(
      "SELECT DISTINCT lease_owner FROM issuance WHERE lease_owner IS NOT NULL AND lease_until > $1",
      [now],
    );
    return result.rows.map((r) => r.lease_owner);
  }

  async releaseLeases(owners: readonly string[]): Promise<void> {
    if (owners.length === 0) return;
    await this.pool.query(
      "UPDATE issuance SET lease_owner = NULL, lease_until = 0 WHERE lease_owner = ANY($1)",
      [owners],
    );
  }

  async insertForm(blueNumber: string, make: (existing: RedFormRecord[]) => RedFormRecord | Diagnostic[]) {
    return this.transaction(async (client) => {
      // Forms of one blue invoice are checked and inserted one at a time: the lock is per blue number.
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [blueNumber]);
      const rows = await client.query<FormRow>("SELECT * FROM red_form WHERE blue_number = $1 ORDER BY seq", [
        blueNumber,
      ]);
      const made = make(rows.rows.map(formOf));
      if (!Array.isArray(made)) {
        const placeholders = FORM_COLUMNS.map((_, i) => `$${i + 1}`).join(", ");
        await client.query(
          `INSERT INTO red_form (${FORM_COLUMNS.join(", ")}) VALUES (${placeholders})`,
          formValues(made),
        );
      }
      return made;
    });
  }

  async saveForm(form: RedFormRecord): Promise<void> {
    const [key, ...rest] = formValues(form);
    const sets = FORM_COLUMNS.slice(1).map((c, i) => `${c} = $${i + 1}`);
    await this.pool.query(`UPDATE red_form SET ${sets.join(", ")} WHERE form_key = $${sets.length + 1}`, [
      ...rest,
      key,
    ]);
  }

  async getForm(id: string): Promise<RedFormRecord | undefined> {
    const result = await this.pool.query<FormRow>(
      "SELECT * FROM red_form WHERE form_key = $1 OR form_id = $1",
      [id],
    );
    return result.rows[0] && formOf(result.rows[0]);
  }

  async listForms(blueNumber?: string): Promise<RedFormRecord[]> {
    const result =
      blueNumber === undefined
        ? await this.pool.query<FormRow>("SELECT * FROM red_form ORDER BY seq")
        : await this.pool.query<FormRow>("SELECT * FROM red_form WHERE blue_number = $1 ORDER BY seq", [
            blueNumber,
          ]);
    return result.rows.map(formOf);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
