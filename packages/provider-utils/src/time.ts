/**
 * Times as the providers write them: China Standard Time (UTC+8, no daylight saving), whatever the
 * machine's time zone.
 */

const CST_OFFSET_MS = 8 * 3600 * 1000;

/** The parts of an instant in UTC+8. */
function cstParts(instant: Date) {
  const shifted = new Date(instant.getTime() + CST_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`,
  };
}

/**
 * "YYYY-MM-DD HH:mm:ss" in UTC+8.
 * @example
 * cstDateTime(new Date("2022-01-13T04:30:00Z")) // "2022-01-13 12:30:00"
 */
export function cstDateTime(instant: Date): string {
  const { date, time } = cstParts(instant);
  return `${date} ${time}`;
}

/**
 * ISO 8601 with the +08:00 offset, as the port's `issuedAt`.
 * @example
 * cstIso(new Date(1790121600000)) // "2026-09-24T08:00:00+08:00"
 */
export function cstIso(instant: Date): string {
  const { date, time } = cstParts(instant);
  return `${date}T${time}+08:00`;
}

/**
 * A provider's date-time text read as UTC+8 ("2026-05-21 15:26:32", "20260521152632", "2026-05-21"), or
 * undefined when it is none of these.
 * @example
 * parseCstDateTime("20260521152632")?.toISOString() // "2026-05-21T07:26:32.000Z"
 */
export function parseCstDateTime(text: string): Date | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T]?(\d{2}):?(\d{2}):?(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const utc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - CST_OFFSET_MS;
  const date = new Date(utc);
  if (cstParts(date).date !== `${match[1]}-${match[2]}-${match[3]}`) return undefined;
  return date;
}
