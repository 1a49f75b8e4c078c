import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The absolute path of the standard pack's directory (`standard/` in the package), for reading the rule
 * files themselves (e.g. `efapiao rules test` on the standard pack). Found relative to this module: two
 * levels up from `src/node/standard-dir.ts` and from the bundle `dist/node/index.js`, one level up when a
 * tool bundles it into a single file next to a copy of `standard/` (the VS Code extension's server).
 * @example
 * const pack = await loadPack(standardPackDir(), { name: "standard" });
 */
export function standardPackDir(): string {
  const packaged = fileURLToPath(new URL("../../standard/", import.meta.url));
  const bundled = fileURLToPath(new URL("../standard/", import.meta.url));
  return existsSync(packaged) || !existsSync(bundled) ? packaged : bundled;
}
