import { parseSale } from "@efapiao/model";
const mk = (n: number) => JSON.stringify({ kind: "special", issueDate: "2026-05-18", seller: { name: "a", taxId: "b" }, buyer: { name: "c" }, lines: Array.from({ length: n }, (_, i) => ({ name: "软件开发", code: "3040201010000000000", quantity: String(1 + (i % 12)), unitPrice: `${37 + i}.25`, taxRate: "6%", discount: i % 4 === 0 ? "1.50" : undefined })) });
const t20 = mk(20), t2000 = mk(2000);
for (const [name, f20, f2000] of [["JSON.parse", () => JSON.parse(t20), () => JSON.parse(t2000)], ["parseSale", () => parseSale(JSON.parse(t20)), () => parseSale(JSON.parse(t2000))]] as const) {
  for (let i = 0; i < 3000; i++) f20(); for (let i = 0; i < 30; i++) f2000();
  const ratios = [];
  for (let k = 0; k < 41; k++) { const t0 = performance.now(); f2000(); const t1 = performance.now(); for (let i = 0; i < 100; i++) f20(); const t2 = performance.now(); ratios.push((t1 - t0) / (t2 - t1) * 100); }
  ratios.sort((x, y) => x - y); console.log(name, "2000/20 paired median", ratios[20].toFixed(0));
}
