/**
 * Printed text → the received invoice's text forms. Page text carries what the eye needs (`¥4197.17`,
 * `2024年05月28日`, `6%`, a check code in groups of five); the model wants `4197.17`, `2024-05-28`, `0.06`,
 * 20 digits. Only presentation is removed — never a digit: a value that would change is an error.
 */
import { type DecimalTextResult, isDateOrDateTime, readDecimal, trimDecimal } from "@efapiao/model";
import { percentToRate, toMoney } from "@efapiao/sta-xml";

type Normalizer = (raw: string) => DecimalTextResult;

/** Currency signs, spaces, and thousands separators in a well-formed grouping. */
function plainNumber(raw: string): string {
  const text = raw.replace(/[¥￥\s]/g, "");
  return /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, "") : text;
}

const money: Normalizer = (raw) => toMoney(plainNumber(raw));

const decimal: Normalizer = (raw) => {
  const read = readDecimal(plainNumber(raw));
  return read.ok ? { ok: true, text: trimDecimal(read.text) } : read;
};

/** 免税 and 不征税 print a word where the rate would be: the rate is 0 (the policy is not on the page). */
const rate: Normalizer = (raw) => {
  const text = raw.trim();
  if (/^(免税|不征税|免征)$/.test(text)) return { ok: true, text: "0" };
  return percentToRate(text);
};

/** `2024年05月28日`, `2024-05-28`, `20240528`. */
const date: Normalizer = (raw) => {
  const text = raw.trim();
  const match = /^(\d{4})(?:年|-|\/)?(\d{1,2})(?:月|-|\/)?(\d{1,2})日?$/.exec(text);
  const iso = match && `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`;
  if (iso && isDateOrDateTime(iso)) return { ok: true, text: iso };
  return {
    ok: false,
    message: { zh: `“${text}” 不是有效的日期`, en: `"${text}" is not a valid date` },
  };
};

/** Digits only, printed with spaces between groups (the check code is printed `14754 82292 …`). */
const digits =
  (lengths: number[], zh: string, en: string): Normalizer =>
  (raw) => {
    const text = raw.replace(/\s/g, "");
    if (/^\d+$/.test(text) && lengths.includes(text.length)) return { ok: true, text };
    return { ok: false, message: { zh: `“${raw.trim()}” 不是${zh}`, en: `"${raw.trim()}" is not ${en}` } };
  };

/**
 * The kind from the printed title (专用发票 / 普通发票) or the legacy QR data `01,10,…`, whose second
 * field is the type code: 01 增值税专用发票 and 08 电子专票 are special; 04, 10, 11 普通发票 are general.
 */
const kind: Normalizer = (raw) => {
  const text = raw.trim();
  const qr = /^\d{2},(\d{2}),/.exec(text);
  if (qr) {
    if (qr[1] === "01" || qr[1] === "08") return { ok: true, text: "special" };
    if (qr[1] === "04" || qr[1] === "10" || qr[1] === "11") return { ok: true, text: "general" };
  } else if (text.includes("专用发票")) return { ok: true, text: "special" };
  else if (text.includes("普通发票")) return { ok: true, text: "general" };
  return {
    ok: false,
    message: { zh: `无法从 “${text}” 判断发票种类`, en: `Cannot tell the invoice kind from "${text}"` },
  };
};

const text: Normalizer = (raw) => ({ ok: true, text: raw.trim() });

/** The normaliser for a received-invoice path. */
export function normalizerFor(path: string): Normalizer {
  const field = path.replace(/^lines\[\d+\]\./, "line.");
  switch (field) {
    case "number":
      return digits([20, 8], "20 位或 8 位的发票号码", "a 20- or 8-digit invoice number");
    case "invoiceCode":
      return digits([10, 12], "10 位或 12 位的发票代码", "a 10- or 12-digit invoice code");
    case "checkCode":
      return digits([20], "20 位校验码", "a 20-digit check code");
    case "issueDate":
      return date;
    case "kind":
      return kind;
    case "totals.amount":
    case "totals.tax":
    case "totals.total":
    case "line.amount":
    case "line.tax":
      return money;
    case "line.taxRate":
      return rate;
    case "line.quantity":
    case "line.unitPrice":
      return decimal;
    default:
      return text;
  }
}
