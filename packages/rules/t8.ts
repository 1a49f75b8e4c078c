import { buildInvoiceFromJson } from "@efapiao/calc";
import { builtinCodeTable } from "@efapiao/tables";
import { compilePack, createValidator, readRuleSources } from "./src/index.ts";
const { sources } = await readRuleSources("standard");
const pack = compilePack(sources, { name: "standard" });
const codes = [...builtinCodeTable().entries()].filter((e) => !e.summary && e.rates.length > 0);
function make(n) {
const lines = Array.from({ length: n }, (_, i) => { const code = codes[i % codes.length]; return { name: `${code.name}${i + 1}`, code: code.code, unit: "项", quantity: String((i % 7) + 1), unitPrice: `${100 + ((i * 37) % 900)}.${String(i % 100).padStart(2, "0")}`, taxRate: code.rates[0] }; });
return buildInvoiceFromJson({ kind: "special", issueDate: "2026-05-18", seller: { name: "上海示例科技有限公司", taxId: "914403001922038216" }, buyer: { name: "阿里巴巴（中国）网络技术有限公司", taxId: "91330100716105852F" }, lines, drawer: "张伟" }, { codes: builtinCodeTable() }).value;
}
const docs = { 1: make(1), 20: make(20), 200: make(200) };
const times = new Map();
for (const r of pack.rules) { const ev = r.evaluate; r.evaluate = (env, fail) => { const t = performance.now(); ev(env, fail); times.set(r.id, (times.get(r.id) ?? 0) + performance.now() - t); }; }
const v = createValidator({ packs: [pack], today: "2026-01-01" });
for (let i = 0; i < 2000; i++) { v(docs[1]); v(docs[20]); }
const res = {1: [], 20: [], 200: []};
for (let round = 0; round < 10; round++) for (const n of [1, 20, 200]) { const k = n === 200 ? 20 : 300; const t = performance.now(); for (let i = 0; i < k; i++) v(docs[n]); res[n].push((performance.now() - t) / k * 1000); }
for (const n of [1, 20, 200]) { const s = res[n].sort((a,b)=>a-b); console.log(n, "lines median us", s[5].toFixed(1)); }
times.clear();
for (let i = 0; i < 2000; i++) v(docs[1]);
console.log([...times.entries()].map(([k, v]) => [k, v / 2000 * 1000]).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k,v])=>k+" "+v.toFixed(2)).join("\n"));
