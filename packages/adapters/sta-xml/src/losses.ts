/**
 * What a file format cannot carry. Writers report it instead of dropping it silently: characters XML
 * cannot hold at all are errors (the file cannot be written); model fields the format has no element for
 * are warnings (the file is written, and reading it back will not give them).
 */
import { type Diagnostic, error, formatPath, type Invoice, warning } from "@efapiao/model";
import { lineNatureWarnings } from "./line-nature.js";
import { NOT_XML_CHARACTER } from "./xml/write.js";

/**
 * One error per string in `value` (walked recursively) that contains a character XML 1.0 cannot carry.
 * @example
 * xmlCharacterErrors({ remarks: "a\u0001b" }) // [{ rule: "XML_CHARACTER", path: "remarks", … }]
 */
export function xmlCharacterErrors(value: unknown, path: PropertyKey[] = []): Diagnostic[] {
  if (typeof value === "string") {
    const bad = NOT_XML_CHARACTER.exec(value);
    if (!bad) return [];
    const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    return [
      error("XML_CHARACTER", formatPath(path), {
        zh: `第 ${bad.index + 1} 个字符（${code}）无法写入 XML：XML 1.0 不允许这种控制字符`,
        en: `Character ${bad.index + 1} (${code}) cannot be written to XML: XML 1.0 does not allow this control character`,
      }),
    ];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => xmlCharacterErrors(item, [...path, i]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => xmlCharacterErrors(item, [...path, key]));
  }
  return [];
}

/** Model fields a format may lack. */
export type DroppableField = "policy" | "naturalPerson" | "buyerBank" | "lineNature";

/**
 * Warnings for the fields of `invoice` that `format` has no place for, so a caller knows what a round
 * trip through the file will lose.
 * @example
 * droppedFieldWarnings(invoice, ["policy"], "EInvoice XML")
 * // [{ rule: "FIELD_NOT_WRITTEN", path: "lines[0].policy", severity: "warning", … }] when line 1 has a policy flag
 */
export function droppedFieldWarnings(
  invoice: Invoice & { direction?: "blue" | "red" },
  dropped: readonly DroppableField[],
  format: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lost = (path: string, zh: string, en: string) =>
    out.push(
      warning("FIELD_NOT_WRITTEN", path, {
        zh: `${format} 没有对应${zh}的元素，该值不会写入文件`,
        en: `${format} has no element for ${en}; the value is not written`,
      }),
    );
  if (dropped.includes("policy")) {
    invoice.lines.forEach((line, i) => {
      if (line.policy !== null) lost(`lines[${i}].policy`, "优惠政策标识", "the policy flag (优惠政策标识)");
    });
  }
  if (dropped.includes("naturalPerson") && invoice.buyer.naturalPerson) {
    lost("buyer.naturalPerson", "购买方自然人标识", "the buyer's natural-person flag");
  }
  if (dropped.includes("buyerBank")) {
    if (invoice.buyer.bankName !== undefined) lost("buyer.bankName", "购买方开户行", "the buyer's bank");
    if (invoice.buyer.bankAccount !== undefined)
      lost("buyer.bankAccount", "购买方银行账号", "the buyer's bank account");
  }
  if (dropped.includes("lineNature"))
    out.push(...lineNatureWarnings(invoice.lines, invoice.direction ?? "blue"));
  invoice.lines.forEach((line, i) => {
    if (line.index !== i + 1) {
      out.push(
        warning("LINE_INDEX_NOT_KEPT", `lines[${i}].index`, {
          zh: `第 ${i + 1} 行的序号是 ${line.index}：文件按行的位置编号，读回时为 ${i + 1}`,
          en: `Line ${i + 1} has index ${line.index}: files number lines by position, so it reads back as ${i + 1}`,
        }),
      );
    }
  });
  return out;
}
