/**
 * 价税合计大写: an amount in Chinese capitals, written by the PBOC rules for notes and settlement
 * vouchers (《正确填写票据和结算凭证的基本规定》) as the e-tax bureau prints them.
 *
 * The integer numerals are written here as nzh's `encodeB` writes them (the tests compare the two over the
 * whole range; nzh's zero placement inside and between 万/亿 sections follows the rules) — a few string
 * concatenations where nzh's general converter cost a fifth of `buildInvoice`. nzh's `toMoney` is not used
 * at all, because it gets invoices wrong: it writes 元 only, drops 整 when given "10.00" as text, writes 负
 * instead of （负数）, and never rounds to cents.
 *
 * Choices the rules leave open, and why:
 * - 整 after whole 圆 (rule: 到元为止的，在元之后应写整); none after 分 (rule: 分后面不写整); none after 角:
 *   the rule says 角之后可以不写整, and its own example writes 1409.50 as 壹仟肆佰零玖元伍角.
 * - 零 when 角 is 0 and 分 is not (mandatory: 1000.05 → 壹仟圆零伍分). When 元位 or 万位 is 0 and the next
 *   digit is not, the rules allow one 零 or none (1680.32 → 壹仟陆佰捌拾元零叁角贰分 or …元叁角贰分). We
 *   write as spoken Chinese (and nzh) does: none when only the zeros at the end of a 万 section or of the
 *   圆 are skipped (10.5 → 壹拾圆伍角, 107000 → 壹拾万柒仟圆整), one when a whole section is empty
 *   (100007000 → 壹亿零柒仟圆整). The parser accepts both forms.
 * - Nothing of 10^16 (壹亿亿) or more: its 亿 would nest (亿亿, 万亿亿), which readers take differently, and
 *   no invoice comes near it (10,000 lines of at most 999,999,999,999.99 stay below 10^16).
 */
import { Decimal, moneyText } from "./decimal.js";

/** The character for the currency unit: 圆 (the e-tax bureau, default) or 元 (some third-party platforms). */
export type Yuan = "圆" | "元";

/** Capital digits 零…玖, indexed by value. */
export const CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
/** The integer digits of the largest amount written in capitals: 9,999,999,999,999,999.99 (below 10^16). */
export const MAX_WORDS_INTEGER_DIGITS = 16;
/** Printed before a negative amount, as on red-letter invoices. */
export const NEGATIVE_PREFIX = "（负数）";

/**
 * Writes an amount in Chinese capitals, rounded to cents (halves away from zero).
 * @param amount decimal text such as "106000.00" or "-500"
 * @param yuan   "圆" (default) or "元"
 * @throws RangeError when `amount` is not decimal text, or is 10^16 or more (outside any invoice's range) —
 *         validate user input first (parseSale does).
 * @example
 * amountInWords("106000.00")     // "壹拾万陆仟圆整"
 * amountInWords("39.54", "元")    // "叁拾玖元伍角肆分"
 * amountInWords("-500")           // "（负数）伍佰圆整"
 */
export function amountInWords(amount: string, yuan: Yuan = "圆"): string {
  if (!/^-?\d+(\.\d+)?$/.test(amount)) {
    throw new RangeError(`amountInWords: "${amount}" is not decimal text`);
  }
  return decimalInWords(new Decimal(amount), yuan);
}

/** {@link amountInWords} for a Decimal already in hand (the totals of an invoice). */
export function decimalInWords(amount: Decimal, yuan: Yuan = "圆"): string {
  return moneyTextInWords(moneyText(amount), yuan);
}

/**
 * {@link amountInWords} of money text as {@link moneyText} writes it (rounded to cents, exactly two
 * decimals, "0.00" for zero): the digits are read off the text, with no further Decimal work.
 * @example
 * moneyTextInWords("-1000.05", "圆") // "（负数）壹仟圆零伍分"
 */
export function moneyTextInWords(text: string, yuan: Yuan): string {
  if (text === "0.00") return `零${yuan}整`;
  const negative = text.charCodeAt(0) === MINUS;
  const point = text.length - 3;
  const integer = text.slice(negative ? 1 : 0, point);
  if (integer.length > MAX_WORDS_INTEGER_DIGITS) {
    throw new RangeError(
      `moneyTextInWords: ${text} is 10^16 or more, outside any invoice's range (亿 would nest ambiguously)`,
    );
  }
  const jiao = CAPITAL_DIGITS[text.charCodeAt(point + 1) - ZERO_CODE]!;
  const fen = CAPITAL_DIGITS[text.charCodeAt(point + 2) - ZERO_CODE]!;
  let words = negative ? NEGATIVE_PREFIX : "";
  if (integer !== "0") words += integerInWords(integer) + yuan;
  if (jiao === "零" && fen === "零") return words + "整";
  if (jiao !== "零") words += jiao + "角";
  else if (integer !== "0") words += "零";
  if (fen !== "零") words += fen + "分";
  return words;
}

const MINUS = 45;
const ZERO_CODE = 48;

const SECTION_UNITS = ["", "拾", "佰", "仟"];

/**
 * A positive integer of at most 16 digits (no leading zeros) in capitals: split at 亿, then at 万; a 零
 * where the lower part starts with a zero (壹亿零柒仟, 壹佰万零柒佰) but not where only a section's or the
 * number's trailing zeros are skipped (壹拾万柒仟).
 * @example
 * integerInWords("130864") // "壹拾叁万零捌佰陆拾肆"
 */
export function integerInWords(digits: string): string {
  if (digits.length > 8) return splitInWords(digits, 8, "亿");
  if (digits.length > 4) return splitInWords(digits, 4, "万");
  return sectionInWords(digits);
}

function splitInWords(digits: string, low: number, unit: string): string {
  const high = integerInWords(digits.slice(0, -low)) + unit;
  let start = digits.length - low;
  while (start < digits.length && digits.charCodeAt(start) === ZERO_CODE) start++;
  if (start === digits.length) return high;
  const zero = start > digits.length - low ? "零" : "";
  return high + zero + integerInWords(digits.slice(start));
}

/** 1 to 4 digits, the first not 0: 仟佰拾 units, one 零 for a run of zeros inside, none at the end. */
function sectionInWords(digits: string): string {
  let out = "";
  let zero = false;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(i) - ZERO_CODE;
    if (digit === 0) {
      zero = true;
      continue;
    }
    if (zero) out += "零";
    zero = false;
    out += CAPITAL_DIGITS[digit]! + SECTION_UNITS[digits.length - 1 - i]!;
  }
  return out;
}
