import { parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { Decimal } from "../src/decimal.js";
import { buildInvoice } from "../src/index.js";
import { lineAmounts } from "../src/line-amounts.js";
const codes = builtinCodeTable();
const mk = (n: number) => JSON.stringify({ kind: "special", issueDate: "2026-05-18", seller: { name: "a", taxId: "b" }, buyer: { name: "c" }, lines: Array.from({ length: n }, (_, i) => ({ name: "软件开发", code: "3040201010000000000", quantity: String(1 + (i % 12)), unitPrice: `${37 + i}.25`, taxRate: "6%", discount: i % 4 === 0 ? "1.50" : undefined })) });
const s = parseSale(JSON.parse(mk(2000))); if (!s.ok) throw 1;
const g = (globalThis as any).gc;
function alloc(name: string, f: () => unknown) { for (let i = 0; i < 20; i++) f(); g(); const before = process.memoryUsage().heapUsed; const keep = f(); const after = process.memoryUsage().heapUsed; console.log(name, ((after - before) / 2000).toFixed(0), "bytes/line", keep ? "" : ""); }
alloc("build", () => buildInvoice(s.value, { codes }));
alloc("lineAmounts", () => s.value.lines.map((l) => lineAmounts(l, false, "lines[0]")));
alloc("new Decimal x2000", () => s.value.lines.map((l) => new Decimal(l.unitPrice!)));
alloc("times x2000", () => s.value.lines.map((l) => new Decimal(l.unitPrice!).times(new Decimal(l.quantity!))));
alloc("toDP x2000", () => s.value.lines.map((l) => new Decimal(l.unitPrice!).times("0.06").toDecimalPlaces(2)));
