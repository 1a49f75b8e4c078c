/**
 * 用途确认 records (@efapiao/receiving's `UseRecord`) as rows of the `use_record` table, shared by the
 * SQLite and PostgreSQL stores. The record's `use` is the column `use_kind` (`use` reads badly in SQL).
 */
import type { Diagnostic } from "@efapiao/model";
import type { UseRecord } from "@efapiao/receiving";
import { withoutUndefined } from "./schema.js";

/** The columns of `use_record`, in the order of {@link useValues}; `key` first. */
export const USE_COLUMNS = [
  "key",
  "buyer_tax_id",
  "period",
  "number",
  "issue_date",
  "action",
  "use_kind",
  "status",
  "provider_code",
  "provider_message",
  "diagnostics",
  "sends",
  "created_at",
  "updated_at",
] as const;

/** A row of `use_record` as both databases return it (PostgreSQL BIGINTs come back as text). */
export interface UseRow {
  key: string;
  buyer_tax_id: string;
  period: string;
  number: string;
  issue_date: string;
  action: string;
  use_kind: string | null;
  status: string;
  provider_code: string | null;
  provider_message: string | null;
  diagnostics: string;
  sends: number | string;
  created_at: number | string;
  updated_at: number | string;
}

export function useOf(row: UseRow): UseRecord {
  return withoutUndefined({
    key: row.key,
    buyerTaxId: row.buyer_tax_id,
    period: row.period,
    number: row.number,
    issueDate: row.issue_date,
    action: row.action,
    use: row.use_kind ?? undefined,
    status: row.status,
    providerCode: row.provider_code ?? undefined,
    providerMessage: row.provider_message ?? undefined,
    diagnostics: JSON.parse(row.diagnostics) as Diagnostic[],
    sends: Number(row.sends),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  }) as UseRecord;
}

/** The column values of a record, in the order of {@link USE_COLUMNS}. */
export function useValues(record: UseRecord): unknown[] {
  return [
    record.key,
    record.buyerTaxId,
    record.period,
    record.number,
    record.issueDate,
    record.action,
    record.use ?? null,
    record.status,
    record.providerCode ?? null,
    record.providerMessage ?? null,
    JSON.stringify(record.diagnostics),
    record.sends,
    record.createdAt,
    record.updatedAt,
  ];
}

/** Oldest first; records written in the same millisecond by their key's sequence number. */
export const USE_ORDER = "ORDER BY created_at, length(key), key";

/** The refusal of a second insert under one key, as the memory store words it. */
export function useExists(key: string): Error {
  return new Error(`use record ${key} exists`);
}
