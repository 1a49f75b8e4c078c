import { mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared";

// Hooks import the official xlsx table (4,236 rows) through the CLI: a few seconds alone, more than vitest's
// 10 s default on a loaded 2-core CI machine; the tests' own timeout applies to hooks too.
export default mergeConfig(sharedConfig, { test: { hookTimeout: 60_000 } });
