import { describe, expect, it } from "vitest";
import {
  hasRedLetter,
  hasUseConfirmation,
  hasVerification,
  type IssueOutcome,
  isFinal,
  isRequestKey,
  type Provider,
  providerDiagnostic,
} from "./index.js";

const base: Provider = {
  id: "test",
  issue: async () => ({ status: "pending", requestKey: "k" }),
  query: async () => ({ status: "pending", requestKey: "k" }),
};

describe("request keys (contracts.md §4: 1–40 of A–Z a–z 0–9 - _)", () => {
  it("accepts the allowed alphabet up to 40 characters", () => {
    expect(isRequestKey("SO-2026_0518")).toBe(true);
    expect(isRequestKey("a".repeat(40))).toBe(true);
  });
  it("refuses empty, too long and other characters", () => {
    expect(isRequestKey("")).toBe(false);
    expect(isRequestKey("a".repeat(41))).toBe(false);
    expect(isRequestKey("订单1")).toBe(false);
    expect(isRequestKey("a b")).toBe(false);
    expect(isRequestKey("a.b")).toBe(false);
  });
});

describe("isFinal", () => {
  const rejected = (reason: "refused" | "duplicate" | "seal-failed", retryable: boolean): IssueOutcome => ({
    status: "rejected",
    reason,
    retryable,
    diagnostics: [],
  });
  it("issued and plain refusals are final; pending, unknown, duplicates and seal failures are not", () => {
    expect(
      isFinal({ status: "issued", requestKey: "k", number: "1".repeat(20), issuedAt: "", files: [] }),
    ).toBe(true);
    expect(isFinal(rejected("refused", false))).toBe(true);
    expect(isFinal(rejected("refused", true))).toBe(false);
    expect(isFinal(rejected("duplicate", false))).toBe(false);
    expect(isFinal(rejected("seal-failed", true))).toBe(false);
    expect(isFinal({ status: "pending", requestKey: "k" })).toBe(false);
    expect(isFinal({ status: "unknown", diagnostics: [] })).toBe(false);
  });
});

describe("capability guards", () => {
  it("tell what a provider offers", () => {
    expect(hasRedLetter(base)).toBe(false);
    expect(hasVerification(base)).toBe(false);
    expect(hasUseConfirmation(base)).toBe(false);
    const verifying: Provider = {
      ...base,
      verification: { verify: async () => ({ status: "ok", value: { found: false } }) },
    };
    expect(hasVerification(verifying)).toBe(true);
  });
});

describe("providerDiagnostic", () => {
  it("keeps the provider's code and message beside ours", () => {
    expect(
      providerDiagnostic(
        "nuonuo",
        "PROVIDER_DUPLICATE_KEY",
        { zh: "请求号重复", en: "Request key reused" },
        {
          providerCode: "E9106",
          providerMessage: "订单编号或流水号不能重复",
        },
      ),
    ).toEqual({
      rule: "PROVIDER_DUPLICATE_KEY",
      severity: "error",
      path: "",
      message: "请求号重复",
      messageEn: "Request key reused",
      provider: "nuonuo",
      providerCode: "E9106",
      providerMessage: "订单编号或流水号不能重复",
    });
  });
});
