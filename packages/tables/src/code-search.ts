/**
 * Keyword search over a classification-code table: Chinese words (or several, separated by spaces) looked up
 * in names (SPMC), keywords (GJZ), 简称 (SPBMJC) and descriptions (SM); digits look up code prefixes.
 * Ranking: leaf codes first (only they can go on an invoice), then by where the words matched (an exact name
 * beats a name that starts with the word, then one that contains it, then a keyword, a 简称, a
 * description), then shorter names, then code order.
 *
 * Chinese has no spaces, so a query like 开发软件 may match nothing word for word; then the search falls back
 * to the query's two-character pieces (开发, 发软, 软件) and keeps rows that contain at least half of them,
 * marking the result `fuzzy`.
 *
 * How it stays fast: each field is one long lower-cased string with the rows separated by NUL, plus the
 * offset where every row starts. Finding a word is then a few native indexOf scans over the whole field,
 * each hit mapped to its row by binary search, instead of 4,236 × 4 small `includes` calls. The index is
 * built on a table's first search (not at load) and kept for that table.
 */
import type { CodeEntry, CodeTable } from "./code-table.js";
import { type SearchColumns, searchColumnsOf } from "./search-columns.js";

export type SearchField = "code" | "name" | "keywords" | "shortName" | "description";

export interface CodeSearchOptions {
  /** At most this many hits are returned (default 20); `total` still counts all. */
  limit?: number;
  /** Leave summary rows out. */
  leavesOnly?: boolean;
}

export interface CodeSearchHit {
  entry: CodeEntry;
  score: number;
  /** The fields in which the words were found. */
  matchedIn: SearchField[];
}

export interface CodeSearchResult {
  /** The words searched for, as split from the query. */
  terms: string[];
  /** True when nothing matched word for word and the hits come from two-character pieces of the words. */
  fuzzy: boolean;
  /** How many rows matched in all. */
  total: number;
  hits: CodeSearchHit[];
}

/** Points for a word found in a field: exact > prefix > contained; names weigh most. */
const WEIGHT = {
  codeExact: 200,
  codePrefix: 50,
  nameExact: 100,
  namePrefix: 60,
  name: 40,
  keywordExact: 35,
  keyword: 20,
  shortNameExact: 30,
  shortName: 15,
  description: 5,
} as const;

const FIELD_BITS: Record<SearchField, number> = {
  code: 1,
  name: 2,
  keywords: 4,
  shortName: 8,
  description: 16,
};
const SEPARATOR = "\u0000";
/** More words (or fallback pieces) than this is not a search; the rest are ignored. */
const MAX_TERMS = 16;
const MAX_PIECES = 64;

/** One searchable field: every row's lower-cased text joined by NUL, and where each row starts. */
interface FieldText {
  values: readonly string[];
  text: string;
  /** starts[row] = offset of the row in `text`; starts[rows] = text.length + 1. */
  starts: Int32Array;
}

interface SearchIndex {
  rows: number;
  columns: SearchColumns;
  code: readonly string[];
  summary: readonly boolean[];
  name: FieldText;
  keywords: FieldText;
  shortName: FieldText;
  description: FieldText;
}

const indexes = new WeakMap<CodeTable, SearchIndex>();

/**
 * Searches a table.
 * @example
 * searchCodes(table, "软件开发").hits[0]?.entry.code // "3040201010000000000"
 * searchCodes(table, "餐饮 服务", { limit: 5 })       // rows matching both words
 * searchCodes(table, "304020101").hits[0]?.entry.name // "软件开发服务" (a code prefix)
 */
export function searchCodes(
  table: CodeTable,
  query: string,
  options: CodeSearchOptions = {},
): CodeSearchResult {
  const terms = splitQuery(query);
  if (terms.length === 0) return { terms, fuzzy: false, total: 0, hits: [] };
  const index = searchIndex(table);
  let fuzzy = false;
  let rows = matchingRows(index, terms, terms.length, options);
  if (rows.matches.length === 0) {
    const pieces = bigrams(terms);
    if (pieces.join(SEPARATOR) !== terms.join(SEPARATOR)) {
      rows = matchingRows(index, pieces, Math.ceil(pieces.length / 2), options);
      fuzzy = rows.matches.length > 0;
    }
  }
  const { matches, score, fields } = rows;
  matches.sort(
    (a, b) =>
      Number(index.summary[a]) - Number(index.summary[b]) ||
      score[b]! - score[a]! ||
      index.name.values[a]!.length - index.name.values[b]!.length ||
      a - b,
  );
  const hits = matches.slice(0, options.limit ?? 20).map((row) => ({
    entry: index.columns.entryAt(row),
    score: score[row]!,
    matchedIn: (Object.keys(FIELD_BITS) as SearchField[]).filter((field) => fields[row]! & FIELD_BITS[field]),
  }));
  return { terms, fuzzy, total: matches.length, hits };
}

function splitQuery(query: string): string[] {
  // The separator cannot be part of a word, or a word could match across two rows.
  const words = query
    .toLowerCase()
    .replaceAll(SEPARATOR, " ")
    .split(/[\s,，、;；]+/)
    .filter((word) => word !== "");
  return [...new Set(words)].slice(0, MAX_TERMS);
}

function searchIndex(table: CodeTable): SearchIndex {
  let index = indexes.get(table);
  if (index === undefined) {
    const columns = searchColumnsOf(table);
    const code = columns.code();
    index = {
      rows: code.length,
      columns,
      code,
      summary: columns.summary(),
      name: fieldText(columns.name()),
      keywords: fieldText(columns.keywords()),
      shortName: fieldText(columns.shortName()),
      description: fieldText(columns.description()),
    };
    indexes.set(table, index);
  }
  return index;
}

function fieldText(original: readonly string[]): FieldText {
  // Lower-case row by row (not the joined text), since lower-casing may change a string's length.
  const values = original.map((value) => value.toLowerCase());
  const starts = new Int32Array(values.length + 1);
  let offset = 0;
  values.forEach((value, row) => {
    starts[row] = offset;
    offset += value.length + 1;
  });
  starts[values.length] = offset;
  return { values, text: values.join(SEPARATOR), starts };
}

/**
 * Scores every term over every row and keeps the rows that matched at least `needed` terms. Typed arrays
 * hold the per-row totals so that no object is made for a row that does not match.
 */
function matchingRows(index: SearchIndex, terms: string[], needed: number, options: CodeSearchOptions) {
  const score = new Int32Array(index.rows);
  const found = new Uint8Array(index.rows);
  const fields = new Uint8Array(index.rows);
  for (const term of terms) {
    const points = new Int32Array(index.rows);
    scoreTerm(index, term, points, fields);
    for (let row = 0; row < index.rows; row++) {
      const gained = points[row]!;
      if (gained > 0) {
        score[row] = score[row]! + gained;
        found[row] = found[row]! + 1;
      }
    }
  }
  const matches: number[] = [];
  for (let row = 0; row < index.rows; row++) {
    if (found[row]! >= needed && !(options.leavesOnly && index.summary[row])) matches.push(row);
  }
  return { matches, score, fields };
}

/** Adds the points `term` earns in each row to `points`, and marks the fields it was found in. */
function scoreTerm(index: SearchIndex, term: string, points: Int32Array, fields: Uint8Array): void {
  const credit = (row: number, field: SearchField, gained: number) => {
    points[row] = points[row]! + gained;
    fields[row] = fields[row]! | FIELD_BITS[field];
  };
  if (/^\d+$/.test(term)) {
    const full = term.padEnd(19, "0");
    index.code.forEach((code, row) => {
      if (code.startsWith(term)) credit(row, "code", code === full ? WEIGHT.codeExact : WEIGHT.codePrefix);
    });
    return;
  }
  forEachRowContaining(index.name, term, (row, value) => {
    const exactness =
      value === term ? WEIGHT.nameExact : value.startsWith(term) ? WEIGHT.namePrefix : WEIGHT.name;
    credit(row, "name", exactness);
  });
  forEachRowContaining(index.keywords, term, (row, value) => {
    credit(
      row,
      "keywords",
      value.split(/[、,，;；\s]+/).includes(term) ? WEIGHT.keywordExact : WEIGHT.keyword,
    );
  });
  forEachRowContaining(index.shortName, term, (row, value) => {
    credit(row, "shortName", value === term ? WEIGHT.shortNameExact : WEIGHT.shortName);
  });
  forEachRowContaining(index.description, term, (row) => credit(row, "description", WEIGHT.description));
}

/** Calls `visit` once for each row whose field contains `term` (terms never contain the separator). */
function forEachRowContaining(
  field: FieldText,
  term: string,
  visit: (row: number, value: string) => void,
): void {
  let position = field.text.indexOf(term);
  while (position !== -1) {
    const row = rowAt(field.starts, position);
    visit(row, field.values[row]!);
    position = field.text.indexOf(term, field.starts[row + 1]!);
  }
}

/** The row whose text contains `position`: the last row starting at or before it. */
function rowAt(starts: Int32Array, position: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Two-character pieces of the Chinese terms longer than two characters; other terms stay whole. */
function bigrams(terms: string[]): string[] {
  const pieces = new Set<string>();
  for (const term of terms) {
    const chars = [...term];
    if (chars.length <= 2 || !/\p{Script=Han}/u.test(term)) pieces.add(term);
    else for (let i = 0; i + 1 < chars.length; i++) pieces.add(chars[i]! + chars[i + 1]!);
  }
  return [...pieces].slice(0, MAX_PIECES);
}
