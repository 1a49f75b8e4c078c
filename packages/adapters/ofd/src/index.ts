/**
 * @efapiao/ofd: the OFD files (GB/T 33190) in which the platform hands out fapiao, read into the received-
 * invoice model — safely (zip limits, no path traversal, hardened XML), from an attached invoice XML or
 * from the custom tags that point at page text, with the source of every field.
 */
export { looksLikeOfd, type OfdReading, type ReadOfdOptions, readOfd } from "./read-ofd.js";
export {
  issuedToReceived,
  parseReceivedInvoice,
  type ReceivedInvoice,
  ReceivedInvoiceSchema,
  type ReceivedLine,
  receivedToInvoice,
} from "./received.js";
export { describeSource, type FieldSource } from "./fields/source.js";
export { OFD_LIMITS, type OfdLimits } from "./zip/limits.js";
export { openZip, ZipArchive, type ZipEntry } from "./zip/archive.js";
export { resolveLoc } from "./package/loc.js";
