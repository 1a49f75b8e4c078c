/** What the 查验 and 用途确认 tests issue on the sandbox: a special invoice between two real companies. */
import { buildInvoiceFromJson } from "@efapiao/calc";
import type { Invoice } from "@efapiao/model";
import type { IssueOutcome, Provider } from "@efapiao/provider";
import { builtinCodeTable } from "@efapiao/tables";

export const SELLER = "91330100716105852F"; // 阿里巴巴（中国）网络技术有限公司
export const BUYER = "914403001922038216"; // 华为技术有限公司

/** Default lines: 2 × 1500 + 1 × 1000 at 6% = 4000.00 + 240.00. */
export function specialInvoice(
  lines: Record<string, string>[] = [
    { name: "软件开发", code: "3040201010000000000", quantity: "2", unitPrice: "1500", taxRate: "6%" },
    { name: "软件开发", code: "3040201010000000000", quantity: "1", unitPrice: "1000", taxRate: "6%" },
  ],
): Invoice {
  const built = buildInvoiceFromJson(
    {
      kind: "special",
      issueDate: "2026-05-18",
      seller: { name: "阿里巴巴（中国）网络技术有限公司", taxId: SELLER },
      buyer: { name: "华为技术有限公司", taxId: BUYER },
      lines,
    },
    { codes: builtinCodeTable() },
  );
  if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
  return built.value;
}

/** Issues under a key and waits out the sandbox's "being issued" answers. */
export async function issueAndSettle(provider: Provider, key: string, invoice: Invoice): Promise<string> {
  await provider.issue({ requestKey: key, invoice });
  let outcome: IssueOutcome = await provider.query(key);
  for (let i = 0; i < 4 && outcome.status === "pending"; i++) outcome = await provider.query(key);
  if (outcome.status !== "issued") throw new Error(JSON.stringify(outcome));
  return outcome.number;
}
