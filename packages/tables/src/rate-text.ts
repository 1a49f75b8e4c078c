/**
 * Reads the code table's ZZSSL (增值税税率) cell: "13%", "13%、9%", "0%", and words such as "免税" or
 * "不征税" which stand for a zero rate. Percentages become decimal-fraction strings by moving the decimal
 * point in the text (model's `readRate`), never through a JavaScript number.
 */
import { type Message, readRate } from "@efapiao/model";
import { isKnownRate } from "./vat-rates.js";

/** Words the platform prints in place of a rate; each means a rate of 0 with a policy behind it. */
const ZERO_RATE_WORDS = new Set(["免税", "不征税", "零税率", "出口零税率"]);

/** Separators seen between rates in one cell: the Chinese enumeration comma, commas, slashes, spaces. */
const SEPARATORS = /[、,，;；/\s]+/;

export type RateTextResult = { ok: true; rates: string[] } | { ok: false; message: Message };

/**
 * Parses a ZZSSL cell into the allowed rates as decimal fractions, in the order written, without repeats.
 * An empty cell (a summary row) gives no rates. A spreadsheet cell formatted as a percentage reaches us as
 * its fraction ("0.13") and is accepted too. A rate that is neither a VAT rate nor a levy rate ever in force
 * (see TAX_RATES) is rejected, because it is far more likely a typo than a new rate.
 * @example
 * parseRateText("13%、9%") // { ok: true, rates: ["0.13", "0.09"] }
 * parseRateText("免税")    // { ok: true, rates: ["0"] }
 * parseRateText("13x%")    // { ok: false, message: { zh: "…", en: "…" } }
 */
export function parseRateText(text: string): RateTextResult {
  const rates: string[] = [];
  for (const token of text.split(SEPARATORS)) {
    if (token === "") continue;
    const rate = ZERO_RATE_WORDS.has(token) ? "0" : readKnownRate(token);
    if (rate === undefined) {
      return {
        ok: false,
        message: {
          zh: `无法识别的税率 “${token}”：应为已知的税率或征收率，如 13%、9%、6%、0%、3%、1.5%，多个税率以 、 分隔`,
          en: `Unrecognised rate "${token}": expected a known VAT or levy rate such as 13%, 9%, 6%, 0%, 3% or 1.5%, several separated by 、`,
        },
      };
    }
    if (!rates.includes(rate)) rates.push(rate);
  }
  return { ok: true, rates };
}

function readKnownRate(token: string): string | undefined {
  const read = readRate(token);
  return read.ok && isKnownRate(read.text) ? read.text : undefined;
}
