/**
 * DocBits' classification of a fapiao XML, as its documentation describes it: text patterns (the
 * namespace plus a `fapiao_type` element), tried longest pattern first, first match wins.
 */
import { DOCBITS_NAMESPACE } from "@efapiao/sta-xml";

export type DocbitsClass = "general" | "special" | "e-fapiao";

/** DocBits' name for each class. */
export const DOCBITS_DOCUMENT_TYPES: Readonly<Record<DocbitsClass, string>> = {
  general: "CHINA GENERAL VAT INVOICE",
  special: "CHINA SPECIAL VAT INVOICE",
  "e-fapiao": "CHINA E-FAPIAO",
};

/** The patterns of the English DocBits page, "Classification Rules"; every pattern of a rule must occur. */
const RULES: readonly { type: DocbitsClass; patterns: readonly string[] }[] = [
  { type: "general", patterns: [DOCBITS_NAMESPACE, "<fapiao_type>普通发票</fapiao_type>"] },
  { type: "special", patterns: [DOCBITS_NAMESPACE, "<fapiao_type>专用发票</fapiao_type>"] },
  { type: "e-fapiao", patterns: [DOCBITS_NAMESPACE, "<fapiao_type>电子发票</fapiao_type>"] },
];

const patternLength = (rule: (typeof RULES)[number]) => rule.patterns.reduce((n, p) => n + p.length, 0);
/** Longest first; Array.prototype.sort is stable, so equal lengths keep the table's order. */
const BY_LENGTH = [...RULES].sort((a, b) => patternLength(b) - patternLength(a));

/**
 * Classifies an XML text the way DocBits does; undefined when no rule matches.
 * @example
 * classifyDocbits('<fapiao xmlns="urn:china:tax:fapiao:1.0" version="1.0"><fapiao_head><fapiao_type>专用发票</fapiao_type>…')
 * // "special"
 */
export function classifyDocbits(xml: string): DocbitsClass | undefined {
  return BY_LENGTH.find((rule) => rule.patterns.every((pattern) => xml.includes(pattern)))?.type;
}
