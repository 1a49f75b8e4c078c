// The Nuonuo side of the sandbox spoken by hand over HTTP: signature checks against the published test
// vector, the asynchronous result, duplicates, refusals and each fault kind. (The adapter's own end-to-end
// run is in adapters.test.ts.)
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { signNuonuo } from "@efapiao/nuonuo";
import { createSandbox, type Sandbox } from "../src/index.js";

const fixtures = JSON.parse(
  readFileSync(
    new URL("../../../../shared/samples/providers/nuonuo-odoo-test-fixtures.json", import.meta.url),
    "utf8",
  ),
);

const SELLER = "91330100716105852F";
const BUYER = "914403001922038216";

function order(orderNo: string, overrides: Record<string, unknown> = {}) {
  return {
    order: {
      orderNo,
      invoiceDate: "2026-05-18 10:00:00",
      invoiceType: "1",
      invoiceLine: "bs",
      salerTaxNum: SELLER,
      salerName: "阿里巴巴（中国）网络技术有限公司",
      buyerName: "华为技术有限公司",
      buyerTaxNum: BUYER,
      clerk: "张伟",
      invoiceDetail: [
        {
          goodsName: "软件开发",
          goodsCode: "3040201010000000000",
          num: "2",
          price: "1500",
          withTaxFlag: "0",
          taxExcludedAmount: "3000.00",
          taxRate: "0.06",
          tax: "180.00",
          invoiceLineProperty: "0",
        },
      ],
      ...overrides,
    },
  };
}

async function call(sandbox: Sandbox, service: string, body: unknown, secret?: string) {
  const creds = sandbox.credentials("nuonuo");
  const text = JSON.stringify(body);
  const q = { appKey: creds.appKey!, senid: "s1", nonce: "12345678", timestamp: "1700000000", body: text };
  const sign = signNuonuo(secret ?? creds.appSecret!, q);
  const url = `${sandbox.url}/open/v1/services?senid=s1&nonce=12345678&timestamp=1700000000&appkey=${creds.appKey}`;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "X-Nuonuo-Sign": sign,
      accessToken: creds.accessToken!,
      userTax: SELLER,
      method: service,
    },
    body: text,
  });
  return { status: response.status, body: await response.text() };
}

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe("nuonuo over the wire", () => {
  it("issues asynchronously: serial number, then 20 开票中, then 2 with a 20-digit number", async () => {
    sandbox = await createSandbox({ clock: { now: () => Date.parse("2026-05-18T02:00:00Z") } });
    const accepted = JSON.parse(
      (await call(sandbox, "nuonuo.OpeMplatform.requestBillingNew", order("SO-1"))).body,
    );
    expect(accepted.code).toBe("E0000");
    const serial = accepted.result.invoiceSerialNum;
    expect(serial).toMatch(/^\d{20}$/);
    const query = { serialNos: [serial], orderNos: [], isOfferInvoiceDetail: "0" };
    const first = JSON.parse((await call(sandbox, "nuonuo.OpeMplatform.queryInvoiceResult", query)).body);
    expect(first.result[0].status).toBe("20");
    const second = JSON.parse((await call(sandbox, "nuonuo.OpeMplatform.queryInvoiceResult", query)).body);
    expect(second.result[0].status).toBe("2");
    const number = second.result[0].allElectronicInvoiceNumber;
    // 26 = 2026, 33 = Zhejiang (seller 9133…), channel 2, then the sequence.
    expect(number).toMatch(/^26332\d{15}$/);
    expect(second.result[0].exTaxAmount).toBe("3000.00");
    expect(second.result[0].taxAmount).toBe("180.00");
    expect(second.result[0].orderAmount).toBe("3180.00");
    expect(sandbox.invoices()).toEqual([
      {
        requestKey: "SO-1",
        number,
        provider: "nuonuo",
        status: "issued",
        issuedAt: "2026-05-18T10:00:00+08:00",
      },
    ]);
    const listed = await (await fetch(`${sandbox.url}/sandbox/invoices`)).json();
    expect(listed).toEqual(sandbox.invoices());
  });

  it("answers E9106 to a reused order number and issues nothing more", async () => {
    sandbox = await createSandbox();
    await call(sandbox, "nuonuo.OpeMplatform.requestBillingNew", order("SO-2"));
    const again = JSON.parse(
      (await call(sandbox, "nuonuo.OpeMplatform.requestBillingNew", order("SO-2"))).body,
    );
    expect(again).toEqual(fixtures["requestBillingNew.duplicate"]);
    expect(sandbox.invoices()).toHaveLength(1);
  });

  it("refuses a bad signature without issuing", async () => {
    sandbox = await createSandbox();
    const answer = JSON.parse(
      (await call(sandbox, "nuonuo.OpeMplatform.requestBillingNew", order("SO-3"), "wrong-secret")).body,
    );
    expect(answer.code).toBe("070305");
    expect(sandbox.invoices()).toHaveLength(0);
  });

  it("refuses by the standard rules: a tax 0.50 off the line", async () => {
    sandbox = await createSandbox();
    const bad = order("SO-4");
    bad.order.invoiceDetail[0]!.tax = "180.50";
    const answer = JSON.parse((await call(sandbox, "nuonuo.OpeMplatform.requestBillingNew", bad)).body);
    expect(answer.code).not.toBe("E0000");
    expect(answer.describe).toContain("税额");
    expect(sandbox.invoices()).toHaveLength(0);
  });
});
