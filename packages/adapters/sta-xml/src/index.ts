/**
 * @efapiao/sta-xml: the STA platform's EInvoice XML (the issued 数电票 file) ⇄ the issued-invoice model,
 * and the hardened XML layer (size and depth limits, no DTDs) that the other XML adapters share.
 */
export { type ParseStaXmlOptions, parseStaXml } from "./read-sta.js";
export { type WriteStaXmlOptions, writeStaXml } from "./write-sta.js";
export { type DocumentFormat, DOCBITS_NAMESPACE, detectDocumentFormat } from "./detect.js";
export { DEFAULT_VERSION, LAYOUT, SUPPORTED_VERSIONS } from "./layout.js";
export { inferLineNatures, lineNatureWarnings } from "./line-nature.js";
export { joinItemName, splitItemName } from "./item-name.js";
export { type DroppableField, droppedFieldWarnings, xmlCharacterErrors } from "./losses.js";
export { compact } from "./compact.js";
export { guardXml, XML_LIMITS, type XmlLimits } from "./xml/guard.js";
export { decodeXmlBytes } from "./xml/encoding.js";
export { readXml } from "./xml/read.js";
export { PLATFORM_DECLARATION, type WriteXmlOptions, writeXml } from "./xml/write.js";
export { localName, XmlCursor } from "./xml/cursor.js";
export { FieldReader, percentToRate, toMoney } from "./xml/fields.js";
