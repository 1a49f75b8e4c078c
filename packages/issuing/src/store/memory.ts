/**
 * A store in memory, with the same behaviour as the databases minus durability: for tests, for the
 * benchmark's baseline (the store's share of the time), and for a browser. Values are copied in and out,
 * as a database would, so a caller cannot change a stored record by accident.
 */
import type { Diagnostic } from "@efapiao/model";
import { createMemoryUseStore } from "@efapiao/receiving";
import { memoryNumberPool } from "./numbers-memory.js";
import {
  type BatchProgress,
  type ClaimOptions,
  type IssuanceRecord,
  type NewRecord,
  type RecordUpdate,
  type RedFormRecord,
  type Store,
  UNFINISHED_STATUSES,
} from "./types.js";

interface Row {
  record: IssuanceRecord;
  leaseOwner?: string;
  leaseUntil: number;
}

/**
 * @example
 * const issuer = new Issuer({ store: createMemoryStore(), provider });
 */
export function createMemoryStore(): Store {
  const rows = new Map<string, Row>();
  const forms = new Map<string, RedFormRecord>();
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    kind: "memory",
    numbers: memoryNumberPool(),
    async record(records: readonly NewRecord[], now: number) {
      return records.map((r) => {
        const existing = rows.get(r.requestKey);
        if (existing) return { record: copy(existing.record), created: false };
        const record: IssuanceRecord = {
          ...copy(r),
          status: "recorded",
          diagnostics: [],
          claims: 0,
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        };
        if (record.red === undefined) delete record.red;
        rows.set(r.requestKey, { record, leaseUntil: 0 });
        return { record: copy(record), created: true };
      });
    },
    async claim(options: ClaimOptions) {
      const out: IssuanceRecord[] = [];
      const candidates = options.keys ? options.keys.map((k) => rows.get(k)) : rows.values();
      for (const row of candidates) {
        if (out.length >= options.limit) break;
        if (!row || !UNFINISHED_STATUSES.includes(row.record.status)) continue;
        if (row.record.nextAttemptAt > options.now) continue;
        if (row.leaseOwner !== undefined && row.leaseUntil > options.now) continue;
        row.leaseOwner = options.owner;
        row.leaseUntil = options.now + options.leaseMs;
        row.record.claims++;
        out.push(copy(row.record));
      }
      return out;
    },
    async save(updates: readonly RecordUpdate[], owner: string, now: number) {
      for (const u of updates) {
        const row = rows.get(u.requestKey);
        if (!row || row.leaseOwner !== owner) continue;
        const { number, issuedAt, ...rest } = copy(u);
        row.record = { ...row.record, ...rest, updatedAt: now };
        if (number !== undefined) row.record.number = number;
        if (issuedAt !== undefined) row.record.issuedAt = issuedAt;
        row.leaseOwner = undefined;
        row.leaseUntil = 0;
      }
    },
    async list(keys?: readonly string[]) {
      const all = keys ? keys.flatMap((k) => rows.get(k) ?? []) : [...rows.values()];
      return all.map((row) => copy(row.record));
    },
    async progress(keys: readonly string[]) {
      const progress: BatchProgress = { done: 0, issued: 0, open: 0 };
      for (const key of keys) {
        const record = rows.get(key)?.record;
        if (!record) continue;
        if (UNFINISHED_STATUSES.includes(record.status)) {
          progress.open++;
          progress.nextAttemptAt = Math.min(progress.nextAttemptAt ?? Infinity, record.nextAttemptAt);
        } else {
          progress.done++;
          if (record.status === "issued") progress.issued++;
        }
      }
      return progress;
    },
    async findByNumber(number: string) {
      for (const row of rows.values()) {
        if (row.record.number === number && row.record.status === "issued") return copy(row.record);
      }
      return undefined;
    },
    async leaseOwners(now: number) {
      const owners = new Set<string>();
      for (const row of rows.values())
        if (row.leaseOwner !== undefined && row.leaseUntil > now) owners.add(row.leaseOwner);
      return [...owners];
    },
    async releaseLeases(owners: readonly string[]) {
      for (const row of rows.values()) {
        if (row.leaseOwner !== undefined && owners.includes(row.leaseOwner)) {
          row.leaseOwner = undefined;
          row.leaseUntil = 0;
        }
      }
    },
    async insertForm(blueNumber: string, make: (existing: RedFormRecord[]) => RedFormRecord | Diagnostic[]) {
      const made = make([...forms.values()].filter((f) => f.blueNumber === blueNumber).map(copy));
      if (!Array.isArray(made)) forms.set(made.formKey, copy(made));
      return made;
    },
    async saveForm(form: RedFormRecord) {
      forms.set(form.formKey, copy(form));
    },
    async getForm(id: string) {
      const form = forms.get(id) ?? [...forms.values()].find((f) => f.formId === id);
      return form && copy(form);
    },
    async listForms(blueNumber?: string) {
      return [...forms.values()]
        .filter((f) => blueNumber === undefined || f.blueNumber === blueNumber)
        .map(copy);
    },
    uses: createMemoryUseStore(),
    async close() {},
  };
}
