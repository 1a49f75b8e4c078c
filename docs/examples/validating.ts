/**
 * Validating an invoice with the standard rule pack, then with a company pack on top of it
 * (examples/company-rules/acme.rules): one rule lowered to a warning, one rule added.
 */
import { fileURLToPath } from "node:url";
import { buildInvoiceFromJson } from "@efapiao/calc";
import { loadStandardPack, type ValidationResult, validate } from "@efapiao/rules";
import { loadPack } from "@efapiao/rules/node";
import { builtinCodeTable } from "@efapiao/tables";

const codes = builtinCodeTable();
const built = buildInvoiceFromJson(
  {
    kind: "special",
    issueDate: "2026-05-18",
    seller: { name: "上海示例科技有限公司", taxId: "91310115MA1K3XY07U" },
    // The check character of this id should be U: the standard pack reports it (rule FP-ID-04).
    buyer: { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1B" },
    lines: [
      { name: "软件开发", code: "3040201010000000000", quantity: "1", unitPrice: "100000.00", taxRate: "6%" },
    ],
  },
  { codes },
);
if (!built.ok) {
  console.error(built.diagnostics);
  process.exit(1);
}
const invoice = built.value;

function report(title: string, result: ValidationResult): void {
  console.log(`${title}: valid ${result.valid}`);
  for (const d of result.diagnostics) console.log(`  ${d.severity} ${d.rule} at ${d.path}`);
}

const standard = await loadStandardPack();
report("standard", validate(invoice, { packs: [standard], codes }));

// A company pack builds on the standard pack: it may change a rule's severity and add rules of its own.
const acme = await loadPack(fileURLToPath(new URL("company-rules/", import.meta.url)), {
  extends: [standard],
});
report("standard + acme", validate(invoice, { packs: [standard, acme], codes }));

const withContract = { ...invoice, remarks: "合同号 HT-2026-0518" };
report("standard + acme, with the contract", validate(withContract, { packs: [standard, acme], codes }));
