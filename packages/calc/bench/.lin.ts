import { parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { buildInvoice } from "../src/index.js";
const codes = builtinCodeTable();
const mk = (n: number) => JSON.stringify({ kind: "special", issueDate: "2026-05-18", seller: { name: "a", taxId: "b" }, buyer: { name: "c" }, lines: Array.from({ length: n }, (_, i) => ({ name: "软件开发", code: "3040201010000000000", quantity: String(1 + (i % 12)), unitPrice: `${37 + i}.25`, taxRate: "6%", discount: i % 4 === 0 ? "1.50" : undefined })) });
const s20 = parseSale(JSON.parse(mk(20))), s2000 = parseSale(JSON.parse(mk(2000)));
if (!s20.ok || !s2000.ok) throw 1;
const a = () => buildInvoice(s20.value, { codes }), b = () => buildInvoice(s2000.value, { codes });
for (let i = 0; i < 5000; i++) a(); for (let i = 0; i < 50; i++) b();
const ratios = [];
for (let k = 0; k < 41; k++) { const t0 = performance.now(); b(); const t1 = performance.now(); for (let i = 0; i < 100; i++) a(); const t2 = performance.now(); ratios.push((t1 - t0) / (t2 - t1) * 100); }
ratios.sort((x, y) => x - y); console.log("build 2000/20 paired median", ratios[20].toFixed(0), "min", ratios[0].toFixed(0));
