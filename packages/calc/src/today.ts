/**
 * Today's date where invoices are issued. The platform dates invoices in China Standard Time, so a sale
 * built at 01:00 in Shanghai is dated that day even on a server running in UTC (where it is still
 * yesterday).
 */

const SHANGHAI = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The calendar date in Asia/Shanghai, YYYY-MM-DD.
 * @param now the instant to date (default: now)
 * @example
 * todayInShanghai(new Date("2026-05-17T16:30:00Z")) // "2026-05-18" (00:30 in Shanghai)
 */
export function todayInShanghai(now: Date = new Date()): string {
  const parts: Record<string, string> = {};
  for (const part of SHANGHAI.formatToParts(now)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}
