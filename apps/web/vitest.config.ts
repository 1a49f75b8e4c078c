import { mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared";

// Unit tests only; the browser tests have their own config (vitest.browser.config.ts).
export default mergeConfig(sharedConfig, { test: { exclude: ["test/browser/**", "node_modules/**"] } });
