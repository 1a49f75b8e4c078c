/**
 * What the search reads from a table, column by column. A table loaded from a pack registers its columns
 * here so that searching never has to build its 4,236 entry objects; any other table (the built-in list,
 * one made with createCodeTable) is read through its entries.
 */
import type { CodeEntry, CodeTable } from "./code-table.js";

export interface SearchColumns {
  /** The entry of a row (0-based, table order). */
  entryAt(row: number): CodeEntry;
  code(): readonly string[];
  name(): readonly string[];
  shortName(): readonly string[];
  keywords(): readonly string[];
  description(): readonly string[];
  summary(): readonly boolean[];
}

const registry = new WeakMap<CodeTable, SearchColumns>();

/** Called by a table implementation that can hand its columns over directly. */
export function registerSearchColumns(table: CodeTable, columns: SearchColumns): void {
  registry.set(table, columns);
}

/** The search columns of a table: registered ones, or ones read from its entries. */
export function searchColumnsOf(table: CodeTable): SearchColumns {
  const registered = registry.get(table);
  if (registered !== undefined) return registered;
  const entries = [...table.entries()];
  return {
    entryAt: (row) => entries[row]!,
    code: () => entries.map((entry) => entry.code),
    name: () => entries.map((entry) => entry.name),
    shortName: () => entries.map((entry) => entry.shortName),
    keywords: () => entries.map((entry) => entry.keywords ?? ""),
    description: () => entries.map((entry) => entry.description ?? ""),
    summary: () => entries.map((entry) => entry.summary),
  };
}
