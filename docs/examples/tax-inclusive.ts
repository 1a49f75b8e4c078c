/**
 * A tax-inclusive price, as a small-scale taxpayer at the 1% levy rate invoices it: 16000 including tax.
 * The platform issued exactly this line (gd-special-1pct-inclusive.xml): 单价 15841.5841584158,
 * 金额 15841.58, 税额 158.42, 价税合计 16000.00.
 */
import { buildInvoice } from "@efapiao/calc";
import { parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";

const sale = parseSale({
  kind: "special",
  issueDate: "2024-01-24",
  seller: { name: "广州示例信息科技有限公司", taxId: "91440101MA5C8B2K39" },
  buyer: { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1U" },
  // 含税标志: unitPrice, amount and discount include the tax.
  pricesIncludeTax: true,
  lines: [
    {
      name: "信息技术服务",
      code: "3040203000000000000",
      unit: "月",
      quantity: "1",
      unitPrice: "16000",
      taxRate: "1%",
    },
  ],
});
if (!sale.ok) {
  console.error(sale.diagnostics);
  process.exit(1);
}
const built = buildInvoice(sale.value, { codes: builtinCodeTable() });
if (!built.ok) {
  console.error(built.diagnostics);
  process.exit(1);
}

const { lines, totals } = built.value;
const line = lines[0]!;
// The invoice carries the tax-exclusive unit price: 16000 ÷ 1.01, to 10 decimal places.
console.log(`${line.itemName}  数量 ${line.quantity}  单价 ${line.unitPrice}`);
// 金额 = round(16000 ÷ 1.01, 2); 税额 = 16000 − 金额, so the two always add up to what the buyer pays.
console.log(`金额 ${line.amount}  税额 ${line.tax}`);
console.log(`价税合计 ${totals.total}  ${totals.totalInWords}`);
