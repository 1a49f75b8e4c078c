import { parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { buildInvoice } from "../src/index.js";
import { readFileSync } from "node:fs";
const codes = builtinCodeTable();
const ITEMS = [
  { name: "软件开发", code: "3040201010000000000", taxRate: "6%" },
  { name: "货物运输", code: "3010102990100000000", taxRate: "9%" },
];
const lines = Array.from({ length: 20 }, (_, i) => ({
  ...ITEMS[i % 2],
  quantity: String(1 + (i % 12)),
  unitPrice: `${37 + i}.25`,
  discount: i % 4 === 0 ? "1.50" : undefined,
}));
const sale = parseSale({
  kind: "special",
  issueDate: "2026-05-18",
  seller: { name: "a", taxId: "b" },
  buyer: { name: "c" },
  lines,
});
if (!sale.ok) throw new Error();
function time(name: string, f: () => unknown, n = 3000) {
  for (let i = 0; i < 3000; i++) f();
  let best = 1e9;
  for (let k = 0; k < 15; k++) {
    const s = performance.now();
    for (let i = 0; i < n; i++) f();
    best = Math.min(best, ((performance.now() - s) / n) * 1000);
  }
  console.log(name, best.toFixed(2), "µs");
}
const text = JSON.stringify({
  kind: "special",
  issueDate: "2026-05-18",
  seller: { name: "a", taxId: "b" },
  buyer: { name: "c" },
  lines,
});
time("JSON.parse", () => JSON.parse(text));

time("build", () => buildInvoice(sale.value, { codes }));
