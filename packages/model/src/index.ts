export * from "./diagnostic.js";
export { JSON_LIMITS, type JsonLimits, parseJsonText } from "./json-text.js";
export { decodeUtf8, invalidUtf8Offset } from "./utf8.js";
export * from "./decimal-text.js";
export * from "./sale.js";
export * from "./invoice.js";
export * from "./field-names.js";
export * from "./platform-view.js";
export { zodIssuesToDiagnostics, type IssueParams } from "./zod-diagnostics.js";
export {
  checkTaxId,
  describeUscc,
  idCardCheckCharacter,
  isValidIdCard,
  isValidUscc,
  USCC_CHARSET,
  usccCheckCharacter,
  type TaxIdCheck,
  type TaxIdForm,
  type TaxIdOptions,
  type TaxIdProblem,
  type UsccDescription,
  type UsccPart,
} from "./tax-id.js";
export { FIRST_INVOICE_NUMBER_YEAR, type InvoiceNumber, parseInvoiceNumber } from "./invoice-number.js";
export * from "./issued.js";
