/**
 * A durable {@link UseStore} in one append-only file of JSON lines: each write appends the record whole
 * and is flushed to disk (fsync) before its promise resolves; reading replays the file, the last line of a
 * key winning. A line torn by a crash mid-write can only be the last one, and is ignored: the write it
 * carried was never acknowledged.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { UseRecord, UseStore } from "./store.js";

/**
 * @example
 * const store = openUseFileStore(`${dataDir}/efapiao/use-confirmations.jsonl`);
 */
export function openUseFileStore(path: string): UseStore {
  mkdirSync(dirname(path), { recursive: true });
  const read = (): Map<string, UseRecord> => {
    const records = new Map<string, UseRecord>();
    if (!existsSync(path)) return records;
    const lines = readFileSync(path, "utf8").split("\n");
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      try {
        const record = JSON.parse(line) as UseRecord;
        records.set(record.key, record);
      } catch (error) {
        if (i < lines.length - 1 && lines.slice(i + 1).some((l) => l.trim() !== "")) {
          throw new Error(`${path}:${i + 1}: not a use record (${(error as Error).message})`);
        }
      }
    });
    return records;
  };
  const append = (record: UseRecord) => {
    const fd = openSync(path, "a");
    try {
      writeSync(fd, `${JSON.stringify(record)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  return {
    async list(buyerTaxId, period) {
      return [...read().values()]
        .filter((r) => r.buyerTaxId === buyerTaxId && (period === undefined || r.period === period))
        .sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key));
    },
    async insert(record) {
      if (read().has(record.key)) throw new Error(`use record ${record.key} exists`);
      append(record);
    },
    async update(record) {
      append(record);
    },
  };
}
