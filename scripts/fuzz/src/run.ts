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
/**
 * Properties that live with the package they check, run through its own vitest setup with the same number
 * of inputs: the rules package's build ⇄ validate (issue 9, item 1: build output passes the standard pack)
 * and the OFD reader's (damaged files, damaged parts, random archives: bytes, not text).
 */
const PACKAGE_PROPERTIES = [
  {
    name: "build agrees with validate",
    dir: "packages/rules/",
    file: "test/build-agrees.test.ts",
    what: "generated sales",
  },
  {
    name: "OFD files",
    dir: "packages/adapters/ofd/",
    file: "test/fuzz.test.ts",
    what: "inputs per property",
  },
];
const targets = wanted.length === 0 ? TARGETS : TARGETS.filter((t) => wanted.includes(t.name));
const properties = PACKAGE_PROPERTIES.filter((p) => wanted.length === 0 || wanted.includes(p.name));
if (targets.length === 0 && properties.length === 0) {
  const names = [...TARGETS.map((t) => t.name), ...PACKAGE_PROPERTIES.map((p) => p.name)].join(", ");
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
for (const p of properties) failed += packageProperty(p);
console.log(
  failed === 0 ? "efapiao fuzz: no crash, no broken invariant" : `efapiao fuzz: ${failed} target(s) failed`,
);
process.exitCode = failed === 0 ? 0 : 1;

/** Runs one package's property with the same number of inputs, through its own vitest setup; 1 when it failed. */
function packageProperty(p: (typeof PACKAGE_PROPERTIES)[number]): number {
  const start = performance.now();
  const run = spawnSync("npx", ["vitest", "run", p.file], {
    cwd: fileURLToPath(new URL(`../../../${p.dir}`, import.meta.url)),
    env: { ...process.env, EFAPIAO_FUZZ_RUNS: String(runs) },
    encoding: "utf8",
  });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (run.status === 0) {
    console.log(`  ok      ${p.name}: ${runs} ${p.what}, ${seconds} s`);
    return 0;
  }
  console.log(`  BROKEN  ${p.name}: ${seconds} s`);
  console.log(`${run.stdout}${run.stderr}`.split("\n").slice(-40).join("\n"));
  return 1;
}
