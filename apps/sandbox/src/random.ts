/**
 * A seedable source of random numbers, so that a test that injects faults sees the same faults on every run.
 * mulberry32: 32 bits of state, uniform enough for choosing faults; not for anything secret.
 */

/** Returns numbers in [0, 1). */
export type Random = () => number;

/**
 * A random source; the same seed gives the same sequence.
 * @example
 * const random = seededRandom(42);
 * random(); // the same first number on every run
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
