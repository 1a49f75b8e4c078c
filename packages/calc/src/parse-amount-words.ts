/**
 * Reads an amount in Chinese capitals back into decimal text, to check the 价税合计大写 of a received
 * invoice against its 价税合计. Accepts 圆 and 元, 整 and 正, the （负数） prefix and an optional 人民币.
 *
 * Strict where a misreading is possible, lenient where the PBOC rules allow a choice:
 * - every digit but the ones digit carries its unit (壹拾, never 拾; 壹佰壹 is not 101);
 * - skipped zeros inside a section need a 零 (壹佰零壹), except a run of zeros ending at the 元位 or at
 *   the bottom of a 万/亿 section, where one 零 or none are both correct (壹拾万柒仟 / 壹拾万零柒仟,
 *   壹拾圆伍角 / 壹拾圆零伍角); a 零 standing for no zero is an error;
 * - a missing 整 after 圆, or a 整 after 分, is only a warning: the amount is still unambiguous;
 * - one 亿 at most: a second one nests (壹亿亿, 贰万亿零叁佰亿), which readers take differently — is
 *   贰万亿零叁佰亿 2 030 000 000 000 or (2万亿 + 300)亿? — and means 10^16 or more, which no invoice
 *   reaches; it is refused (WORDS_OUT_OF_RANGE) rather than guessed. 万 before 亿 is the 万亿 section:
 *   壹万贰仟亿 = 1 200 000 000 000.
 */
import { type Diagnostic, error, type Message, type Result, warning } from "@efapiao/model";
import { CAPITAL_DIGITS } from "./amount-words.js";

/** A capital digit at a decimal position (0 = 圆, 1 = 拾, 4 = 万, −1 = 角, −2 = 分), or a 零. */
type Token = { zero: true } | { zero: false; position: number; digit: number };

const ZERO_TOKEN: Token = { zero: true };
const SECTION_UNITS: Readonly<Record<string, number>> = { 拾: 1, 佰: 2, 仟: 3 };
const FRACTION_UNITS: Readonly<Record<string, number>> = { 角: -1, 分: -2 };

/** Thrown inside this module only, and turned into a diagnostic by {@link parseAmountInWords}. */
class Malformed {
  constructor(readonly message: Message) {}
}

function malformed(zh: string, en: string): never {
  throw new Malformed({ zh, en });
}

/**
 * Reads an amount written in Chinese capitals.
 * @param words the capitals, e.g. "壹拾叁万零捌佰陆拾肆圆壹角玖分"
 * @param path  JSON path used in diagnostics, e.g. "totals.totalInWords"
 * @returns money text with two decimals ("130864.19", "-500.00"), or an error diagnostic; style
 *          deviations that leave the amount unambiguous come back as warnings next to the value.
 * @example
 * parseAmountInWords("（负数）伍佰圆整")   // { ok: true, value: "-500.00", diagnostics: [] }
 * parseAmountInWords("叁拾玖元伍角肆分")   // { ok: true, value: "39.54", diagnostics: [] }
 * parseAmountInWords("壹佰壹圆整")         // { ok: false, diagnostics: [{ rule: "WORDS_MALFORMED", … }] }
 */
export function parseAmountInWords(words: string, path = ""): Result<string> {
  const shown = words.length > 40 ? `${words.slice(0, 37)}…` : words;
  const yi = words.indexOf("亿");
  if (yi >= 0 && words.indexOf("亿", yi + 1) >= 0) {
    return {
      ok: false,
      diagnostics: [
        error("WORDS_OUT_OF_RANGE", path, {
          zh: `大写金额 “${shown}” 含有两个“亿”：亿亿（10^16）及以上超出发票金额范围，且嵌套的“亿”有歧义`,
          en: `The amount in capitals "${shown}" has two 亿: amounts of 亿亿 (10^16) and more are outside any invoice's range, and nested 亿 is ambiguous`,
        }),
      ],
    };
  }
  try {
    return read(words, path);
  } catch (e) {
    if (!(e instanceof Malformed)) throw e;
    return {
      ok: false,
      diagnostics: [
        error("WORDS_MALFORMED", path, {
          zh: `大写金额 “${shown}” 无法识别：${e.message.zh}`,
          en: `Cannot read the amount in capitals "${shown}": ${e.message.en}`,
        }),
      ],
    };
  }
}

function read(words: string, path: string): Result<string> {
  let rest = words.trim();
  const negative = /^[（(]负数[）)]/.exec(rest);
  if (negative) rest = rest.slice(negative[0].length);
  if (rest.startsWith("人民币")) rest = rest.slice("人民币".length);
  const zheng = /[整正]$/.test(rest);
  if (zheng) rest = rest.slice(0, -1);
  if (rest === "") malformed("没有金额", "there is no amount");

  const yuanAt = rest.search(/[圆元]/);
  const integerWords = yuanAt < 0 ? "" : rest.slice(0, yuanAt);
  const fractionWords = yuanAt < 0 ? rest : rest.slice(yuanAt + 1);
  if (yuanAt === 0) malformed("“圆”前缺少数字", `no digits before "圆"`);
  // 零圆 is how zero is written; as an integer part it adds no digit.
  const tokens = integerWords === "" || integerWords === "零" ? [] : readInteger(integerWords, 0);
  const fraction = readFraction(fractionWords);
  if (yuanAt < 0 && fraction.length === 0) malformed("缺少“圆”或“元”", `"圆" or "元" is missing`);
  tokens.push(...fraction);
  checkOrderAndZeros(tokens);

  const diagnostics: Diagnostic[] = [];
  const hasFen = tokens.some((t) => !t.zero && t.position === -2);
  const endsAtYuan = !tokens.some((t) => !t.zero && t.position < 0);
  if (zheng && hasFen) {
    diagnostics.push(
      warning("WORDS_ZHENG_AFTER_FEN", path, { zh: "“分”后面不应写“整”", en: `No "整" should follow "分"` }),
    );
  }
  if (!zheng && endsAtYuan) {
    diagnostics.push(
      warning("WORDS_ZHENG_MISSING", path, {
        zh: "到“圆”为止的金额后应写“整”",
        en: `An amount ending at "圆" should end with "整"`,
      }),
    );
  }
  const value = moneyFromTokens(tokens);
  return { ok: true, value: negative && value !== "0.00" ? `-${value}` : value, diagnostics };
}

/** An integer part: split at its one 亿, then each side at 万 (so 壹万亿 = 10^12 reads naturally). */
function readInteger(words: string, offset: number): Token[] {
  const yi = words.indexOf("亿");
  if (yi < 0) return readBelowYi(words, offset);
  const high = words.slice(0, yi);
  if (high === "") malformed("“亿”前缺少数字", `no digits before "亿"`);
  return [...readBelowYi(high, offset + 8), ...readBelowYi(words.slice(yi + 1), offset)];
}

function readBelowYi(words: string, offset: number): Token[] {
  const wan = words.indexOf("万");
  if (wan < 0) return readSection(words, offset);
  if (words.indexOf("万", wan + 1) >= 0) malformed("“万”出现了两次", `"万" appears twice`);
  const high = words.slice(0, wan);
  if (high === "") malformed("“万”前缺少数字", `no digits before "万"`);
  return [...readSection(high, offset + 4), ...readSection(words.slice(wan + 1), offset)];
}

/** Up to four digits with 仟/佰/拾 units; the ones digit stands alone. */
function readSection(words: string, offset: number): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const char = words[i]!;
    if (char === "零") {
      tokens.push(ZERO_TOKEN);
      continue;
    }
    const digit = CAPITAL_DIGITS.indexOf(char);
    if (digit > 0) {
      const next = words[i + 1];
      const unit = next === undefined ? 0 : SECTION_UNITS[next];
      if (unit === undefined) {
        malformed(`“${char}”后面应是“拾”“佰”“仟”或“圆”`, `"${char}" must be followed by 拾, 佰, 仟 or 圆`);
      }
      if (next !== undefined) i++;
      tokens.push({ zero: false, position: offset + unit, digit });
      continue;
    }
    if (char in SECTION_UNITS)
      malformed(`“${char}”前缺少数字（应写作“壹${char}”）`, `no digit before "${char}" (write "壹${char}")`);
    unknownCharacter(char);
  }
  return tokens;
}

/** What follows 圆: 角 and 分 digits, possibly with a 零. */
function readFraction(words: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const char = words[i]!;
    if (char === "零") {
      tokens.push(ZERO_TOKEN);
      continue;
    }
    const digit = CAPITAL_DIGITS.indexOf(char);
    const unit = FRACTION_UNITS[words[i + 1] ?? ""];
    if (digit > 0 && unit !== undefined) {
      tokens.push({ zero: false, position: unit, digit });
      i++;
      continue;
    }
    if (digit > 0) malformed(`“${char}”后面应是“角”或“分”`, `"${char}" must be followed by 角 or 分`);
    unknownCharacter(char);
  }
  return tokens;
}

function unknownCharacter(char: string): never {
  return malformed(
    `“${char}”不是大写金额用字（壹贰叁肆伍陆柒捌玖零 拾佰仟万亿 圆元角分整）`,
    `"${char}" is not used in amounts in capitals`,
  );
}

/** Digit positions must fall from left to right; a 零 must stand for at least one skipped zero. */
function checkOrderAndZeros(tokens: readonly Token[]): void {
  let previous: number | undefined;
  let zero = false;
  for (const token of tokens) {
    if (token.zero) {
      if (previous === undefined) malformed("不能以“零”开头", `cannot start with "零"`);
      if (zero) malformed("“零”连写了两次", `"零" is written twice in a row`);
      zero = true;
      continue;
    }
    if (previous !== undefined) {
      if (token.position >= previous) malformed("数位顺序不对", "the units are out of order");
      const skipped = previous - token.position > 1;
      if (zero && !skipped) malformed("多余的“零”", `a "零" stands for no zero`);
      // A run of zeros ending at the 元位 or a 万/亿 section bottom may go unwritten (PBOC rule 3).
      const mayOmit = (token.position + 1) % 4 === 0;
      if (!zero && skipped && !mayOmit)
        malformed("数字中间有 0 时应写“零”", `a skipped zero must be written as "零"`);
    }
    previous = token.position;
    zero = false;
  }
  if (zero) malformed("不能以“零”结尾", `cannot end with "零"`);
}

/** Positional digits → money text with two decimals. */
function moneyFromTokens(tokens: readonly Token[]): string {
  const digits = new Map<number, number>();
  let top = 0;
  for (const token of tokens) {
    if (token.zero) continue;
    digits.set(token.position, token.digit);
    top = Math.max(top, token.position);
  }
  let text = "";
  for (let position = top; position >= -2; position--) {
    if (position === -1) text += ".";
    text += String(digits.get(position) ?? 0);
  }
  return text;
}
