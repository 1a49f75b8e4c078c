/**
 * A discount: 10 reams of paper at 100.00 each, 13% VAT, with 100.00 off. The discount becomes its own
 * negative line (折扣行) right after the discounted line (被折扣行), with the same item name, code and rate.
 */
import { buildInvoice } from "@efapiao/calc";
import { parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";

const sale = parseSale({
  kind: "general",
  issueDate: "2026-05-18",
  seller: { name: "上海示例科技有限公司", taxId: "91310115MA1K3XY07U" },
  buyer: { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1U" },
  lines: [
    {
      name: "打印纸",
      code: "1060105020000000000",
      unit: "包",
      quantity: "10",
      unitPrice: "100.00",
      taxRate: "13%",
      discount: "100.00",
    },
  ],
});
if (!sale.ok) {
  console.error(sale.diagnostics);
  process.exit(1);
}
// `words: "元"` writes the capital amount with 元, as some third-party platforms do (the default is 圆).
const built = buildInvoice(sale.value, { codes: builtinCodeTable(), words: "元" });
if (!built.ok) {
  console.error(built.diagnostics);
  process.exit(1);
}

const { lines, totals } = built.value;
for (const line of lines) {
  console.log(
    `${line.index} ${line.nature.padEnd(10)} ${line.itemName}  金额 ${line.amount}  税额 ${line.tax}`,
  );
}
console.log(`合计 ${totals.amount} + ${totals.tax} = ${totals.total}  ${totals.totalInWords}`);
