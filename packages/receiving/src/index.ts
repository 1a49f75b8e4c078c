/**
 * @efapiao/receiving: the buyer's side of the e-fapiao — read received files (OFD, the platform's XML,
 * JSON), check them with the rule packs, verify them with the platform (查验) through a provider, and take
 * in a batch as one report (JSON or CSV). File-system helpers are in `@efapiao/receiving/node`.
 */
export { type ReceivedDocument, type ReceivedFormat, readReceived, ruleFindings } from "./read.js";
export {
  compareWithPlatform,
  describeVerification,
  type FieldDifference,
  type Verification,
  type VerificationStatus,
  verificationQuery,
  verifyElements,
  verifyInvoice,
} from "./verify.js";
export {
  type IntakeEntry,
  type IntakeFile,
  type IntakeOptions,
  type IntakeReport,
  intake,
} from "./intake.js";
export { CSV_COLUMNS, intakeCsv } from "./report.js";
export {
  UseConfirmation,
  type UseConfirmationOptions,
  type UseReport,
  type UseRequest,
} from "./use/confirm.js";
export {
  createMemoryUseStore,
  oldestFirst,
  type UseAction,
  type UseRecord,
  type UseRecordStatus,
  type UseStore,
} from "./use/store.js";
