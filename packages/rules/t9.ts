import { buildInvoiceFromJson } from "@efapiao/calc";
import { builtinCodeTable } from "@efapiao/tables";
import { compilePack, createValidator, readRuleSources } from "./src/index.ts";
import { interpretRule } from "./bench/interpreter.ts";
const { sources } = await readRuleSources("standard");
const pack = compilePack(sources, { name: "standard" });
const codes = [...builtinCodeTable().entries()].filter((e) => !e.summary && e.rates.length > 0);
function make(n) {
const lines = Array.from({ length: n }, (_, i) => { const code = codes[i % codes.length]; return { name: `${code.name}${i + 1}`, code: code.code, unit: "项", quantity: String((i % 7) + 1), unitPrice: `${100 + ((i * 37) % 900)}.${String(i % 100).padStart(2, "0")}`, taxRate: code.rates[0] }; });
return buildInvoiceFromJson({ kind: "special", issueDate: "2026-05-18", seller: { name: "上海示例科技有限公司", taxId: "914403001922038216" }, buyer: { name: "阿里巴巴（中国）网络技术有限公司", taxId: "91330100716105852F" }, lines, drawer: "张伟" }, { codes: builtinCodeTable() }).value;
}
const doc = make(20);
const vc = createValidator({ packs: [pack], today: "2026-01-01" });
const ip = { ...pack, rules: pack.rules.map((rule) => ({ ...rule, evaluate: (env, fail) => interpretRule(rule, env, fail) })) };
const vi = createValidator({ packs: [ip], today: "2026-01-01" });
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const mode = process.argv[2];
for (let r = 0; r < 8; r++) {
  for (const [name, v] of (mode === "i" ? [["interp", vi], ["comp", vc]] : [["comp", vc], ["interp", vi]])) {
    const t = cpu(); for (let i = 0; i < 300; i++) v(doc); console.log(r, name, ((cpu() - t) / 300 * 1000).toFixed(1));
  }
}
