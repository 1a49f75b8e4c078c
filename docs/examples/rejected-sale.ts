/**
 * What a rejected sale document looks like: every problem is a value with the JSON path of the field and
 * a message in Chinese and English. Here the buyer's `taxId` is misspelt — unknown fields are rejected, never
 * dropped, so it cannot silently vanish — and the amount has a thousands separator.
 */
import { parseSale } from "@efapiao/model";

const sale = parseSale({
  kind: "general",
  seller: { name: "上海示例科技有限公司", taxId: "91310115MA1K3XY07U" },
  buyer: { name: "北京采购贸易有限公司", taxid: "91110108MA00ABCD1U" },
  lines: [{ name: "软件开发", code: "3040201010000000000", amount: "1,000.00", taxRate: "6%" }],
});

if (sale.ok) {
  console.log("accepted");
} else {
  for (const d of sale.diagnostics) {
    console.log(`${d.severity} ${d.rule} at ${d.path}`);
    console.log(`  ${d.message}`);
    console.log(`  ${d.messageEn}`);
  }
}
