// Shared test helpers: the test sale, a sandbox per test, settling a pending outcome, a full reversal.
import type { IssueOutcome, Provider, RedFormApplication } from "@efapiao/provider";
import { afterEach } from "vitest";
import { createSandbox, type Sandbox, type SandboxOptions } from "../src/index.js";
import { BUYER, invoice, SELLER } from "./sale.js";

export { BUYER, invoice, SELLER, sale } from "./sale.js";

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
