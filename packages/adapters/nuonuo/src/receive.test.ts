// 查验 and 用途确认 through Nuonuo: each request checked field by field (values worked out from the sources
// named in verify.ts / use.ts), signed like every call, and each answer read into the port's values.
// Figures: the 数电 OFD sample of shared/samples/ofd, 4197.17 + 251.83 = 4449.00 on 2024-05-28.
import { describe, expect, it } from "vitest";
import { createNuonuo } from "./client.js";
import { verifyNuonuoSignature } from "./sign.js";

const credentials = {
  appKey: "APPKEY-1",
  appSecret: "app-secret-SHOULD-NOT-LEAK",
  accessToken: "access-token-SHOULD-NOT-LEAK",
  url: "http://nuonuo.test",
};
const BUYER = "914403001922038216";
const NUMBER = "24112000000048542163";

/** A fetch that checks the signature over the bytes it received, records the request, then answers. */
function platform(answer: unknown) {
  const seen: { method: string; body: Record<string, unknown> }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const query = new URL(url).searchParams;
    const headers = init.headers as Record<string, string>;
    const body = init.body as string;
    const parts = {
      appKey: query.get("appkey")!,
      senid: query.get("senid")!,
      nonce: query.get("nonce")!,
      timestamp: query.get("timestamp")!,
      body,
    };
    expect(verifyNuonuoSignature(credentials.appSecret, parts, headers["X-Nuonuo-Sign"]!)).toBe(true);
    seen.push({ method: headers.method!, body: JSON.parse(body) });
    return new Response(typeof answer === "string" ? answer : JSON.stringify(answer));
  };
  return { nuonuo: createNuonuo({ credentials, sellerTaxId: BUYER, fetch }), seen };
}

describe("查验 (nuonuo.electronInvoice.invoiceInspection)", () => {
  it("a 数电票 is asked by number, date and total (价税合计); a legacy 普票 by code and check code", async () => {
    const { nuonuo, seen } = platform({ code: "E0000", result: null });
    await nuonuo.verification.verify({
      number: NUMBER,
      issueDate: "2024-05-28",
      total: "4449.00",
      amount: "4197.17",
    });
    await nuonuo.verification.verify({
      number: "12345678",
      code: "044031900111",
      issueDate: "2020-01-02",
      checkCode: "12345678901234567890",
    });
    expect(seen).toEqual([
      {
        method: "nuonuo.electronInvoice.invoiceInspection",
        body: {
          invoiceCode: "",
          invoiceNo: NUMBER,
          invoiceDate: "2024-05-28",
          optionField: "4449.00",
          taxNo: BUYER,
        },
      },
      {
        method: "nuonuo.electronInvoice.invoiceInspection",
        body: {
          invoiceCode: "044031900111",
          invoiceNo: "12345678",
          invoiceDate: "2020-01-02",
          optionField: "567890",
          taxNo: BUYER,
        },
      },
    ]);
  });

  it("reads the result into canonical fields and the bureau's state (7 部分红冲)", async () => {
    const { nuonuo } = platform({
      code: "E0000",
      describe: "查验成功",
      result: {
        invoiceNo: NUMBER,
        invoiceDate: "2024-05-28",
        salerTaxNum: "91110108MA01ABCD2X",
        salerName: "北京某某科技有限公司",
        payerName: "上海某某有限公司",
        exTaxAmount: "4197.17",
        taxAmount: "251.83",
        orderAmount: "4449",
        invoiceStatus: "7",
      },
    });
    const outcome = await nuonuo.verification.verify({ number: NUMBER, issueDate: "2024-05-28" });
    expect(outcome).toMatchObject({
      status: "ok",
      value: {
        found: true,
        redStatus: "partial",
        state: "normal",
        fields: {
          number: NUMBER,
          issueDate: "2024-05-28",
          "seller.taxId": "91110108MA01ABCD2X",
          "seller.name": "北京某某科技有限公司",
          "buyer.name": "上海某某有限公司",
          "totals.amount": "4197.17",
          "totals.tax": "251.83",
          "totals.total": "4449.00",
        },
      },
    });
  });

  it("no result → not found; a refusal keeps Nuonuo's code; an HTML page is unknown; no secret leaks", async () => {
    expect(
      await platform({ code: "E0000", result: null }).nuonuo.verification.verify({
        number: NUMBER,
        issueDate: "2024-05-28",
      }),
    ).toMatchObject({
      status: "ok",
      value: { found: false },
    });
    const refused = await platform({
      code: "E9999",
      describe: `token ${credentials.accessToken}`,
    }).nuonuo.verification.verify({
      number: NUMBER,
      issueDate: "2024-05-28",
    });
    expect(refused).toMatchObject({ status: "rejected", diagnostics: [{ providerCode: "E9999" }] });
    expect(JSON.stringify(refused)).not.toContain(credentials.accessToken);
    const html = await platform("<html>502 Bad Gateway</html>").nuonuo.verification.verify({
      number: NUMBER,
      issueDate: "2024-05-28",
    });
    expect(html.status).toBe("unknown");
  });
});

describe("用途确认 (queryInputInvoice, checkInputInvoice)", () => {
  it("lists by buyer and period (YYYYMM), the use status as the bureau's code", async () => {
    const { nuonuo, seen } = platform({
      code: "E0000",
      result: [
        {
          invoiceNo: NUMBER,
          invoiceDate: "2024-05-28",
          salerTaxNum: "91110108MA01ABCD2X",
          salerName: "北京某某科技有限公司",
          exTaxAmount: "4197.17",
          taxAmount: "251.83",
          useStatus: "6",
        },
      ],
    });
    const listed = await nuonuo.useConfirmation.listReceived({
      period: "2024-05",
      buyerTaxId: BUYER,
      useStatus: "no-deduct",
    });
    expect(seen[0]).toEqual({
      method: "nuonuo.OpeMplatform.queryInputInvoice",
      body: { taxnum: BUYER, taxPeriod: "202405", useStatus: "6" },
    });
    expect(listed).toMatchObject({
      status: "ok",
      value: [
        {
          number: NUMBER,
          issueDate: "2024-05-28",
          sellerTaxId: "91110108MA01ABCD2X",
          sellerName: "北京某某科技有限公司",
          amount: "4197.17",
          tax: "251.83",
          useStatus: "no-deduct",
        },
      ],
    });
  });

  it("confirms (01 抵扣, 03 不抵扣) and cancels (02, 04); per-invoice results keep the code", async () => {
    const { nuonuo, seen } = platform({
      code: "E0000",
      result: [
        { invoiceNo: NUMBER, resultCode: "01" },
        { invoiceNo: "24112000000048542164", resultCode: "06", resultMsg: "已勾选无法重复勾选" },
      ],
    });
    const items = [
      { number: NUMBER, issueDate: "2024-05-28", tax: "251.83" },
      { number: "24112000000048542164", issueDate: "2024-05-29", use: "no-deduct" as const },
    ];
    const confirmed = await nuonuo.useConfirmation.confirmUse("2024-05", items);
    await nuonuo.useConfirmation.cancelUse("2024-05", items);
    expect(seen.map((s) => s.body)).toEqual([
      {
        taxnum: BUYER,
        taxPeriod: "202405",
        invoices: [
          { invoiceNo: NUMBER, invoiceDate: "2024-05-28", checkType: "01", effectiveTax: "251.83" },
          { invoiceNo: "24112000000048542164", invoiceDate: "2024-05-29", checkType: "03" },
        ],
      },
      {
        taxnum: BUYER,
        taxPeriod: "202405",
        invoices: [
          { invoiceNo: NUMBER, invoiceDate: "2024-05-28", checkType: "02", effectiveTax: "251.83" },
          { invoiceNo: "24112000000048542164", invoiceDate: "2024-05-29", checkType: "04" },
        ],
      },
    ]);
    expect(seen[0]?.method).toBe("nuonuo.OpeMplatform.checkInputInvoice");
    expect(confirmed).toEqual({
      status: "ok",
      value: [
        { number: NUMBER, ok: true },
        {
          number: "24112000000048542164",
          ok: false,
          providerCode: "06",
          providerMessage: "已勾选无法重复勾选",
        },
      ],
      raw: expect.anything(),
    });
  });
});
