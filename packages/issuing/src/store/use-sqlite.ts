/**
 * 用途确认 records in the SQLite store: each write is one statement, committed (and, with `synchronous =
 * FULL`, on disk) before its promise resolves.
 */
import type Database from "better-sqlite3";
import type { UseRecord, UseStore } from "@efapiao/receiving";
import { USE_COLUMNS, USE_ORDER, type UseRow, useExists, useOf, useValues } from "./use-rows.js";

/**
 * @example
 * const uses = sqliteUseStore(db); // the database of openSqliteStore
 */
export function sqliteUseStore(db: Database.Database): UseStore {
  const placeholders = USE_COLUMNS.map(() => "?").join(", ");
  const statements = {
    insert: db.prepare(
      `INSERT INTO use_record (${USE_COLUMNS.join(", ")}) VALUES (${placeholders}) ON CONFLICT (key) DO NOTHING`,
    ),
    update: db.prepare(
      `UPDATE use_record SET ${USE_COLUMNS.slice(1)
        .map((c) => `${c} = ?`)
        .join(", ")} WHERE key = ?`,
    ),
    ofBuyer: db.prepare(`SELECT * FROM use_record WHERE buyer_tax_id = ? ${USE_ORDER}`),
    ofPeriod: db.prepare(`SELECT * FROM use_record WHERE buyer_tax_id = ? AND period = ? ${USE_ORDER}`),
  };
  return {
    async list(buyerTaxId: string, period?: string): Promise<UseRecord[]> {
      const rows =
        period === undefined
          ? statements.ofBuyer.all(buyerTaxId)
          : statements.ofPeriod.all(buyerTaxId, period);
      return (rows as UseRow[]).map(useOf);
    },
    async insert(record: UseRecord): Promise<void> {
      if (statements.insert.run(...useValues(record)).changes === 0) throw useExists(record.key);
    },
    async update(record: UseRecord): Promise<void> {
      const [key, ...rest] = useValues(record);
      statements.update.run(...rest, key);
    },
  };
}
