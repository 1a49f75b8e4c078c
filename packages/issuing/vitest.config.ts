import { defineConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared";

// As the shared settings, without the "module" and "import" conditions, which Node would also apply to `require`: pg-pool's "import" export is an ES module that
// pg (CommonJS) cannot `require`, and Node's own resolution is the right one for these server packages.
const conditions = ["source", "node", "default"];

export default defineConfig({
  ...sharedConfig,
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["node"] } },
  test: { ...sharedConfig.test, testTimeout: 60_000, hookTimeout: 60_000 },
});
