/**
 * Numbers the sandbox hands out as the platform would: 20-digit 数电票号码 (digits 1–2 the year, 3–4 the
 * province-level code, 5 the channel, 6–20 a sequence; domain-facts.md), 红字确认单 numbers and UUIDs.
 */
import { randomUUID } from "node:crypto";

/** The issuing channel digit the sandbox writes (the real samples show 0 and 2). */
const CHANNEL = "2";
/** Used when the seller's tax id does not start with a region code (a legacy or odd id). */
const DEFAULT_PROVINCE = "31";

/**
 * The province-level code of a seller: characters 3–4 of a unified social credit code are the region's
 * province (91310115… → 31 Shanghai).
 */
export function provinceOf(taxId: string): string {
  const code = taxId.slice(2, 4);
  return /^\d\d$/.test(code) && code !== "00" ? code : DEFAULT_PROVINCE;
}

/**
 * A 20-digit invoice number.
 * @param year      four-digit year of issue
 * @param sequence  the sandbox's running number, unique across all its invoices
 * @example
 * invoiceNumber(2026, "91310115MA1K3XYZ7A", 7) // "26312000000000000007"
 */
export function invoiceNumber(year: number, sellerTaxId: string, sequence: number): string {
  return `${String(year % 100).padStart(2, "0")}${provinceOf(sellerTaxId)}${CHANNEL}${String(sequence).padStart(15, "0")}`;
}

/** A 红字确认单编号: 18 digits like the platform's (province, year, sequence). */
export function formNumber(year: number, sellerTaxId: string, sequence: number): string {
  return `${provinceOf(sellerTaxId)}${String(year % 100).padStart(2, "0")}${String(sequence).padStart(14, "0")}`;
}

/** A 32-character UUID as the platform writes them (no dashes). */
export function platformUuid(): string {
  return randomUUID().replaceAll("-", "");
}
