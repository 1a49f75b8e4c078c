// One build setup for every package (DESIGN.md, Conventions): ESM only, .d.ts beside the JavaScript,
// source maps, Node 20. A package names only its entry points.
import { defineConfig, type Options } from "tsup";

export function packageBuild(entry: Options["entry"] = ["src/index.ts"]) {
  return defineConfig({ entry, format: ["esm"], dts: true, clean: true, sourcemap: true, target: "node20" });
}
