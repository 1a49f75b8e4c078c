/**
 * One fuzz target as a CI test: 10,000 inputs (EFAPIAO_FUZZ_RUNS overrides; `pnpm fuzz` runs 100,000). Each
 * target has its own test file so that vitest runs them on parallel workers. A failure prints the shrunk
 * input and whether the parser crashed or broke an invariant.
 */
import fc from "fast-check";
import { it } from "vitest";
import { type FuzzTarget, fuzzRuns, property } from "../src/targets.js";

export function fuzzTest(target: FuzzTarget): void {
  const runs = fuzzRuns(10_000);
  it(`${target.name}: ${runs} inputs, no crash, invariants hold`, async () => {
    await fc.assert(property(target), { numRuns: runs });
  });
}
