/** The pool of pre-assigned numbers in memory (tests, the memory store): the same rules, no durability. */
import type { NumberPool } from "./types.js";

interface Entry {
  number: string;
  requestKey?: string;
  acceptance?: string;
}

/**
 * @example
 * const pool = memoryNumberPool();
 * await pool.add("leqi:913…", ["24442000000071309399"], Date.now());
 */
export function memoryNumberPool(): NumberPool {
  const scopes = new Map<string, Map<string, Entry>>();
  const scope = (name: string) => {
    const entries = scopes.get(name) ?? new Map<string, Entry>();
    scopes.set(name, entries);
    return entries;
  };
  const entryOf = (name: string, requestKey: string) =>
    [...scope(name).values()].find((e) => e.requestKey === requestKey);
  return {
    async add(name, numbers) {
      const entries = scope(name);
      let added = 0;
      for (const number of numbers) {
        if (entries.has(number)) continue;
        entries.set(number, { number });
        added++;
      }
      return added;
    },
    async take(name, requestKey) {
      const given = entryOf(name, requestKey);
      if (given) return given.number;
      const free = [...scope(name).values()]
        .filter((e) => e.requestKey === undefined)
        .sort((a, b) => a.number.localeCompare(b.number))[0];
      if (!free) return undefined;
      free.requestKey = requestKey;
      return free.number;
    },
    async numberOf(name, requestKey) {
      return entryOf(name, requestKey)?.number;
    },
    async setAcceptance(name, requestKey, acceptance) {
      const entry = entryOf(name, requestKey);
      if (entry) entry.acceptance = acceptance;
    },
    async acceptanceOf(name, requestKey) {
      return entryOf(name, requestKey)?.acceptance;
    },
    async free(name) {
      return [...scope(name).values()].filter((e) => e.requestKey === undefined).length;
    },
  };
}
