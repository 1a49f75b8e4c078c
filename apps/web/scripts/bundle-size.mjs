// `pnpm bench` for the web app: the JavaScript the first page load runs (the entry module and what it
// preloads, read from dist/index.html), gzipped at level 9, against the 300 kB target. Builds first
// when dist/ is missing.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
if (!existsSync(join(dist, "index.html"))) execFileSync("npx", ["vite", "build"], { stdio: "inherit" });
const html = readFileSync(join(dist, "index.html"), "utf8");
const scripts = [
  ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g),
].map((m) => m[1]);
let raw = 0;
let gzipped = 0;
for (const file of scripts) {
  const bytes = readFileSync(join(dist, file));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(
  `| initial JS (${scripts.length} file${scripts.length === 1 ? "" : "s"}) | raw | gzip | target | × target |`,
);
console.log("|---|---|---|---|---|");
console.log(
  `| ${scripts.join(", ")} | ${kB(raw)} | ${kB(gzipped)} | ≤ 300 kB ${gzipped <= 300_000 ? "✓" : "✗"} | ${(gzipped / 300_000).toFixed(2)} |`,
);
if (gzipped > 300_000) process.exitCode = 1;
