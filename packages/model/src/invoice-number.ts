/**
 * The 20-digit number of a fully digitalized e-fapiao (数电票号码), assigned by the STA platform: digits 1–2
 * are the year (last two digits), 3–4 the province-level code (计划单列市 have their own), 5 the issuing
 * channel, 6–20 a sequence (apifox doc-4135415; every real sample agrees, e.g. `24442000000036916313` =
 * 2024, 44 Guangdong, channel 2).
 *
 * The number carries no check digit, so parsing can only check its structure: any 20-digit serial number
 * passes. Whether digits 3–4 name a real province is for the region table (`@efapiao/tables`); this module
 * rejects only "00", which no province has.
 */
import { type Diagnostic, error, type Result, warning } from "./diagnostic.js";
import { showCharacter } from "./tax-id.js";

/** The parts of a 数电票号码. */
export interface InvoiceNumber {
  /** The 20 digits as given. */
  number: string;
  /** Digits 1–2 as a year of this century (24 → 2024). */
  year: number;
  /** Digits 3–4: the province-level code (44 Guangdong). */
  provinceCode: string;
  /** Digit 5: the issuing channel. */
  channel: string;
  /** Digits 6–20. */
  sequence: string;
}

/**
 * The first year a 数电票 could be issued: the pilot began on 2021-12-01 (Guangdong, Shanghai, Inner
 * Mongolia). An earlier year is only a warning, because published samples mask their numbers
 * (`01234567890123456789` in a Guangdong file of 2024) and a reader must still be able to load them.
 */
export const FIRST_INVOICE_NUMBER_YEAR = 2021;

const LENGTH = 20;

/**
 * Reads a 20-digit invoice number into its parts, or explains with diagnostics why it is not one
 * (rules `INVOICE_NUMBER_NOT_TEXT`, `_CHARACTER`, `_LENGTH`, `_PROVINCE`). A year before
 * {@link FIRST_INVOICE_NUMBER_YEAR} is accepted with an `INVOICE_NUMBER_YEAR_BEFORE_SCHEME` warning: such
 * numbers are masked or made up (the masked sample `01234567890123456789` reads as 2001, province 23,
 * channel 4), and a reader must not refuse a file for that alone.
 * @param text  the number; a JSON number is rejected, since 20 digits do not survive as a double
 * @param path  JSON path used in the diagnostics
 * @example
 * parseInvoiceNumber("24442000000036916313")
 * // { ok: true, value: { number: "24442000000036916313", year: 2024, provinceCode: "44", channel: "2",
 * //   sequence: "000000036916313" }, diagnostics: [] }
 * parseInvoiceNumber("2444200000003691631", "buyer.invoiceNumber")
 * // { ok: false, diagnostics: [{ rule: "INVOICE_NUMBER_LENGTH", path: "buyer.invoiceNumber", … }] }
 */
export function parseInvoiceNumber(text: unknown, path = "number"): Result<InvoiceNumber> {
  if (typeof text !== "string") return { ok: false, diagnostics: [notText(text, path)] };
  const problems = structureProblems(text, path);
  if (problems.length > 0) return { ok: false, diagnostics: problems };

  const number: InvoiceNumber = {
    number: text,
    year: 2000 + Number(text.slice(0, 2)),
    provinceCode: text.slice(2, 4),
    channel: text.slice(4, 5),
    sequence: text.slice(5),
  };
  if (number.provinceCode === "00") {
    const diagnostic = error("INVOICE_NUMBER_PROVINCE", path, {
      zh: "发票号码第 3–4 位是省级区域代码，不能为 00",
      en: "Digits 3–4 of the invoice number are a province-level code and cannot be 00",
    });
    return { ok: false, diagnostics: [diagnostic] };
  }
  const diagnostics: Diagnostic[] = [];
  if (number.year < FIRST_INVOICE_NUMBER_YEAR) {
    diagnostics.push(
      warning("INVOICE_NUMBER_YEAR_BEFORE_SCHEME", path, {
        zh: `发票号码的年份 ${number.year} 早于数电票试点（${FIRST_INVOICE_NUMBER_YEAR} 年）：可能是脱敏或虚构的号码`,
        en: `The invoice number's year ${number.year} is before the e-fapiao pilot (${FIRST_INVOICE_NUMBER_YEAR}): the number may be masked or made up`,
      }),
    );
  }
  return { ok: true, value: number, diagnostics };
}

/** Non-digits and a wrong length are independent mistakes; both are reported so one fix is enough. */
function structureProblems(text: string, path: string): Diagnostic[] {
  const chars = Array.from(text);
  const out: Diagnostic[] = [];
  const bad = chars.findIndex((c) => c < "0" || c > "9");
  if (bad >= 0) {
    const c = chars[bad]!;
    const fullWidth = c >= "０" && c <= "９";
    out.push(
      error("INVOICE_NUMBER_CHARACTER", path, {
        zh: `发票号码第 ${bad + 1} 位 ${showCharacter(c, "“", "”")} 不是数字${fullWidth ? "（请使用半角数字）" : ""}`,
        en: `Character ${bad + 1} of the invoice number, ${showCharacter(c, '"', '"')}, is not a digit${fullWidth ? " (use ASCII digits, not full-width ones)" : ""}`,
      }),
    );
  }
  if (chars.length !== LENGTH) {
    const legacy = chars.length === 8;
    out.push(
      error("INVOICE_NUMBER_LENGTH", path, {
        zh: `发票号码应为 ${LENGTH} 位数字，这里有 ${chars.length} 位${legacy ? "（8 位的是旧版发票号码，需与发票代码一起使用）" : ""}`,
        en: `An invoice number has ${LENGTH} digits; this one has ${chars.length}${legacy ? " (an 8-digit number is a legacy invoice number, used with an invoice code)" : ""}`,
      }),
    );
  }
  return out;
}

function notText(value: unknown, path: string): Diagnostic {
  if (typeof value === "number" || typeof value === "bigint") {
    return error("INVOICE_NUMBER_NOT_TEXT", path, {
      zh: "发票号码应写成字符串（加引号）：20 位数字作为 JSON 数字会丢失精度",
      en: "Write the invoice number as a string (in quotes): 20 digits lose precision as a JSON number",
    });
  }
  return error("INVOICE_NUMBER_NOT_TEXT", path, {
    zh: "发票号码应为 20 位数字组成的字符串",
    en: "The invoice number must be a string of 20 digits",
  });
}
