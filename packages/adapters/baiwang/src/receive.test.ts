// 查验 and 用途确认 through 百望: each request checked field by field (values worked out from the sources
// named in verify.ts / use.ts), signed like every call, and each answer read into the port's values.
// Figures: the 数电 OFD sample of shared/samples/ofd, 4197.17 + 251.83 = 4449.00 on 2024-05-28.
import { describe, expect, it } from "vitest";
import { createBaiwang } from "./client.js";
import { verifyBaiwangSignature } from "./sign.js";

const credentials = {
  appKey: "APPKEY-1",
  appSecret: "app-secret-SHOULD-NOT-LEAK",
  token: "token-SHOULD-NOT-LEAK",
  url: "http://baiwang.test",
};
const BUYER = "914403001922038216";
const NUMBER = "24112000000048542163";

function platform(answer: unknown) {
  const seen: { method: string; body: Record<string, unknown> }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const { sign = "", ...params } = Object.fromEntries(new URL(url).searchParams);
    const body = String(init.body);
    expect(verifyBaiwangSignature(credentials.appSecret, params, body, sign)).toBe(true);
    seen.push({ method: params.method!, body: JSON.parse(body) });
    return new Response(typeof answer === "string" ? answer : JSON.stringify(answer));
  };
  return { baiwang: createBaiwang({ credentials, sellerTaxId: BUYER, fetch }), seen };
}

describe("查验 (baiwang.input.compliance.validate)", () => {
  it("a 数电票 is asked with its total (价税合计); a legacy special invoice with code and amount", async () => {
    const { baiwang, seen } = platform({ success: true, response: { checkResult: "查无此票" } });
    await baiwang.verification.verify({
      number: NUMBER,
      issueDate: "2024-05-28",
      total: "4449.00",
      amount: "4197.17",
    });
    await baiwang.verification.verify({
      number: "12345678",
      code: "4403194130",
      issueDate: "2020-01-02",
      amount: "100.00",
      total: "113.00",
    });
    expect(seen).toEqual([
      {
        method: "baiwang.input.compliance.validate",
        body: { taxNo: BUYER, invoiceNumber: NUMBER, billingDate: "2024-05-28", totalAmount: "4449.00" },
      },
      {
        method: "baiwang.input.compliance.validate",
        body: {
          taxNo: BUYER,
          invoiceCode: "4403194130",
          invoiceNumber: "12345678",
          billingDate: "2020-01-02",
          totalAmount: "100.00",
        },
      },
    ]);
  });

  it("reads the answer into canonical fields; state 8 is fully reversed, 2 void", async () => {
    const face = {
      checkResult: "一致",
      invoiceNumber: NUMBER,
      billingDate: "2024-05-28",
      sellerTaxNo: "91110108MA01ABCD2X",
      sellerName: "北京某某科技有限公司",
      amountWithoutTax: "4197.17",
      taxAmount: "251.83",
      amountTax: "4449.00",
    };
    const full = await platform({
      success: true,
      response: { ...face, state: "8" },
    }).baiwang.verification.verify({
      number: NUMBER,
      issueDate: "2024-05-28",
    });
    expect(full).toMatchObject({
      status: "ok",
      value: {
        found: true,
        redStatus: "full",
        fields: {
          number: NUMBER,
          issueDate: "2024-05-28",
          "seller.taxId": "91110108MA01ABCD2X",
          "seller.name": "北京某某科技有限公司",
          "totals.amount": "4197.17",
          "totals.tax": "251.83",
          "totals.total": "4449.00",
        },
      },
    });
    const voided = await platform({
      success: true,
      response: { ...face, state: "2" },
    }).baiwang.verification.verify({
      number: NUMBER,
      issueDate: "2024-05-28",
    });
    expect(voided).toMatchObject({ value: { found: true, redStatus: "none", state: "void" } });
  });

  it("查无此票 → not found; 100007 → credentials; HTML → unknown; no secret leaks", async () => {
    expect(
      await platform({ success: true, response: { checkResult: "查无此票" } }).baiwang.verification.verify({
        number: NUMBER,
        issueDate: "2024-05-28",
      }),
    ).toMatchObject({ status: "ok", value: { found: false } });
    const bad = await platform({
      success: false,
      errorResponse: { code: 100007, message: `签名错误 ${credentials.token}` },
    }).baiwang.verification.verify({ number: NUMBER, issueDate: "2024-05-28" });
    expect(bad).toMatchObject({ status: "rejected", reason: "credentials" });
    expect(JSON.stringify(bad)).not.toContain(credentials.token);
    const html = await platform("<html>gateway</html>").baiwang.verification.verify({
      number: NUMBER,
      issueDate: "2024-05-28",
    });
    expect(html.status).toBe("unknown");
  });
});

describe("用途确认 (queryinvoicepool, deduction.apply / cancel / applyorcancelnon)", () => {
  it("lists by buyer and period", async () => {
    const { baiwang, seen } = platform({
      success: true,
      response: [
        {
          invoiceNumber: NUMBER,
          billingDate: "2024-05-28",
          sellerTaxNo: "91110108MA01ABCD2X",
          sellerName: "北京某某科技有限公司",
          amountWithoutTax: "4197.17",
          taxAmount: "251.83",
          deductionStatus: "0",
        },
      ],
    });
    const listed = await baiwang.useConfirmation.listReceived({
      period: "2024-05",
      buyerTaxId: BUYER,
      useStatus: "unconfirmed",
    });
    expect(seen[0]).toEqual({
      method: "baiwang.input.invoice.queryinvoicepool",
      body: { taxNo: BUYER, data: { purchaserTaxNo: BUYER, taxPeriod: "202405", deductionStatus: "0" } },
    });
    expect(listed).toMatchObject({
      status: "ok",
      value: [
        {
          number: NUMBER,
          sellerTaxId: "91110108MA01ABCD2X",
          amount: "4197.17",
          tax: "251.83",
          useStatus: "unconfirmed",
        },
      ],
    });
  });

  it("抵扣 and 不抵扣 go to their own methods, confirm and cancel alike", async () => {
    const { baiwang, seen } = platform({
      success: true,
      response: [{ invoiceNumber: NUMBER, resultCode: "01" }],
    });
    const items = [
      { number: NUMBER, issueDate: "2024-05-28", tax: "251.83" },
      { number: "24112000000048542164", issueDate: "2024-05-29", use: "no-deduct" as const },
    ];
    await baiwang.useConfirmation.confirmUse("2024-05", items);
    await baiwang.useConfirmation.cancelUse("2024-05", items);
    const deduct = {
      taxPeriod: "202405",
      invoiceList: [{ invoiceNumber: NUMBER, billingDate: "2024-05-28", effectiveTaxAmount: "251.83" }],
    };
    const nonDeduct = {
      taxPeriod: "202405",
      invoiceList: [{ invoiceNumber: "24112000000048542164", billingDate: "2024-05-29" }],
    };
    expect(seen).toEqual([
      { method: "baiwang.input.deduction.apply", body: { taxNo: BUYER, data: deduct } },
      {
        method: "baiwang.input.deduction.applyorcancelnon",
        body: { taxNo: BUYER, data: { ...nonDeduct, operationType: "1" } },
      },
      { method: "baiwang.input.deduction.cancel", body: { taxNo: BUYER, data: deduct } },
      {
        method: "baiwang.input.deduction.applyorcancelnon",
        body: { taxNo: BUYER, data: { ...nonDeduct, operationType: "2" } },
      },
    ]);
  });

  it("a refused invoice keeps its code and words", async () => {
    const { baiwang } = platform({
      success: true,
      response: [{ invoiceNumber: NUMBER, resultCode: "06", resultMessage: "已勾选无法重复勾选" }],
    });
    expect(
      await baiwang.useConfirmation.confirmUse("2024-05", [{ number: NUMBER, issueDate: "2024-05-28" }]),
    ).toMatchObject({
      status: "ok",
      value: [{ number: NUMBER, ok: false, providerCode: "06", providerMessage: "已勾选无法重复勾选" }],
    });
  });
});
