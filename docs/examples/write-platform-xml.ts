/**
 * Writing the platform's EInvoice XML: build an invoice, add what the platform adds when it issues it
 * (the 20-digit number, the time, the tax bureau), and write the file.
 */
import { buildInvoice } from "@efapiao/calc";
import { parseSale, withIssuance } from "@efapiao/model";
import { writeStaXml } from "@efapiao/sta-xml";
import { builtinCodeTable } from "@efapiao/tables";

const sale = parseSale({
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
  drawer: "张伟",
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

// Only the platform assigns the number: these issuance details come back from it (or a provider).
// 26 = 2026, 31 = Shanghai; the tax bureau code is 1 + region 310000 + 0000.
const issued = withIssuance(built.value, {
  number: "26312000000012345678",
  issuedAt: "2026-05-18 10:30:00",
  taxBureau: { code: "13100000000", name: "国家税务总局上海市税务局" },
  version: "0.31",
});
if (!issued.ok) {
  console.error(issued.diagnostics);
  process.exit(1);
}

// efapiao neither makes nor checks the platform's SM2 signature, so a written file carries none.
const xml = writeStaXml(issued.value, { signature: "omit" });
if (!xml.ok) {
  console.error(xml.diagnostics);
  process.exit(1);
}
console.log(xml.value);
