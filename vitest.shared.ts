// Shared vitest settings: resolve workspace packages through their `source` export condition so
// tests run against src/ without a prebuild (see DESIGN.md, Conventions).
import { defineConfig } from "vitest/config";

export const sharedConfig = defineConfig({
  resolve: { conditions: ["source", "module", "node", "import", "default"] },
  ssr: { resolve: { conditions: ["source", "module", "node", "import", "default"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // Hooks load large inputs (the official xlsx, the PDF font); on a loaded 2-core machine 10 s is too short.
    hookTimeout: 30_000,
  },
});
