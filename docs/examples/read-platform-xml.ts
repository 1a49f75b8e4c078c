/**
 * Reading an issued invoice file (the platform's EInvoice XML) given on the command line:
 *   node --conditions=source --import tsx docs/examples/read-platform-xml.ts invoice.xml
 */
import { readFileSync } from "node:fs";
import { parseStaXml } from "@efapiao/sta-xml";

const file = process.argv[2];
if (file === undefined) {
  console.error("usage: read-platform-xml.ts FILE");
  process.exit(2);
}

const read = parseStaXml(readFileSync(file, "utf8"));
// Problems that make the file unusable are errors (ok: false); oddities of a usable file are warnings.
for (const d of read.diagnostics) console.log(`${d.severity} ${d.rule} at ${d.path}`);
if (!read.ok) process.exit(1);

const invoice = read.value;
console.log(
  `发票号码 ${invoice.number}  ${invoice.direction}  发票种类 ${invoice.kindCode}  开票日期 ${invoice.issueDate}`,
);
console.log(`销售方 ${invoice.seller.name} ${invoice.seller.taxId}`);
for (const line of invoice.lines) {
  // Quantity, unit and unit price are optional on the invoice (and absent on discount lines).
  const quantity = `${line.quantity ?? "—"}${line.unit ?? ""}`;
  console.log(
    `${line.index} ${line.itemName}  数量 ${quantity}  单价 ${line.unitPrice ?? "—"}  金额 ${line.amount}  税率 ${line.taxRate}  税额 ${line.tax}`,
  );
}
const { totals } = invoice;
console.log(`价税合计 ${totals.amount} + ${totals.tax} = ${totals.total}  ${totals.totalInWords}`);
