import { parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { buildInvoice } from "../src/index.js";
const codes = builtinCodeTable();
const mk = (n: number) =>
  JSON.stringify({
    kind: "special",
    issueDate: "2026-05-18",
    seller: { name: "a", taxId: "b" },
    buyer: { name: "c" },
    lines: Array.from({ length: n }, (_, i) => ({
      name: "软件开发",
      code: "3040201010000000000",
      quantity: String(1 + (i % 12)),
      unitPrice: `${37 + i}.25`,
      taxRate: "6%",
      discount: i % 4 === 0 ? "1.50" : undefined,
    })),
  });
function best(f: () => unknown, reps: number) {
  for (let i = 0; i < reps; i++) f();
  let b = 1e9;
  for (let k = 0; k < 10; k++) {
    const s = performance.now();
    for (let i = 0; i < reps; i++) f();
    b = Math.min(b, (performance.now() - s) / reps);
  }
  return b;
}
for (const n of [20, 200, 2000]) {
  const t = mk(n);
  const sale = parseSale(JSON.parse(t));
  if (!sale.ok) throw 1;
  const reps = Math.max(5, Math.round(20000 / n));
  const jp = best(() => JSON.parse(t), reps),
    ps = best(() => parseSale(JSON.parse(t)), reps),
    b = best(() => buildInvoice(sale.value, { codes }), reps);
  console.log(
    n,
    "JSON.parse",
    (jp * 1000).toFixed(1),
    "parse",
    (ps * 1000).toFixed(1),
    "build",
    (b * 1000).toFixed(1),
    "µs; per line build",
    ((b * 1000) / n).toFixed(2),
  );
}
