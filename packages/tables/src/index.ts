/**
 * `@efapiao/tables`: the tax tables of the e-fapiao. The classification-code table (types, the built-in
 * short list, the importer for the official layout, packs, look-up, search, 简称 renames) and the small
 * fixed tables (rates, policy flags, specific business, red-letter reasons and states, invoice kinds,
 * regions). Reading files and the local cache live in `@efapiao/tables/node`.
 */
export {
  type CodeEntry,
  type CodeTable,
  type CodeTableMeta,
  type OfficialExtras,
  createCodeTable,
} from "./code-table.js";
export { builtinCodeTable } from "./builtin.js";
export {
  BUILTIN_VERSION,
  checkInvoiceCode,
  describeTable,
  type InvoiceCodeCheck,
  normalizeCode,
  parentChain,
} from "./code-lookup.js";
export {
  type CodeSearchHit,
  type CodeSearchOptions,
  type CodeSearchResult,
  type SearchField,
  searchCodes,
} from "./code-search.js";
export {
  diffShortNames,
  knownRenames,
  type ShortNameRename,
  type ShortNameStatus,
  shortNameStatus,
} from "./short-names.js";
export {
  type Cell,
  type CodeImportOptions,
  type CodeImportResult,
  type ImportDiagnostic,
  importCodeGrid,
  OFFICIAL_COLUMNS,
  OFFICIAL_ROW_COUNTS,
  type OfficialColumn,
} from "./code-import.js";
export {
  CODE_PACK_FORMAT,
  CODE_PACK_FORMAT_VERSION,
  type CodePack,
  codeTableFromPack,
  encodeCodePack,
  type OfficialRow,
  PACK_COLUMNS,
  type PackColumn,
  type PackColumnName,
  type PackLoadResult,
  parseCodePack,
} from "./code-pack.js";
export { parseRateText, type RateTextResult } from "./rate-text.js";
export {
  isKnownRate,
  isRateInForce,
  type RateKind,
  type RatePeriod,
  ratesInForce,
  TAX_RATES,
  type TaxRate,
} from "./vat-rates.js";
export {
  POLICY_FLAGS,
  type PolicyFlagCode,
  policyFlag,
  policyFlagsForSpecialManagement,
} from "./policy-flags.js";
export { SPECIFIC_BUSINESSES, specificBusiness } from "./specific-business.js";
export {
  RED_LETTER_FORM_STATES,
  RED_LETTER_REASONS,
  type RedLetterFormState,
  redLetterFormState,
  redLetterReason,
} from "./red-letter.js";
export {
  INVOICE_KINDS,
  type InvoiceKind,
  type InvoiceKindCodes,
  type InvoiceKindSystem,
  invoiceKindCode,
  invoiceKindFromCode,
  PLATFORM_INVOICE_TYPES,
} from "./invoice-kinds.js";
export {
  type InvoiceNumberRegionOptions,
  type Region,
  type RegionKind,
  REGIONS,
  regionByCode,
  regionByTaxBureauCode,
  regionOfInvoiceNumber,
  taxBureauCodeFor,
} from "./regions.js";
export { codeLookup, type LabelledCode } from "./labels.js";
