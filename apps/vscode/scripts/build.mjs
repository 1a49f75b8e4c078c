// Builds the extension: bundles the client (CommonJS, as VS Code loads it) and the language server (ESM,
// forked by the client) with every dependency inside, copies the grammar and the standard pack beside
// them, and packages the .vsix with vsce. The .vsix lands in dist/ (CI keeps it as the build's artifact).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(dirname(fileURLToPath(import.meta.url)));
// Workspace packages are linked into node_modules (their exports do not list package.json).
const rules = join(here, "node_modules/@efapiao/rules");

rmSync(join(here, "dist"), { recursive: true, force: true });
for (const folder of ["syntaxes", "standard"]) {
  rmSync(join(here, folder), { recursive: true, force: true });
  cpSync(join(rules, folder), join(here, folder), { recursive: true });
}
mkdirSync(join(here, "dist"), { recursive: true });

const common = {
  bundle: true,
  platform: "node",
  target: "node18",
  logLevel: "warning",
  conditions: ["source"],
};
await build({
  ...common,
  entryPoints: [join(here, "src/extension.ts")],
  outfile: join(here, "dist/extension.cjs"),
  format: "cjs",
  external: ["vscode"],
});
await build({
  ...common,
  entryPoints: [join(here, "src/server.ts")],
  outfile: join(here, "dist/server.mjs"),
  format: "esm",
  // CommonJS dependencies inside an ES module still call require(): give them one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

const vsce = join(here, "node_modules/@vscode/vsce/vsce");
execFileSync(
  process.execPath,
  [vsce, "package", "--no-dependencies", "--out", join(here, "dist/efapiao-rules.vsix")],
  {
    cwd: here,
    stdio: ["ignore", "inherit", "inherit"],
  },
);
