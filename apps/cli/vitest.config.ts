import { defineConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared";

// As the shared settings, without the "module" and "import" conditions, which Node would also apply to `require`: pg-pool's "import" export is an ES module that
// pg (CommonJS) cannot `require`, and Node's own resolution is the right one for these server packages.
const conditions = ["source", "node", "default"];

// Hooks import the official xlsx table (4,236 rows) through the CLI: a few seconds alone, more than vitest's
// 10 s default on a loaded 2-core CI machine; the tests' own timeout applies to hooks too.
export default defineConfig({
  ...sharedConfig,
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["node"] } },
  test: { ...sharedConfig.test, testTimeout: 60_000, hookTimeout: 60_000 },
});
