/**
 * Use records written by efapiao before they moved into the store's database: one JSON-lines file (the
 * last line of a key winning; a last line torn by a crash ignored — its write was never acknowledged).
 * {@link importUseLines} moves them into a {@link UseStore} once and renames the file, so that nothing is
 * lost and nothing is imported twice.
 */
import { existsSync, readFileSync, renameSync } from "node:fs";
import type { UseRecord, UseStore } from "./store.js";

/** The records of a use-records file, each key's last line. Throws on a damaged line before the last. */
export function readUseLines(path: string): UseRecord[] {
  const records = new Map<string, UseRecord>();
  const lines = readFileSync(path, "utf8").split("\n");
  const last = lines.findLastIndex((l) => l.trim() !== "");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      const record = JSON.parse(line) as UseRecord;
      if (typeof record.key !== "string" || typeof record.buyerTaxId !== "string") throw new Error("no key");
      records.set(record.key, record);
    } catch (error) {
      if (i < last) throw new Error(`${path}:${i + 1}: not a use record (${(error as Error).message})`);
    }
  });
  return [...records.values()];
}

/**
 * Moves the records of an old use-records file into `store` — those whose key the store does not hold
 * yet, so that an import cut short is finished by the next one — and renames the file to `PATH.imported`.
 * @returns how many records were added, or undefined when there is no such file
 * @example
 * const added = await importUseLines(`${dataDir}/efapiao/use-confirmations.jsonl`, store.uses);
 */
export async function importUseLines(path: string, store: UseStore): Promise<number | undefined> {
  if (!existsSync(path)) return undefined;
  const records = readUseLines(path);
  const known = new Set<string>();
  for (const buyer of new Set(records.map((r) => r.buyerTaxId))) {
    for (const r of await store.list(buyer)) known.add(r.key);
  }
  let added = 0;
  for (const record of records) {
    if (known.has(record.key)) continue;
    await store.insert(record);
    added++;
  }
  renameSync(path, `${path}.imported`);
  return added;
}
