/**
 * The store: one small interface that the workflow writes through, with three implementations — SQLite
 * (embedded default), PostgreSQL (several workers, one queue) and memory (tests, benchmarks). Every write
 * that matters is durable when its promise resolves.
 */
import type { Diagnostic, Invoice } from "@efapiao/model";
import type { UseStore } from "@efapiao/receiving";
import type { RedFormState, RedOrigin, RedReason } from "../provider.js";

/**
 * Where a record is. `recorded`: the intent is stored, the request may or may not have been sent (a record
 * claimed before and still `recorded` is resolved by query first). `unknown`: sent, answer ambiguous.
 * `pending`, `seal-failed`: the provider has it, to be polled / re-sealed. The last three are final.
 */
export type RecordStatus =
  | "recorded"
  | "unknown"
  | "pending"
  | "seal-failed"
  | "issued"
  | "rejected"
  | "failed";

export const FINAL_STATUSES: readonly RecordStatus[] = ["issued", "rejected", "failed"];
export const UNFINISHED_STATUSES: readonly RecordStatus[] = ["recorded", "unknown", "pending", "seal-failed"];

/** One invoice to be issued exactly once, under its request key. */
export interface IssuanceRecord {
  requestKey: string;
  provider: string;
  /** sha256 of the document's content (without its requestKey): a reused key with other content is refused. */
  contentHash: string;
  invoice: Invoice;
  red?: RedOrigin;
  status: RecordStatus;
  number?: string;
  issuedAt?: string;
  diagnostics: Diagnostic[];
  /** How many times a worker took the record; above 1 while still `recorded`, it may have been sent. */
  claims: number;
  /** How many times the provider was asked (sends, queries, re-seals): drives the back-off. */
  attempts: number;
  /** Not to be worked on before this time (ms since the epoch): the back-off of polls and retries. */
  nextAttemptAt: number;
  createdAt: number;
  updatedAt: number;
}

/** What is stored for a new record; the rest starts at its initial value. */
export type NewRecord = Pick<IssuanceRecord, "requestKey" | "provider" | "contentHash" | "invoice" | "red">;

/** The outcome of working on a record, written back when the worker is done with it. */
export type RecordUpdate = Pick<
  IssuanceRecord,
  "requestKey" | "status" | "diagnostics" | "attempts" | "nextAttemptAt"
> &
  Partial<Pick<IssuanceRecord, "number" | "issuedAt">>;

/** How much of one line of the blue invoice a form reverses (positive amounts, of the blue line `index`). */
export interface ReversedLine {
  index: number;
  amount: string;
  tax: string;
}

/** A red-letter confirmation form as efapiao tracks it. */
export interface RedFormRecord {
  /** The request key of the application; efapiao's id of the form until the provider gives its own. */
  formKey: string;
  /** The provider's form id (红字发票信息确认单编号), once known. */
  formId?: string;
  provider: string;
  blueNumber: string;
  reason: RedReason;
  /** 00 (recorded, not yet applied for: some providers' 待申请), then 01–10. */
  state: RedFormState | "00";
  /** The red invoice the form announces. */
  invoice: Invoice;
  /** What the form takes from each blue line; forms in states 05–10 give it back. */
  reversed: ReversedLine[];
  /** The request key of the red invoice once `red issue` recorded it. */
  redKey?: string;
  diagnostics: Diagnostic[];
  createdAt: number;
  updatedAt: number;
}

/** The options of a claim: which records, for whom, for how long. */
export interface ClaimOptions {
  owner: string;
  now: number;
  leaseMs: number;
  limit: number;
  /** Only these records (a batch being issued); default: any unfinished record that is due. */
  keys?: readonly string[];
}

/** Where a batch stands: how many records are final (issued among them), and when the next open one is due. */
export interface BatchProgress {
  done: number;
  issued: number;
  /** Records not yet final. */
  open: number;
  /** The earliest `nextAttemptAt` of the open records (absent when none is open). */
  nextAttemptAt?: number;
}

/**
 * Pools of pre-assigned invoice numbers (乐企 issues under numbers the platform hands out in batches,
 * QDFPPLFM), one pool per scope (`leqi:<seller tax id>`). A number is given to a request key durably
 * before anything is uploaded under it, the same key always gets the same number, and no number is ever
 * given to two keys — on PostgreSQL not even by two workers at once.
 */
export interface NumberPool {
  /** Adds a batch (numbers already in the pool are left as they are); resolves to how many were new. */
  add(scope: string, numbers: readonly string[], now: number): Promise<number>;
  /** The key's number: the one it was given before, else the lowest free one, now given to it; undefined when none is free. */
  take(scope: string, requestKey: string, now: number): Promise<string | undefined>;
  /** The number given to the key, without giving one. */
  numberOf(scope: string, requestKey: string): Promise<string | undefined>;
  /** Keeps the provider's acceptance id of the upload under the key's number (乐企 受理流水号 sllsh). */
  setAcceptance(scope: string, requestKey: string, acceptance: string): Promise<void>;
  acceptanceOf(scope: string, requestKey: string): Promise<string | undefined>;
  /** How many numbers of the pool are still free. */
  free(scope: string): Promise<number>;
}

export interface Store {
  readonly kind: "sqlite" | "postgres" | "memory";
  /** Pre-assigned numbers (乐企), kept as durably as the records. */
  readonly numbers: NumberPool;
  /**
   * Records intents in one transaction: each new key is inserted; an existing key is returned as it is
   * (the caller compares the content hash).
   */
  record(records: readonly NewRecord[], now: number): Promise<{ record: IssuanceRecord; created: boolean }[]>;
  /**
   * Takes up to `limit` unfinished, due records whose lease is free or expired, leasing them to `owner`
   * and counting the claim — in PostgreSQL with `FOR UPDATE SKIP LOCKED`, so that workers never share one.
   */
  claim(options: ClaimOptions): Promise<IssuanceRecord[]>;
  /** Writes outcomes and frees the leases; an update from a worker that lost its lease is dropped. */
  save(updates: readonly RecordUpdate[], owner: string, now: number): Promise<void>;
  /** The records with these keys (all records when omitted), oldest first. */
  list(keys?: readonly string[]): Promise<IssuanceRecord[]>;
  /** Counts of the records with these keys, without reading the records: the workflow's wait loop. */
  progress(keys: readonly string[]): Promise<BatchProgress>;
  /** The issued record with this invoice number. */
  findByNumber(number: string): Promise<IssuanceRecord | undefined>;
  /** Owners holding a lease that has not expired. */
  leaseOwners(now: number): Promise<string[]>;
  /** Frees every lease of these owners (workers known to be dead). */
  releaseLeases(owners: readonly string[]): Promise<void>;

  /**
   * Inserts a form in one transaction with its check: `make` sees the forms already recorded for the blue
   * invoice and returns the new form, or errors to refuse it (an over-reversal) — then nothing is stored.
   */
  insertForm(
    blueNumber: string,
    make: (existing: RedFormRecord[]) => RedFormRecord | Diagnostic[],
  ): Promise<RedFormRecord | Diagnostic[]>;
  saveForm(form: RedFormRecord): Promise<void>;
  /** By efapiao's key or the provider's id. */
  getForm(id: string): Promise<RedFormRecord | undefined>;
  listForms(blueNumber?: string): Promise<RedFormRecord[]>;
  /** The 用途确认 records of received invoices (@efapiao/receiving's workflow writes through it). */
  readonly uses: UseStore;
  close(): Promise<void>;
}

/** A store that cannot be used: unreachable, corrupt, of a newer version, or not efapiao's. */
export class StoreError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    readonly code: "unreachable" | "corrupt" | "newer" | "foreign",
  ) {
    super(messageEn);
    this.name = "StoreError";
  }
}
