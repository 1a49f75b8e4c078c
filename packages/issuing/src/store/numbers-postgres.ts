/**
 * The pool of pre-assigned numbers (乐企 QDFPPLFM) in PostgreSQL's `number_pool` table, shared by every
 * worker: a free number is taken with `FOR UPDATE SKIP LOCKED`, so two workers never take the same one,
 * and the unique (provider, request_key) index makes a key that two workers give a number to at the same
 * moment end with one — the loser reads the winner's.
 */
import type pg from "pg";
import type { NumberPool } from "./types.js";

const UNIQUE_VIOLATION = "23505";

/**
 * @example
 * const pool = postgresNumberPool(new pg.Pool({ connectionString }));
 * await pool.take("leqi:91310115MA1K3X4Y77", "SO-1", Date.now());
 */
export function postgresNumberPool(db: pg.Pool): NumberPool {
  const numberOf = async (scope: string, requestKey: string) =>
    (
      await db.query<{ number: string }>(
        "SELECT number FROM number_pool WHERE provider = $1 AND request_key = $2",
        [scope, requestKey],
      )
    ).rows[0]?.number;
  return {
    async add(scope, numbers, now) {
      if (numbers.length === 0) return 0;
      const result = await db.query(
        `INSERT INTO number_pool (provider, number, added_at)
          SELECT $1, n, $3 FROM unnest($2::text[]) AS t(n) ON CONFLICT DO NOTHING`,
        [scope, numbers, now],
      );
      return result.rowCount ?? 0;
    },
    async take(scope, requestKey, now) {
      const given = await numberOf(scope, requestKey);
      if (given !== undefined) return given;
      try {
        const result = await db.query<{ number: string }>(
          `UPDATE number_pool SET request_key = $2, assigned_at = $3
            WHERE provider = $1 AND number = (
              SELECT number FROM number_pool WHERE provider = $1 AND request_key IS NULL
               ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING number`,
          [scope, requestKey, now],
        );
        return result.rows[0]?.number;
      } catch (error) {
        // Another worker gave this key a number meanwhile: that one is the key's.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) return numberOf(scope, requestKey);
        throw error;
      }
    },
    numberOf,
    async setAcceptance(scope, requestKey, acceptance) {
      await db.query("UPDATE number_pool SET acceptance = $1 WHERE provider = $2 AND request_key = $3", [
        acceptance,
        scope,
        requestKey,
      ]);
    },
    async acceptanceOf(scope, requestKey) {
      const result = await db.query<{ acceptance: string | null }>(
        "SELECT acceptance FROM number_pool WHERE provider = $1 AND request_key = $2",
        [scope, requestKey],
      );
      return result.rows[0]?.acceptance ?? undefined;
    },
    async free(scope) {
      const result = await db.query<{ n: string }>(
        "SELECT count(*) AS n FROM number_pool WHERE provider = $1 AND request_key IS NULL",
        [scope],
      );
      return Number(result.rows[0]?.n ?? 0);
    },
  };
}
