import { fileURLToPath } from "node:url";

/**
 * The absolute path of the standard pack's directory (`standard/` in the package), for reading the rule
 * files themselves (e.g. `efapiao rules test` on the standard pack). Found relative to this module, which
 * sits two levels below the package root both as `src/node/standard-dir.ts` and bundled into
 * `dist/node/index.js` — so this file must stay directly in `src/node/`.
 */
export function standardPackDir(): string {
  return fileURLToPath(new URL("../../standard/", import.meta.url));
}
