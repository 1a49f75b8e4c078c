// Bundles @efapiao/rules' main entry with the standard pack for a browser, from the fresh project where the
// tarballs were installed (argv[2]), with esbuild (argv[3]) on platform "browser": a Node built-in anywhere in
// the graph cannot resolve there, so the build fails. Reports the minified and gzipped sizes against the
// 150 kB (gzipped) target; a bundle over the target is reported, not failed, as the issue sets a target.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const [project, esbuild] = process.argv.slice(2);
const entry = join(project, "browser-entry.mjs");
const out = join(project, "browser-bundle.js");
// What the playground does: the standard pack, a validator, a document checked in the page.
writeFileSync(
  entry,
  `import { createValidator, diagnose, loadStandardPack } from "@efapiao/rules";
   const check = createValidator({ packs: [await loadStandardPack()] });
   globalThis.efapiao = { check, diagnose };`,
);
execFileSync(
  esbuild,
  [
    entry,
    "--bundle",
    "--minify",
    "--format=esm",
    "--platform=browser",
    "--target=es2022",
    `--outfile=${out}`,
    "--log-level=warning",
  ],
  { cwd: project, stdio: "inherit" },
);
const code = readFileSync(out);
for (const builtin of ["node:", 'from"fs', 'from"path', 'from"url', "iconv-lite"]) {
  if (code.includes(builtin)) throw new Error(`the browser bundle contains ${builtin}`);
}
const kB = (n) => (n / 1024).toFixed(1);
const gzipped = gzipSync(code, { level: 9 }).length;
console.log(
  `  browser bundle: ${kB(code.length)} kB minified, ${kB(gzipped)} kB gzipped (target ≤ 150 kB): ${gzipped <= 150 * 1024 ? "ok" : "OVER TARGET"}`,
);
