// One build setup for every package (DESIGN.md, Conventions): ESM only, .d.ts beside the JavaScript,
// source maps, Node 20. A package names only its entry points.
import { defineConfig, type Options } from "tsup";

export function packageBuild(entry: Options["entry"] = ["src/index.ts"], extra: Options = {}) {
  return defineConfig({
    entry,
    format: ["esm"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
    ...extra,
  });
}

/**
 * One output module per source module (no bundling), for a package whose main entry mixes light helpers
 * with heavy ones: with `sideEffects: false`, a consumer's bundler then drops the modules it does not use.
 */
export function unbundledPackageBuild() {
  return packageBuild(["src/**/*.ts", "!src/**/*.test.ts"], { bundle: false });
}
