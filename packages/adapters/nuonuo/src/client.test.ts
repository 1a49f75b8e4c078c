import { readFileSync } from "node:fs";
import type { Invoice } from "@efapiao/model";
import { describe, expect, it } from "vitest";
import { createNuonuo, prepareNuonuoIssue, readNuonuoCredentials } from "./client.js";
import { verifyNuonuoSignature } from "./sign.js";

const fixtures = JSON.parse(
  readFileSync(
    new URL("../../../../../shared/samples/providers/nuonuo-odoo-test-fixtures.json", import.meta.url),
    "utf8",
  ),
);
const credentials = {
  appKey: "APPKEY-1",
  appSecret: "app-secret-SHOULD-NOT-LEAK",
  accessToken: "access-token-SHOULD-NOT-LEAK",
  url: "http://sandbox.test",
};
const invoice: Invoice = {
  kind: "special",
  kindCode: "01",
  issueDate: "2026-05-18",
  seller: { name: "上海示例科技有限公司", taxId: "91310115MA1K3XYZ7A" },
  buyer: { name: "北京采购贸易有限公司", taxId: "91110108MA00ABCD1B", naturalPerson: false },
  lines: [
    {
      index: 1,
      nature: "normal",
      itemName: "*信息技术服务*软件开发",
      name: "软件开发",
      shortName: "信息技术服务",
      code: "3040201010000000000",
      quantity: "1",
      unitPrice: "100000",
      amount: "100000.00",
      taxRate: "0.06",
      tax: "6000.00",
      policy: null,
    },
  ],
  totals: { amount: "100000.00", tax: "6000.00", total: "106000.00", totalInWords: "壹拾万陆仟圆整" },
};

/** A fetch that checks the signature against the bytes it received, then answers. */
function platform(answer: (service: string, body: unknown) => string) {
  const seen: { service: string; body: unknown; headers: Record<string, string> }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const query = new URL(url).searchParams;
    const headers = init.headers as Record<string, string>;
    const body = String(init.body);
    const signed = verifyNuonuoSignature(
      credentials.appSecret,
      {
        appKey: query.get("appkey") ?? "",
        senid: query.get("senid") ?? "",
        nonce: query.get("nonce") ?? "",
        timestamp: query.get("timestamp") ?? "",
        body,
      },
      headers["X-Nuonuo-Sign"] ?? "",
    );
    if (!signed) return new Response(JSON.stringify({ code: "070304", describe: "签名错误" }));
    seen.push({ service: headers.method ?? "", body: JSON.parse(body), headers });
    return new Response(answer(headers.method ?? "", JSON.parse(body)));
  };
  return { fetch, seen };
}

describe("Nuonuo provider over an injected fetch", () => {
  it("signs the exact bytes it sends, then follows the request to issued", async () => {
    const { fetch, seen } = platform((service) =>
      JSON.stringify(
        service.endsWith("requestBillingNew")
          ? fixtures["requestBillingNew.accepted"]
          : fixtures["queryInvoiceResult.issued"],
      ),
    );
    const nuonuo = createNuonuo({ credentials, sellerTaxId: invoice.seller.taxId, fetch });
    const first = await nuonuo.issue({ requestKey: "SO-1001", invoice });
    expect(first).toMatchObject({ status: "pending", providerRef: "20160108165823395151" });
    const second = await nuonuo.query("SO-1001");
    expect(second).toMatchObject({ status: "issued", number: "26332000000123456789" });
    expect(seen.map((s) => s.service)).toEqual([
      "nuonuo.OpeMplatform.requestBillingNew",
      "nuonuo.OpeMplatform.queryInvoiceResult",
    ]);
    expect(seen[0]?.headers.userTax).toBe("91310115MA1K3XYZ7A");
    expect(seen[1]?.body).toEqual({ isOfferInvoiceDetail: "0", orderNos: ["SO-1001"], serialNos: [] });
  });

  it("queryMany asks for 120 order numbers in three signed calls (50, 50, 20) and reads each key's record by orderNo", async () => {
    // The platform answers the orders it knows, out of order: even ones issued, odd ones 开票中, "K-7" unknown.
    const { fetch, seen } = platform((_service, body) => {
      const orderNos = (body as { orderNos: string[] }).orderNos;
      const result = orderNos
        .filter((no) => no !== "K-7")
        .reverse()
        .map((no) =>
          Number(no.slice(2)) % 2 === 0
            ? {
                orderNo: no,
                serialNo: `S${no}`,
                status: "2",
                allElectronicInvoiceNumber: `2633200000${no.slice(2).padStart(10, "0")}`,
                invoiceTime: 1779000000000,
              }
            : { orderNo: no, serialNo: `S${no}`, status: "20", statusMsg: "开票中" },
        );
      return JSON.stringify({ code: "E0000", describe: "获取成功", result });
    });
    const nuonuo = createNuonuo({ credentials, sellerTaxId: invoice.seller.taxId, fetch });
    const keys = Array.from({ length: 120 }, (_, i) => `K-${i}`);
    const outcomes = await nuonuo.queryMany!(keys);
    expect(seen.map((s) => (s.body as { orderNos: string[] }).orderNos.length)).toEqual([50, 50, 20]);
    expect(seen.every((s) => s.service === "nuonuo.OpeMplatform.queryInvoiceResult")).toBe(true);
    expect(outcomes).toHaveLength(120);
    expect(outcomes[0]).toMatchObject({
      status: "issued",
      requestKey: "K-0",
      number: "26332000000000000000",
    });
    expect(outcomes[118]).toMatchObject({
      status: "issued",
      requestKey: "K-118",
      number: "26332000000000000118",
    });
    // 1779000000000 ms = 2026-05-17 14:40:00 in UTC+8 (TZ=Asia/Shanghai date -d @1779000000)
    expect(outcomes[2]).toMatchObject({ issuedAt: "2026-05-17T14:40:00+08:00" });
    expect(outcomes[1]).toMatchObject({ status: "pending", requestKey: "K-1", providerRef: "SK-1" });
    expect(outcomes[7]).toMatchObject({ status: "rejected", reason: "not-found" });
  });

  it("queryMany gives every key of a failed call that call's outcome", async () => {
    const nuonuo = createNuonuo({
      credentials,
      sellerTaxId: "x",
      fetch: async () => new Response("<html>502 Bad Gateway</html>", { status: 502 }),
    });
    const outcomes = await nuonuo.queryMany!(["A", "B"]);
    expect(outcomes.map((o) => o.status)).toEqual(["unknown", "unknown"]);
    const refused = createNuonuo({
      credentials,
      sellerTaxId: "x",
      fetch: async () => new Response(JSON.stringify({ code: "070304", describe: "accessToken无效" })),
    });
    expect((await refused.queryMany!(["A", "B"])).map((o) => o.status === "rejected" && o.reason)).toEqual([
      "credentials",
      "credentials",
    ]);
  });

  it("HTML, truncated and non-JSON answers, timeouts and resets end unknown, never thrown", async () => {
    const bodies = [
      "<!DOCTYPE html><html>502 Bad Gateway</html>",
      '{"code":"E0000","result":{"invoiceSer',
      "busy",
      "",
    ];
    for (const text of bodies) {
      const nuonuo = createNuonuo({
        credentials,
        sellerTaxId: "x",
        fetch: async () => new Response(text, { status: 502 }),
      });
      const outcome = await nuonuo.issue({ requestKey: "SO-1", invoice });
      expect(outcome.status).toBe("unknown");
      expect(outcome.status === "unknown" && outcome.diagnostics[0]?.rule).toMatch(/^PROVIDER_ANSWER_/);
    }
    const reset = createNuonuo({
      credentials,
      sellerTaxId: "x",
      fetch: async () => {
        throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      },
    });
    expect((await reset.query("SO-1")).status).toBe("unknown");
  });

  it("no secret reaches an outcome, even when the provider echoes it", async () => {
    const echo = `<html>bad token ${credentials.accessToken} for secret ${credentials.appSecret}</html>`;
    const answers = [echo, JSON.stringify({ code: "E9999", describe: `token ${credentials.accessToken}` })];
    for (const text of answers) {
      const nuonuo = createNuonuo({ credentials, sellerTaxId: "x", fetch: async () => new Response(text) });
      for (const outcome of [
        await nuonuo.issue({ requestKey: "SO-1", invoice }),
        await nuonuo.query("SO-1"),
      ]) {
        const printed = JSON.stringify(outcome);
        expect(printed).not.toContain(credentials.accessToken);
        expect(printed).not.toContain(credentials.appSecret);
      }
    }
  });

  it("prepares a reproducible request: fixed nonce, timestamp and senid give the same bytes", () => {
    const fixes = { nonce: "12345678", timestamp: "1779000000", senid: "SENID" };
    const a = prepareNuonuoIssue(credentials, { requestKey: "SO-1", invoice }, fixes);
    const b = prepareNuonuoIssue(credentials, { requestKey: "SO-1", invoice }, fixes);
    expect(a).toEqual(b);
    if (!a.ok) return;
    expect(a.value.url).toBe(
      "http://sandbox.test/open/v1/services?senid=SENID&nonce=12345678&timestamp=1779000000&appkey=APPKEY-1",
    );
    // 1779000000 s = 2026-05-17T06:40:00Z = 14:40:00 in UTC+8 (date -u -d @1779000000)
    expect((a.value.plain as { order: { invoiceDate: string } }).order.invoiceDate).toBe(
      "2026-05-18 14:40:00",
    );
    expect(a.value.body).toBe(JSON.stringify(a.value.plain));
  });

  it("credentials missing a field name it", () => {
    const read = readNuonuoCredentials({ appKey: "k", appSecret: "s" });
    expect(read.ok).toBe(false);
    expect(read.diagnostics.map((d) => d.path)).toEqual(["accessToken"]);
  });
});
