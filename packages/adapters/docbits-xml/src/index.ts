/**
 * @efapiao/docbits-xml: the DocBits fapiao XML (`urn:china:tax:fapiao:1.0`, root `fapiao`) — write it
 * from an invoice, read it, map it back to an invoice, and classify it the way DocBits does.
 */
export { classifyDocbits, DOCBITS_DOCUMENT_TYPES, type DocbitsClass } from "./classify.js";
export {
  DOCBITS_NAMESPACE,
  type DocbitsFapiao,
  DocbitsFapiaoSchema,
  type DocbitsItem,
  type DocbitsParty,
  EFAPIAO_EXTENSION_NAMESPACE,
} from "./document.js";
export { readDocbitsXml } from "./read.js";
export { type DocbitsToInvoiceOptions, docbitsToInvoice } from "./to-invoice.js";
export {
  invoiceToDocbits,
  type WriteDocbitsOptions,
  writeDocbitsDocument,
  writeDocbitsXml,
} from "./write.js";
