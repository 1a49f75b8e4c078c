import { parseSale } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";
import { buildInvoice } from "../src/index.js";
const codes = builtinCodeTable();
const mk = (n: number) => JSON.stringify({ kind: "special", issueDate: "2026-05-18", seller: { name: "a", taxId: "b" }, buyer: { name: "c" }, lines: Array.from({ length: n }, (_, i) => ({ name: "软件开发", code: "3040201010000000000", quantity: String(1 + (i % 12)), unitPrice: `${37 + i}.25`, taxRate: "6%", discount: i % 4 === 0 ? "1.50" : undefined })) });
const s2000 = parseSale(JSON.parse(mk(2000))); if (!s2000.ok) throw 1;
for (let i = 0; i < 50; i++) buildInvoice(s2000.value, { codes });
console.log("---- measured");
for (let i = 0; i < 5; i++) buildInvoice(s2000.value, { codes });
