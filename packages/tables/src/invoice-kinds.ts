/**
 * The two kinds of fully digitalized e-fapiao and the code each system writes for them. Source:
 * domain-facts.md ("What the invoice is"): seed data model 01/02, platform XML `GeneralOrSpecialVAT` 01/02,
 * 乐企 `fppz` 01/02, platform type codes 81/82, Nuonuo `invoiceLine` bs/pc.
 */

export type InvoiceKind = "special" | "general";

/** The systems whose kind codes this table knows. */
export type InvoiceKindSystem = "seed" | "staXml" | "platform" | "leqi" | "nuonuo";

export interface InvoiceKindCodes {
  readonly kind: InvoiceKind;
  readonly zh: string;
  readonly en: string;
  /** Code per system: seed `发票种类`, XML `GeneralOrSpecialVAT`, platform type, 乐企 `fppz`, Nuonuo `invoiceLine`. */
  readonly codes: Readonly<Record<InvoiceKindSystem, string>>;
}

export const INVOICE_KINDS: readonly InvoiceKindCodes[] = [
  {
    kind: "special",
    zh: "增值税专用发票",
    en: "Special VAT invoice",
    codes: { seed: "01", staXml: "01", platform: "81", leqi: "01", nuonuo: "bs" },
  },
  {
    kind: "general",
    zh: "普通发票",
    en: "General invoice",
    codes: { seed: "02", staXml: "02", platform: "82", leqi: "02", nuonuo: "pc" },
  },
];

/** Labels of the platform type codes, which name the electronic form explicitly. */
export const PLATFORM_INVOICE_TYPES = [
  { code: "81", zh: "电子发票（增值税专用发票）", en: "E-invoice (special VAT invoice)" },
  { code: "82", zh: "电子发票（普通发票）", en: "E-invoice (general invoice)" },
] as const;

/**
 * The code `system` writes for an invoice kind.
 * @example
 * invoiceKindCode("special", "platform") // "81"
 * invoiceKindCode("general", "nuonuo")   // "pc"
 */
export function invoiceKindCode(kind: InvoiceKind, system: InvoiceKindSystem): string {
  const entry = INVOICE_KINDS.find((candidate) => candidate.kind === kind)!;
  return entry.codes[system];
}

/**
 * The invoice kind a system's code stands for, or undefined for a code the system does not use.
 * @example
 * invoiceKindFromCode("leqi", "01") // "special"
 * invoiceKindFromCode("nuonuo", "c") // undefined (a legacy paper kind, not an e-fapiao)
 */
export function invoiceKindFromCode(system: InvoiceKindSystem, code: string): InvoiceKind | undefined {
  return INVOICE_KINDS.find((candidate) => candidate.codes[system] === code)?.kind;
}
