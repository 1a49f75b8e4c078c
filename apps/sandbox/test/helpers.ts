// Shared test material: a valid sale (real, checksum-valid tax ids from domain-facts.md) and its invoice.
import { buildInvoiceFromJson } from "@efapiao/calc";
import type { Invoice } from "@efapiao/model";
import type { IssueOutcome, Provider, RedFormApplication } from "@efapiao/provider";
import { builtinCodeTable } from "@efapiao/tables";
import { afterEach } from "vitest";
import { createSandbox, type Sandbox, type SandboxOptions } from "../src/index.js";

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

/** Starts sandboxes for a test file's tests and closes each after its test. */
export function sandboxPerTest(): (options?: SandboxOptions) => Promise<Sandbox> {
  const open: Sandbox[] = [];
  afterEach(async () => {
    for (const sandbox of open.splice(0)) await sandbox.close();
  });
  return async (options = {}) => {
    const sandbox = await createSandbox(options);
    open.push(sandbox);
    return sandbox;
  };
}

/** Queries until the outcome is no longer pending, at most `limit` times. */
export async function settle(provider: Provider, key: string, limit = 5): Promise<IssueOutcome> {
  let outcome = await provider.query(key);
  for (let i = 1; i < limit && outcome.status === "pending"; i++) outcome = await provider.query(key);
  return outcome;
}

/** The seller's application to reverse all of the test invoice (4000.00 + 240.00) issued as `number`. */
export function fullReversal(
  number: string,
  overrides: Partial<RedFormApplication> = {},
): RedFormApplication {
  const blue = invoice();
  return {
    requestKey: "F-1",
    initiator: "seller",
    originalNumber: number,
    originalIssueDate: "2026-05-18",
    originalKind: "special",
    originalAmount: "4000.00",
    originalTax: "240.00",
    reason: "01",
    seller: { taxId: SELLER, name: blue.seller.name },
    buyer: { taxId: BUYER, name: blue.buyer.name },
    amount: "-4000.00",
    tax: "-240.00",
    lines: [],
    ...overrides,
  };
}
