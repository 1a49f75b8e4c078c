import { parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { buildInvoice } from "./src/index.ts";
const codes = builtinCodeTable();
const ITEMS = [
  { name: "软件开发", code: "3040201010000000000", taxRate: "6%" },
  { name: "物业管理", code: "3040801010000000000", taxRate: "6%" },
  { name: "货物运输", code: "3010102990100000000", taxRate: "9%" },
  { name: "笔记本", code: "1060105020000000000", taxRate: "13%" },
  { name: "瓶装茶饮料", code: "1030307050000000000", taxRate: "0.13" },
];
const lines = Array.from({ length: 20 }, (_, i) => {
  const item = ITEMS[i % ITEMS.length]!;
  const line: Record<string, unknown> = { ...item, spec: `型号-${i % 17}`, unit: "个" };
  if (i % 10 === 9) line.amount = `${1000 + i}.${String(i % 100).padStart(2, "0")}`;
  else {
    line.quantity = String(1 + (i % 12));
    line.unitPrice = `${37 + ((i * 7919) % 5000)}.${String((i * 31) % 100).padStart(2, "0")}`;
  }
  if (i % 4 === 0) line.discount = "1.50";
  return line;
});
const text = JSON.stringify({
  kind: "special",
  issueDate: "2026-05-18",
  seller: {
    name: "上海示例科技有限公司",
    taxId: "91310115MA1K3XYZ7A",
    address: "上海市浦东新区",
    phone: "021-12345678",
  },
  buyer: { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1B" },
  pricesIncludeTax: false,
  lines,
  remarks: "合同号 HT-2026-0518",
  drawer: "张伟",
});
const sale = parseSale(JSON.parse(text));
if (!sale.ok) throw 1;
const N = 20000;
const ONLY = process.env.ONLY;
if (ONLY) {
  for (let i = 0; i < N * 5; i++) buildInvoice(sale.value, { codes });
  process.exit(0);
}
let t = performance.now();
for (let i = 0; i < N; i++) JSON.parse(text);
const tp = (performance.now() - t) / N;
t = performance.now();
for (let i = 0; i < N; i++) parseSale(JSON.parse(text));
const ts = (performance.now() - t) / N;
t = performance.now();
for (let i = 0; i < N; i++) buildInvoice(sale.value, { codes });
const tb = (performance.now() - t) / N;
console.log(
  `JSON.parse ${(tp * 1000).toFixed(1)}µs; parseSale ${(ts * 1000).toFixed(1)}µs (${(ts / tp).toFixed(1)}×); build ${(tb * 1000).toFixed(1)}µs (${(tb / tp).toFixed(1)}×); total ${((ts + tb) / tp).toFixed(1)}×`,
);
