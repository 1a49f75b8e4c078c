/**
 * `pnpm fuzz [TARGET…]`: runs every parser (or those named, e.g. `pnpm fuzz "platform XML"`) on
 * EFAPIAO_FUZZ_RUNS inputs each (default 100,000) and reports crashes and broken invariants with the
 * shrunk input that shows them, then the rules package's build ⇄ validate property on as many generated
 * sales ("build agrees with validate"). Exit 1 when anything failed. EFAPIAO_FUZZ_SEED replays a run.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { Crash, fuzzRuns, property, TARGETS } from "./targets.js";

const runs = fuzzRuns(100_000);
const seed = process.env.EFAPIAO_FUZZ_SEED ? Number(process.env.EFAPIAO_FUZZ_SEED) : Date.now() % 2 ** 31;
const wanted = process.argv.slice(2);
/** The rules package's property (issue 9, item 1): build output passes the standard pack. */
const BUILD_AGREES = "build agrees with validate";
const targets = wanted.length === 0 ? TARGETS : TARGETS.filter((t) => wanted.includes(t.name));
if (targets.length === 0 && !wanted.includes(BUILD_AGREES)) {
  const names = [...TARGETS.map((t) => t.name), BUILD_AGREES].join(", ");
  console.error(`unknown target(s) ${wanted.join(", ")}; targets: ${names}`);
  process.exit(2);
}

console.log(`efapiao fuzz: ${runs} inputs per parser, seed ${seed}`);
let failed = 0;
for (const target of targets) {
  const start = performance.now();
  const details = await fc.check(property(target), { numRuns: runs, seed });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (!details.failed) {
    console.log(`  ok      ${target.name}: ${details.numRuns} inputs, ${seconds} s`);
    continue;
  }
  failed++;
  const error = details.errorInstance;
  const kind = error instanceof Crash ? "CRASH" : "BROKEN";
  console.log(`  ${kind.padEnd(7)} ${target.name}: after ${details.numRuns} inputs, ${seconds} s`);
  console.log(`    input (shrunk): ${JSON.stringify(details.counterexample?.[0]).slice(0, 2000)}`);
  console.log(
    `    ${String((error as Error)?.message ?? error)
      .split("\n")
      .slice(0, 12)
      .join("\n    ")}`,
  );
  console.log(`    replay: EFAPIAO_FUZZ_SEED=${seed} pnpm fuzz "${target.name}"`);
}
if (wanted.length === 0 || wanted.includes(BUILD_AGREES)) failed += buildAgrees();
console.log(
  failed === 0 ? "efapiao fuzz: no crash, no broken invariant" : `efapiao fuzz: ${failed} target(s) failed`,
);
process.exitCode = failed === 0 ? 0 : 1;

/**
 * Runs the rules package's build ⇄ validate property with the same number of generated sales, through its
 * own vitest setup (it lives with the standard pack it checks). Returns 1 when it failed.
 */
function buildAgrees(): number {
  const start = performance.now();
  const rules = fileURLToPath(new URL("../../../packages/rules/", import.meta.url));
  const run = spawnSync("npx", ["vitest", "run", "test/build-agrees.test.ts"], {
    cwd: rules,
    env: { ...process.env, EFAPIAO_FUZZ_RUNS: String(runs) },
    encoding: "utf8",
  });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (run.status === 0) {
    console.log(`  ok      ${BUILD_AGREES}: ${runs} generated sales, ${seconds} s`);
    return 0;
  }
  console.log(`  BROKEN  ${BUILD_AGREES}: ${seconds} s`);
  console.log(`${run.stdout}${run.stderr}`.split("\n").slice(-40).join("\n"));
  return 1;
}
