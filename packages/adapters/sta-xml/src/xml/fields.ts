/**
 * Reading typed values out of XML elements into canonical text, collecting one diagnostic per problem
 * with the element's path. Tolerant of how real files write numbers (`0.060000`, `0.120000`, `2`), never
 * of a value that would change: money is brought to two decimals only when the digits dropped are zeros.
 */
import {
  type DecimalTextResult,
  type Diagnostic,
  echo,
  error,
  isDateOrDateTime,
  type Message,
  readDecimal,
  readRate,
  shiftDecimalPoint,
  trimDecimal,
  warning,
} from "@efapiao/model";
import type { XmlCursor } from "./cursor.js";

/**
 * Money text with exactly two decimals, or why not.
 * @example
 * toMoney("0.120000") // { ok: true, text: "0.12" }
 * toMoney("2")        // { ok: true, text: "2.00" }
 * toMoney("12.345")   // { ok: false, … } — rounding would change the amount
 */
export function toMoney(raw: string): DecimalTextResult {
  const read = readDecimal(raw.trim());
  if (!read.ok) return read;
  const negative = read.text.startsWith("-");
  const [intPart = "0", fraction = ""] = read.text.replace(/^-/, "").split(".");
  if (/[1-9]/.test(fraction.slice(2))) {
    return {
      ok: false,
      message: {
        zh: `金额 “${raw.trim()}” 超过两位小数：舍入会改变金额，因此不予读取`,
        en: `The amount "${raw.trim()}" has more than two decimals: rounding would change it, so it is not read`,
      },
    };
  }
  const text = `${intPart.replace(/^0+(?=\d)/, "")}.${(fraction + "00").slice(0, 2)}`;
  return { ok: true, text: negative && /[1-9]/.test(text) ? `-${text}` : text };
}

/**
 * A rate written in percent (`6`, `6%`, `1.5`) as a decimal fraction (`0.06`, `0.015`).
 * @example
 * percentToRate("13%") // { ok: true, text: "0.13" }
 */
export function percentToRate(raw: string): DecimalTextResult {
  const number = raw.trim().replace(/%$/, "");
  const read = readDecimal(number);
  if (!read.ok || read.text.startsWith("-")) return readRate(`${number}%`);
  return readRate(shiftDecimalPoint(read.text, -2));
}

/**
 * Reads fields of one format; `prefix` names its rules (`STA_XML_MISSING`, `DOCBITS_MONEY`, …).
 * @example
 * const r = new FieldReader("STA_XML");
 * const tax = r.money(item, "ComTaxAm", true); // "0.12" from <ComTaxAm>0.120000</ComTaxAm>
 * r.diagnostics;                               // [] — or one error per bad or missing element, with its path
 */
export class FieldReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly prefix: string) {}

  /** Records an error at a path. */
  fail(rule: string, path: string, message: Message): undefined {
    this.diagnostics.push(error(`${this.prefix}_${rule}`, path, message));
    return undefined;
  }

  /** Records a warning at a path: the value was read, but something about it needs a look. */
  warn(rule: string, path: string, message: Message): void {
    this.diagnostics.push(warning(`${this.prefix}_${rule}`, path, message));
  }

  /** A child element that must exist. */
  need(parent: XmlCursor | undefined, name: string): XmlCursor | undefined {
    if (!parent) return undefined;
    return this.single(parent, name) ?? this.missing(parent.pathOf(name));
  }

  /**
   * The child element of this name, which must occur at most once: two `<TotalAmWithoutTax>` that differ
   * would otherwise be settled silently by taking the first, so a second occurrence is an error.
   */
  single(parent: XmlCursor | undefined, name: string): XmlCursor | undefined {
    if (!parent) return undefined;
    const count = parent.count(name);
    if (count > 1 && !this.reported.has(`${parent.path}/${name}`)) {
      this.reported.add(`${parent.path}/${name}`);
      this.fail("DUPLICATE", `${parent.pathOf(name)}[2]`, {
        zh: `元素 <${name}> 出现了 ${count} 次，只能出现一次：无法判断哪一个有效`,
        en: `Element <${name}> occurs ${count} times but may occur only once: which one holds cannot be told`,
      });
    }
    return parent.child(name);
  }

  private readonly reported = new Set<string>();

  /**
   * A 税收分类编码 as written. One that is not 19 digits (masked as `3040xxxxxxxxxxxxxxx` in published
   * files, or simply wrong) is still read, with a warning; the standard rule FP-CF-01 flags it on validation.
   */
  classificationCode(parent: XmlCursor | undefined, name: string, required = false): string | undefined {
    const code = this.token(parent, name, required);
    if (code !== undefined && !/^\d{19}$/.test(code)) {
      const shown = echo(code);
      this.warn("CODE_NOT_19_DIGITS", parent!.pathOf(name), {
        zh: `税收分类编码 “${shown}” 不是 19 位数字（可能是脱敏的编码）：按原样读取，开具前须改正`,
        en: `The classification code "${shown}" is not 19 digits (it may be masked): read as written, but it must be corrected before issuing`,
      });
    }
    return code;
  }

  /** Text as written; an empty or blank element counts as absent. */
  text(parent: XmlCursor | undefined, name: string, required = false): string | undefined {
    const text = this.single(parent, name)?.text;
    if (text !== undefined && text.trim() !== "") return text;
    if (required && parent) this.missing(parent.pathOf(name));
    return undefined;
  }

  /** Text with surrounding whitespace removed: codes, numbers, dates. */
  token(parent: XmlCursor | undefined, name: string, required = false): string | undefined {
    return this.text(parent, name, required)?.trim();
  }

  money(parent: XmlCursor | undefined, name: string, required = false): string | undefined {
    return this.convert(parent, name, required, toMoney, "MONEY");
  }

  rate(parent: XmlCursor | undefined, name: string, required = false): string | undefined {
    return this.convert(parent, name, required, (raw) => readRate(raw.trim()), "RATE");
  }

  percentRate(parent: XmlCursor | undefined, name: string, required = false): string | undefined {
    return this.convert(parent, name, required, percentToRate, "RATE");
  }

  /** A quantity or unit price, trailing zeros trimmed. */
  decimal(parent: XmlCursor | undefined, name: string, required = false): string | undefined {
    return this.convert(
      parent,
      name,
      required,
      (raw) => {
        const read = readDecimal(raw.trim());
        return read.ok ? { ok: true, text: trimDecimal(read.text) } : read;
      },
      "DECIMAL",
    );
  }

  /** A date or date-time, kept as written. */
  dateTime(parent: XmlCursor | undefined, name: string, required = false): string | undefined {
    return this.convert(
      parent,
      name,
      required,
      (raw) => {
        const text = raw.trim();
        if (isDateOrDateTime(text)) return { ok: true, text };
        return {
          ok: false,
          message: {
            zh: `“${text}” 不是有效的日期或时间（应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM:SS）`,
            en: `"${text}" is not a valid date or date-time (YYYY-MM-DD or YYYY-MM-DD HH:MM:SS)`,
          },
        };
      },
      "DATE",
    );
  }

  private convert(
    parent: XmlCursor | undefined,
    name: string,
    required: boolean,
    read: (raw: string) => DecimalTextResult,
    rule: string,
  ): string | undefined {
    const raw = this.text(parent, name, required);
    if (raw === undefined) return undefined;
    const result = read(raw);
    if (result.ok) return result.text;
    return this.fail(rule, parent!.pathOf(name), {
      zh: `元素 <${name}>：${result.message.zh}`,
      en: `Element <${name}>: ${result.message.en}`,
    });
  }

  private missing(path: string): undefined {
    const name = path.slice(path.lastIndexOf("/") + 1);
    return this.fail("MISSING", path, {
      zh: `缺少元素 <${name}>（${path}）`,
      en: `Element <${name}> is missing (${path})`,
    });
  }
}
