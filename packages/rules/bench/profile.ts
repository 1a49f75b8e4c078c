/**
 * `node --cpu-prof --conditions=source --import tsx bench/profile.ts [lines] [seconds]`: validates one invoice in
 * a loop with nothing else running, for a CPU profile of validation alone (bench/run.ts also runs the
 * interpreter baseline and JSON.parse).
 */
import { buildInvoiceFromJson } from "@efapiao/calc";
import { builtinCodeTable } from "@efapiao/tables";
import { readRuleSources } from "../src/node/load.js";
import { compilePack } from "../src/pack.js";
import { standardPackDir } from "../src/node/standard-dir.js";
import { createValidator } from "../src/validate.js";

const n = Number(process.argv[2] ?? 20);
const seconds = Number(process.argv[3] ?? 5);
const codes = [...builtinCodeTable().entries()].filter((e) => !e.summary && e.rates.length > 0);
const sale = {
  kind: "special",
  issueDate: "2026-05-18",
  seller: { name: "上海示例科技有限公司", taxId: "914403001922038216" },
  buyer: { name: "阿里巴巴（中国）网络技术有限公司", taxId: "91330100716105852F" },
  lines: Array.from({ length: n }, (_, i) => {
    const code = codes[i % codes.length]!;
    return {
      name: `${code.name}${i + 1}`,
      code: code.code,
      unit: "项",
      quantity: String((i % 7) + 1),
      unitPrice: `${100 + ((i * 37) % 900)}.${String(i % 100).padStart(2, "0")}`,
      taxRate: code.rates[0] ?? "0.06",
    };
  }),
  drawer: "张伟",
};
const built = buildInvoiceFromJson(sale, { codes: builtinCodeTable() });
if (!built.ok) throw new Error("bench invoice does not build");
const text = JSON.stringify(built.value);
const { sources } = await readRuleSources(standardPackDir());
const validate = createValidator({
  packs: [compilePack(sources, { name: "standard" })],
  today: "2026-05-18",
});
const doc = JSON.parse(text);
const end = Date.now() + seconds * 1000;
let runs = 0;
while (Date.now() < end) {
  for (let i = 0; i < 100; i++) validate(doc);
  runs += 100;
}
console.log(`${runs} validations of ${n} lines, ${((seconds * 1e6) / runs).toFixed(1)} µs each (wall clock)`);
