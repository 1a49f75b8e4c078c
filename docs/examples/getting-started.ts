/**
 * Getting started: read a sale document, build the invoice with the built-in classification-code table,
 * and print the totals with the capital amount.
 * Run from the repository root: node --conditions=source --import tsx docs/examples/getting-started.ts
 */
import { buildInvoice } from "@efapiao/calc";
import { parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";

// What a company's system hands over (contracts §1). Money is written as strings so it stays exact.
const input = {
  kind: "special",
  issueDate: "2026-05-18",
  seller: { name: "上海示例科技有限公司", taxId: "91310115MA1K3XY07U" },
  buyer: { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1U" },
  lines: [
    {
      name: "软件开发",
      code: "3040201010000000000",
      unit: "项",
      quantity: "1",
      unitPrice: "100000.00",
      taxRate: "6%",
    },
  ],
};

// Both steps return a Result: the value, or diagnostics that name the JSON path of each problem.
const sale = parseSale(input);
if (!sale.ok) {
  console.error(sale.diagnostics);
  process.exit(1);
}
const built = buildInvoice(sale.value, { codes: builtinCodeTable() });
if (!built.ok) {
  console.error(built.diagnostics);
  process.exit(1);
}

const invoice = built.value;
for (const line of invoice.lines) {
  console.log(`${line.itemName}  金额 ${line.amount}  税率 ${line.taxRate}  税额 ${line.tax}`);
}
console.log(`合计金额 ${invoice.totals.amount}`);
console.log(`合计税额 ${invoice.totals.tax}`);
console.log(`价税合计 ${invoice.totals.total}`);
console.log(`价税合计大写 ${invoice.totals.totalInWords}`);
