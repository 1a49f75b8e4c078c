/**
 * 用途确认 records in the PostgreSQL store: each write is one statement, committed before its promise
 * resolves.
 */
import type pg from "pg";
import type { UseRecord, UseStore } from "@efapiao/receiving";
import { USE_COLUMNS, USE_ORDER, type UseRow, useExists, useOf, useValues } from "./use-rows.js";

/**
 * @example
 * const uses = postgresUseStore(pool); // the pool of openPostgresStore
 */
export function postgresUseStore(pool: pg.Pool): UseStore {
  const placeholders = USE_COLUMNS.map((_, i) => `$${i + 1}`).join(", ");
  const sets = USE_COLUMNS.slice(1).map((c, i) => `${c} = $${i + 1}`);
  return {
    async list(buyerTaxId: string, period?: string): Promise<UseRecord[]> {
      const result =
        period === undefined
          ? await pool.query<UseRow>(`SELECT * FROM use_record WHERE buyer_tax_id = $1 ${USE_ORDER}`, [
              buyerTaxId,
            ])
          : await pool.query<UseRow>(
              `SELECT * FROM use_record WHERE buyer_tax_id = $1 AND period = $2 ${USE_ORDER}`,
              [buyerTaxId, period],
            );
      return result.rows.map(useOf);
    },
    async insert(record: UseRecord): Promise<void> {
      const result = await pool.query(
        `INSERT INTO use_record (${USE_COLUMNS.join(", ")}) VALUES (${placeholders}) ON CONFLICT (key) DO NOTHING`,
        useValues(record),
      );
      if (result.rowCount === 0) throw useExists(record.key);
    },
    async update(record: UseRecord): Promise<void> {
      const [key, ...rest] = useValues(record);
      await pool.query(`UPDATE use_record SET ${sets.join(", ")} WHERE key = $${sets.length + 1}`, [
        ...rest,
        key,
      ]);
    },
  };
}
