import { unbundledPackageBuild } from "../../tsup.shared";

// Unbundled: the rule engine in a browser uses the model's zod-free helpers (diagnostic.ts, dates.ts,
// decimal-text.ts, tax-id.ts, values.ts, field-names.ts) and must not pull in the schemas and zod.
export default unbundledPackageBuild();
