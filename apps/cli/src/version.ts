/** The CLI's version, read from its own package.json (beside src/ in development, beside dist/ installed). */
import { readFileSync } from "node:fs";

export function cliVersion(): string {
  try {
    const text = readFileSync(new URL("../package.json", import.meta.url), "utf8");
    return (JSON.parse(text) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}
