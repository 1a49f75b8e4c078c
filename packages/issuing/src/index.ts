/**
 * @efapiao/issuing: issue e-fapiao exactly once. The workflow (validate → record the intent → send →
 * record the outcome, ambiguity resolved by query), the red-letter life cycle, and the store interface
 * with an in-memory store. The SQLite and PostgreSQL stores are in `@efapiao/issuing/node`.
 */
export * from "./provider.js";
export * from "./store/types.js";
export { createMemoryStore } from "./store/memory.js";
export {
  canonicalJson,
  type Check,
  derivedKey,
  hashContent,
  type PrepareOptions,
  type PreparedDocument,
  prepareDocument,
  REQUEST_KEY,
} from "./prepare.js";
export {
  type IssueReport,
  Issuer,
  type IssuerOptions,
  type Progress,
  reportOf,
  type RunOptions,
  type Submission,
} from "./issuer.js";
export { planReversal, type Reversal, type ReversalPlan } from "./red/reversal.js";
export {
  type ApplyRequest,
  AWAITING_STATES,
  EXPIRY_MS,
  type FormReport,
  RedLetter,
  type RedLetterOptions,
  USABLE_STATES,
  VOID_STATES,
} from "./red/forms.js";
export { terminalProgress } from "./progress.js";
export { fromProvider } from "./port.js";
export { missingNumbers, numberScope, type PreassignedNumbers, preassignedNumbers } from "./numbers.js";
