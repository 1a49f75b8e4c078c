/**
 * Calendar dates as the model writes them (YYYY-MM-DD). A module without zod, like values.ts and
 * diagnostic.ts: packages that only need these helpers (the rule engine in a browser) do not pull the
 * schemas and zod into their bundle.
 */

/**
 * True when `value` is YYYY-MM-DD and names a real calendar day.
 * @example
 * isCalendarDate("2024-02-29"); // true
 * isCalendarDate("2026-02-29"); // false
 */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
