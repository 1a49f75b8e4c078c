import { parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { lineGroups, assembleInvoice } from "../src/invoice-lines.js";
import { lineAmounts } from "../src/line-amounts.js";
import { resolveItemName } from "../src/item-name.js";
const codes = builtinCodeTable();
const mk = (n: number) => JSON.stringify({ kind: "special", issueDate: "2026-05-18", seller: { name: "a", taxId: "b" }, buyer: { name: "c" }, lines: Array.from({ length: n }, (_, i) => ({ name: "软件开发", code: "3040201010000000000", quantity: String(1 + (i % 12)), unitPrice: `${37 + i}.25`, taxRate: "6%", discount: i % 4 === 0 ? "1.50" : undefined })) });
const s20 = parseSale(JSON.parse(mk(20))), s2000 = parseSale(JSON.parse(mk(2000))); if (!s20.ok || !s2000.ok) throw 1;
function lin(name: string, f: (s: typeof s20.value) => unknown) {
  const a = () => f(s20.value), b = () => f(s2000.value);
  for (let i = 0; i < 3000; i++) a(); for (let i = 0; i < 30; i++) b();
  const ratios = [];
  for (let k = 0; k < 31; k++) { const t0 = performance.now(); b(); const t1 = performance.now(); for (let i = 0; i < 100; i++) a(); const t2 = performance.now(); ratios.push((t1 - t0) / (t2 - t1) * 100); }
  ratios.sort((x, y) => x - y); console.log(name.padEnd(20), "2000/20:", ratios[15].toFixed(0));
}
lin("lineAmounts map", (s) => s.lines.map((l) => lineAmounts(l, false, "x")));
lin("lineAmounts discard", (s) => { for (const l of s.lines) lineAmounts(l, false, "x"); });
lin("itemName map", (s) => s.lines.map((l) => resolveItemName(l.name, l.code, codes, "x")));
lin("lineGroups", (s) => lineGroups(s, codes));
lin("groups+assemble", (s) => { const g = lineGroups(s, codes); if (g.ok) assembleInvoice(s, g.value, "2026-01-01", "圆"); });
