/**
 * Time as the sandbox sees it. Red-letter forms expire 72 hours after they are raised, and tests must be able
 * to move past that without waiting: the sandbox reads time only through a {@link Clock}, which tests replace
 * with a {@link ManualClock}.
 */

/** A source of the current time in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** A clock that stands still until moved. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the clock to an instant (ISO 8601 text or milliseconds). */
  set(instant: string | number): void;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock for tests: starts at `start` (default: now) and moves only when told.
 * @example
 * const clock = manualClock("2026-05-18T10:00:00+08:00");
 * clock.advance(73 * HOUR); // a form raised at the start has now expired
 */
export function manualClock(start: string | number = Date.now()): ManualClock {
  let current = toMillis(start);
  return {
    now: () => current,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock can only move forward (got ${ms} ms)`);
      current += ms;
    },
    set(instant) {
      current = toMillis(instant);
    },
  };
}

function toMillis(instant: string | number): number {
  const ms = typeof instant === "number" ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return ms;
}

export const HOUR = 3_600_000;

const SHANGHAI_OFFSET = 8 * HOUR;

/**
 * An instant as the platform writes it, in Beijing time with its offset: `2026-05-18T10:21:07+08:00`.
 * @example
 * shanghaiIso(Date.UTC(2026, 4, 18, 2, 21, 7)) // "2026-05-18T10:21:07+08:00"
 */
export function shanghaiIso(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 19)}+08:00`;
}

/** The calendar day in Beijing, YYYY-MM-DD. */
export function shanghaiDate(ms: number): string {
  return shanghaiIso(ms).slice(0, 10);
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, the form most provider answers use. */
export function shanghaiDateTime(ms: number): string {
  return shanghaiIso(ms).slice(0, 19).replace("T", " ");
}
