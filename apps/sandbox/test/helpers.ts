// Shared test material: a valid sale (real, checksum-valid tax ids from domain-facts.md) and its invoice.
import { buildInvoiceFromJson } from "@efapiao/calc";
import type { Invoice } from "@efapiao/model";
import { builtinCodeTable } from "@efapiao/tables";

export const SELLER = "91330100716105852F"; // 阿里巴巴（中国）网络技术有限公司
export const BUYER = "914403001922038216"; // 华为技术有限公司

/** Two lines at 6%: 2 × 1500 = 3000.00 (tax 180.00) and 1 × 1000 = 1000.00 (tax 60.00). */
export function sale(kind: "special" | "general" = "special") {
  return {
    kind,
    issueDate: "2026-05-18",
    seller: { name: "阿里巴巴（中国）网络技术有限公司", taxId: SELLER },
    buyer: { name: "华为技术有限公司", taxId: BUYER },
    lines: [
      { name: "软件开发", code: "3040201010000000000", quantity: "2", unitPrice: "1500", taxRate: "6%" },
      { name: "软件开发", code: "3040201010000000000", quantity: "1", unitPrice: "1000", taxRate: "6%" },
    ],
    drawer: "张伟",
  };
}

export function invoice(kind: "special" | "general" = "special"): Invoice {
  const built = buildInvoiceFromJson(sale(kind), { codes: builtinCodeTable() });
  if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
  return built.value;
}
