/**
 * The pool of pre-assigned numbers (乐企 QDFPPLFM) in the SQLite store's `number_pool` table. Taking a
 * number is one immediate transaction: the key's number if it has one, else the lowest free number,
 * marked as the key's — committed (synchronous = FULL) before the number is used.
 */
import type Database from "better-sqlite3";
import type { NumberPool } from "./types.js";

/**
 * @example
 * const pool = sqliteNumberPool(db);
 * await pool.take("leqi:91310115MA1K3X4Y77", "SO-1", Date.now()); // "24442000000071309399"
 */
export function sqliteNumberPool(db: Database.Database): NumberPool {
  const statements = {
    add: db.prepare(
      "INSERT INTO number_pool (provider, number, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ),
    numberOf: db.prepare("SELECT number FROM number_pool WHERE provider = ? AND request_key = ?").pluck(),
    give: db
      .prepare(
        `UPDATE number_pool SET request_key = @key, assigned_at = @now
          WHERE provider = @scope AND number = (
            SELECT number FROM number_pool WHERE provider = @scope AND request_key IS NULL ORDER BY number LIMIT 1)
          RETURNING number`,
      )
      .pluck(),
    setAcceptance: db.prepare("UPDATE number_pool SET acceptance = ? WHERE provider = ? AND request_key = ?"),
    acceptanceOf: db
      .prepare("SELECT acceptance FROM number_pool WHERE provider = ? AND request_key = ?")
      .pluck(),
    free: db.prepare("SELECT count(*) FROM number_pool WHERE provider = ? AND request_key IS NULL").pluck(),
  };
  return {
    async add(scope, numbers, now) {
      return db
        .transaction(() =>
          numbers.reduce((n, number) => n + statements.add.run(scope, number, now).changes, 0),
        )
        .immediate();
    },
    async take(scope, requestKey, now) {
      return db
        .transaction(
          () =>
            (statements.numberOf.get(scope, requestKey) as string | undefined) ??
            (statements.give.get({ scope, key: requestKey, now }) as string | undefined),
        )
        .immediate();
    },
    async numberOf(scope, requestKey) {
      return (statements.numberOf.get(scope, requestKey) as string | undefined) ?? undefined;
    },
    async setAcceptance(scope, requestKey, acceptance) {
      statements.setAcceptance.run(acceptance, scope, requestKey);
    },
    async acceptanceOf(scope, requestKey) {
      return (statements.acceptanceOf.get(scope, requestKey) as string | null | undefined) ?? undefined;
    },
    async free(scope) {
      return Number(statements.free.get(scope));
    },
  };
}
