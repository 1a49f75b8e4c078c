/**
 * 发票行性质 (normal / discounted / discount) is not an element of the platform XML (nor of DocBits): a
 * file shows a discount only by its layout. The layout is fixed by the rules (domain-facts.md, "Discount
 * lines"): a discount line is negative, immediately follows the line it discounts, and carries the same
 * item name, classification code and rate. Readers recover the nature from that layout, and writers
 * check that the layout will say what the invoice says.
 */
import type { Diagnostic, InvoiceLine, LineNature } from "@efapiao/model";
import { warning } from "@efapiao/model";

type LineLayout = Pick<InvoiceLine, "itemName" | "code" | "taxRate" | "amount">;

const isNegative = (money: string) => money.startsWith("-") && /[1-9]/.test(money);
const isPositive = (money: string) => !money.startsWith("-") && /[1-9]/.test(money);

/**
 * The nature of each line as the layout shows it. Red invoices hold normal lines only (their lines are
 * all negative), so there a negative line is never a discount.
 * @example
 * inferLineNatures([{ itemName: "*纸制品*笔记本", code: "1060105020000000000", taxRate: "0.13", amount: "100.00" },
 *                   { itemName: "*纸制品*笔记本", code: "1060105020000000000", taxRate: "0.13", amount: "-5.00" }], "blue")
 * // ["discounted", "discount"]
 */
export function inferLineNatures(lines: readonly LineLayout[], direction: "blue" | "red"): LineNature[] {
  const natures: LineNature[] = lines.map(() => "normal");
  if (direction === "red") return natures;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const before = lines[i - 1]!;
    const discounts =
      natures[i - 1] === "normal" &&
      isNegative(line.amount) &&
      isPositive(before.amount) &&
      line.itemName === before.itemName &&
      line.code === before.code &&
      line.taxRate === before.taxRate;
    if (discounts) {
      natures[i - 1] = "discounted";
      natures[i] = "discount";
    }
  }
  return natures;
}

/**
 * Warnings for lines whose nature a file cannot carry: reading the file back would give another nature.
 * @example
 * lineNatureWarnings(invoice.lines, "blue") // [] when every discount line sits under its discounted line
 */
export function lineNatureWarnings(
  lines: readonly (LineLayout & Pick<InvoiceLine, "nature">)[],
  direction: "blue" | "red",
): Diagnostic[] {
  const shown = inferLineNatures(lines, direction);
  const out: Diagnostic[] = [];
  lines.forEach((line, i) => {
    if (line.nature === shown[i]) return;
    out.push(
      warning("LINE_NATURE_NOT_KEPT", `lines[${i}].nature`, {
        zh: `第 ${i + 1} 行的行性质 “${line.nature}” 无法在文件中表达：文件只能通过行的排列表示折扣，读回时将是 “${shown[i]}”`,
        en: `Line ${i + 1}'s nature "${line.nature}" cannot be written: files show discounts only by line layout, so it reads back as "${shown[i]}"`,
      }),
    );
  });
  return out;
}
