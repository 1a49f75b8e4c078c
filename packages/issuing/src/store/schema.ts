/**
 * The store's schema, versioned: each migration moves the database from `version - 1` to `version`. The
 * version and the owner ("efapiao-issuing") live in `efapiao_meta`, so that a database written by a newer
 * efapiao, or by someone else, is refused instead of being changed.
 */
import type { Diagnostic, Invoice } from "@efapiao/model";
import type { RedOrigin } from "../provider.js";
import type { BatchProgress, IssuanceRecord, RecordStatus, RedFormRecord, ReversedLine } from "./types.js";
import { FINAL_STATUSES, StoreError } from "./types.js";

export const APPLICATION = "efapiao-issuing";

type Dialect = "sqlite" | "postgres";

/** Migration `i` (0-based) brings the schema to version `i + 1`. */
export function migrations(dialect: Dialect): string[][] {
  const big = dialect === "sqlite" ? "INTEGER" : "BIGINT";
  const seq = dialect === "sqlite" ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
  return [
    [
      `CREATE TABLE issuance (
        seq ${seq},
        request_key TEXT NOT NULL UNIQUE,
        provider TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        invoice TEXT NOT NULL,
        red TEXT,
        status TEXT NOT NULL,
        number TEXT,
        issued_at TEXT,
        diagnostics TEXT NOT NULL,
        claims INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at ${big} NOT NULL,
        lease_owner TEXT,
        lease_until ${big} NOT NULL DEFAULT 0,
        created_at ${big} NOT NULL,
        updated_at ${big} NOT NULL
      )`,
      `CREATE INDEX issuance_due ON issuance (next_attempt_at)
        WHERE status IN ('recorded', 'unknown', 'pending', 'seal-failed')`,
      "CREATE INDEX issuance_number ON issuance (number)",
      `CREATE TABLE red_form (
        seq ${seq},
        form_key TEXT NOT NULL UNIQUE,
        form_id TEXT UNIQUE,
        provider TEXT NOT NULL,
        blue_number TEXT NOT NULL,
        reason TEXT NOT NULL,
        state TEXT NOT NULL,
        invoice TEXT NOT NULL,
        reversed TEXT NOT NULL,
        red_key TEXT,
        diagnostics TEXT NOT NULL,
        created_at ${big} NOT NULL,
        updated_at ${big} NOT NULL
      )`,
      "CREATE INDEX red_form_blue ON red_form (blue_number)",
    ],
    [
      // 乐企 issues under numbers pre-assigned in batches (QDFPPLFM): a number is given to a request key
      // durably before the upload, so that a crash or a lost answer is resolved by asking about that
      // number, and no number is ever given twice. `provider` scopes the pool (e.g. one per seller).
      `CREATE TABLE number_pool (
        provider TEXT NOT NULL,
        number TEXT NOT NULL,
        request_key TEXT,
        acceptance TEXT,
        added_at ${big} NOT NULL,
        assigned_at ${big},
        PRIMARY KEY (provider, number)
      )`,
      "CREATE UNIQUE INDEX number_pool_key ON number_pool (provider, request_key)",
      // 用途确认 requests of received invoices, written before they are sent (see @efapiao/receiving).
      `CREATE TABLE use_record (
        key TEXT PRIMARY KEY,
        buyer_tax_id TEXT NOT NULL,
        period TEXT NOT NULL,
        number TEXT NOT NULL,
        issue_date TEXT NOT NULL,
        action TEXT NOT NULL,
        use_kind TEXT,
        status TEXT NOT NULL,
        provider_code TEXT,
        provider_message TEXT,
        diagnostics TEXT NOT NULL,
        sends INTEGER NOT NULL,
        created_at ${big} NOT NULL,
        updated_at ${big} NOT NULL
      )`,
      "CREATE INDEX use_record_buyer ON use_record (buyer_tax_id, period)",
    ],
  ];
}

export const SCHEMA_VERSION = migrations("sqlite").length;

/** What to do with a database whose `efapiao_meta` says this (undefined: no meta table). */
export function checkMeta(meta: Map<string, string> | undefined, hasOtherTables: boolean): number {
  if (meta === undefined) {
    if (hasOtherTables) {
      throw new StoreError(
        "这个数据库不是 efapiao 的开票库（已有其他表），未做任何改动",
        "This database is not an efapiao issuing store (it has other tables); it was left untouched",
        "foreign",
      );
    }
    return 0;
  }
  if (meta.get("application") !== APPLICATION) {
    throw new StoreError(
      "这个数据库不是 efapiao 的开票库，未做任何改动",
      "This database is not an efapiao issuing store; it was left untouched",
      "foreign",
    );
  }
  const version = Number(meta.get("schema_version"));
  if (!Number.isInteger(version) || version < 0) {
    throw new StoreError(
      `开票库的版本号无法识别（${meta.get("schema_version")}），未做任何改动`,
      `The store's schema version is unreadable (${meta.get("schema_version")}); it was left untouched`,
      "corrupt",
    );
  }
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      `开票库由更新版本的 efapiao 创建（结构版本 ${version}，本程序支持到 ${SCHEMA_VERSION}），请升级 efapiao；未做任何改动`,
      `The store was written by a newer efapiao (schema ${version}, this one knows up to ${SCHEMA_VERSION}); upgrade efapiao. It was left untouched`,
      "newer",
    );
  }
  return version;
}

/** A row of `issuance` as both databases return it (PostgreSQL BIGINTs come back as text). */
export interface IssuanceRow {
  request_key: string;
  provider: string;
  content_hash: string;
  invoice: string;
  red: string | null;
  status: string;
  number: string | null;
  issued_at: string | null;
  diagnostics: string;
  claims: number | string;
  attempts: number | string;
  next_attempt_at: number | string;
  created_at: number | string;
  updated_at: number | string;
}

export function recordOf(row: IssuanceRow): IssuanceRecord {
  return withoutUndefined({
    requestKey: row.request_key,
    provider: row.provider,
    contentHash: row.content_hash,
    invoice: JSON.parse(row.invoice) as Invoice,
    red: row.red === null ? undefined : (JSON.parse(row.red) as RedOrigin),
    status: row.status as RecordStatus,
    number: row.number ?? undefined,
    issuedAt: row.issued_at ?? undefined,
    diagnostics: JSON.parse(row.diagnostics) as Diagnostic[],
    claims: Number(row.claims),
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  }) as IssuanceRecord;
}

/** One row of a progress query: a status, how many records have it, their earliest next attempt. */
export interface StatusCount {
  status: string;
  n: number | string;
  due: number | string | null;
}

/** The progress of a batch from its counts per status (both databases). */
export function progressOf(rows: readonly StatusCount[]): BatchProgress {
  const progress: BatchProgress = { done: 0, issued: 0, open: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    if (!FINAL_STATUSES.includes(row.status as RecordStatus)) {
      progress.open += n;
      const due = Number(row.due);
      if (progress.nextAttemptAt === undefined || due < progress.nextAttemptAt) progress.nextAttemptAt = due;
    } else {
      progress.done += n;
      if (row.status === "issued") progress.issued += n;
    }
  }
  return progress;
}

export interface FormRow {
  form_key: string;
  form_id: string | null;
  provider: string;
  blue_number: string;
  reason: string;
  state: string;
  invoice: string;
  reversed: string;
  red_key: string | null;
  diagnostics: string;
  created_at: number | string;
  updated_at: number | string;
}

export function formOf(row: FormRow): RedFormRecord {
  return withoutUndefined({
    formKey: row.form_key,
    formId: row.form_id ?? undefined,
    provider: row.provider,
    blueNumber: row.blue_number,
    reason: row.reason,
    state: row.state,
    invoice: JSON.parse(row.invoice) as Invoice,
    reversed: JSON.parse(row.reversed) as ReversedLine[],
    redKey: row.red_key ?? undefined,
    diagnostics: JSON.parse(row.diagnostics) as Diagnostic[],
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  }) as RedFormRecord;
}

/** The column values of a form, in the order of {@link FORM_COLUMNS}. */
export function formValues(form: RedFormRecord): unknown[] {
  return [
    form.formKey,
    form.formId ?? null,
    form.provider,
    form.blueNumber,
    form.reason,
    form.state,
    JSON.stringify(form.invoice),
    JSON.stringify(form.reversed),
    form.redKey ?? null,
    JSON.stringify(form.diagnostics),
    form.createdAt,
    form.updatedAt,
  ];
}

export const FORM_COLUMNS = [
  "form_key",
  "form_id",
  "provider",
  "blue_number",
  "reason",
  "state",
  "invoice",
  "reversed",
  "red_key",
  "diagnostics",
  "created_at",
  "updated_at",
] as const;

export const UNFINISHED_SQL = "('recorded', 'unknown', 'pending', 'seal-failed')";

export function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}
