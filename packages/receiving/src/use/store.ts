/**
 * The record of 用途确认 requests: every confirmation or cancellation is written down before it is sent
 * and updated with the platform's answer, so that a month's confirmations can be reviewed and a request
 * whose answer was lost (a crash, a timeout) is resolved by asking the platform, never by sending it again.
 */
import type { Diagnostic } from "@efapiao/model";

export type UseAction = "confirm" | "cancel";

/**
 * `recorded`: written, perhaps sent (a crash may have come between); `unknown`: sent, answer lost;
 * `done`: the platform applied it; `refused`: the platform refused it (`providerCode` says why).
 */
export type UseRecordStatus = "recorded" | "unknown" | "done" | "refused";

export interface UseRecord {
  /** `buyerTaxId/period/number/seq`: the n-th request about this invoice in this period. */
  key: string;
  buyerTaxId: string;
  /** 所属期 YYYY-MM. */
  period: string;
  number: string;
  issueDate: string;
  action: UseAction;
  /** For confirm: 抵扣 (deduct) or 不抵扣 (no-deduct). */
  use?: "deduct" | "no-deduct";
  status: UseRecordStatus;
  providerCode?: string;
  providerMessage?: string;
  diagnostics: Diagnostic[];
  /** How many times it was sent. */
  sends: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * The order of {@link UseStore.list}: by creation time, then — records written in the same millisecond —
 * by key, shorter first, so that an invoice's tenth request comes after its second. The databases sort
 * the same way (`ORDER BY created_at, length(key), key`).
 */
export function oldestFirst(a: UseRecord, b: UseRecord): number {
  return (
    a.createdAt - b.createdAt || a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Where use records live. Writes are durable when their promise resolves. */
export interface UseStore {
  /** The records of a buyer (in a period), oldest first ({@link oldestFirst}). */
  list(buyerTaxId: string, period?: string): Promise<UseRecord[]>;
  insert(record: UseRecord): Promise<void>;
  update(record: UseRecord): Promise<void>;
}

/**
 * A store in memory (tests, one-off runs). Records are copied in and out, as a database would.
 * @example
 * const store = createMemoryUseStore();
 */
export function createMemoryUseStore(): UseStore & { records: Map<string, UseRecord> } {
  const records = new Map<string, UseRecord>();
  const copy = (r: UseRecord): UseRecord => structuredClone(r);
  return {
    records,
    async list(buyerTaxId, period) {
      return [...records.values()]
        .filter((r) => r.buyerTaxId === buyerTaxId && (period === undefined || r.period === period))
        .sort(oldestFirst)
        .map(copy);
    },
    async insert(record) {
      if (records.has(record.key)) throw new Error(`use record ${record.key} exists`);
      records.set(record.key, copy(record));
    },
    async update(record) {
      records.set(record.key, copy(record));
    },
  };
}
