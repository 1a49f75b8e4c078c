// 查验 and 用途确认 through 乐企: each request checked field by field against the STA's capability
// documents (values worked out by hand from 乐企发票查验能力 V1.019, 归集能力 V2.011 and 增值税抵扣勾选能力
// V3.018), under the right ability code (nlbm) and SM4-encrypted like every call; each answer read into
// the port's values. Figures: the 数电 OFD sample, 4197.17 + 251.83 = 4449.00 on 2024-05-28.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildLeqiAnswer } from "./answers.js";
import { createLeqi, memoryLeqiState } from "./client.js";
import { sm4Decrypt } from "./sm4.js";

const credentials = {
  sm4Key: "0123456789abcdeffedcba9876543210",
  jrdwptbh: "JRDW-1",
  sydwptbh: "SYDW-1",
  nlbm: "202007",
  url: "http://leqi.test",
};
const BUYER = "914403001922038216";
const NUMBER = "24112000000048542163";
const key = credentials.sm4Key;

type Seen = { nlbm: string; fwbm: string; body: Record<string, unknown> };

/** A 乐企 stand-in: decrypts each request, records it, answers by service code. */
function platform(answers: Record<string, unknown | ((body: Record<string, unknown>) => unknown)>) {
  const seen: Seen[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const [, nlbm = "", fwbm = ""] = /\/invoke\/([^/]+)\/([^/]+)$/.exec(new URL(url).pathname) ?? [];
    const plain = sm4Decrypt(key, String(init.body));
    if (!plain.ok) throw new Error("not encrypted under the unit's key");
    const body = JSON.parse(plain.text) as Record<string, unknown>;
    seen.push({ nlbm, fwbm, body });
    const answer = answers[fwbm];
    const data = typeof answer === "function" ? answer(body) : answer;
    return new Response(typeof data === "string" ? data : JSON.stringify(buildLeqiAnswer(key, data)));
  };
  return { leqi: createLeqi({ credentials, sellerTaxId: BUYER, state: memoryLeqiState([]), fetch }), seen };
}

const zipped = (face: unknown) => gzipSync(Buffer.from(JSON.stringify(face))).toString("base64");
const FACE = {
  fphm: NUMBER,
  kprq: "2024-05-28 14:03:12",
  fppzDm: "01",
  xsfnsrsbh: "91110108MA01ABCD2X",
  xsfmc: "北京某某科技有限公司",
  gmfnsrsbh: BUYER,
  gmfmc: "华为技术有限公司",
  hjje: 4197.17,
  hjse: 251.83,
  jshj: 4449,
};

describe("查验 (FPCY_NEW under 203059, then FPZTXXCX under 203067)", () => {
  it("asks with fplx 81, kprq YYYYMMDD, kpje = 价税合计, then the state; reads both", async () => {
    const { leqi, seen } = platform({
      FPCY_NEW: { returncode: "00", returnmsg: "成功", cyjgxx: zipped(FACE) },
      FPZTXXCX: { returncode: "00", fphm: NUMBER, fpzt: "7" },
    });
    const outcome = await leqi.verification.verify({
      number: NUMBER,
      issueDate: "2024-05-28",
      total: "4449.00",
      amount: "4197.17",
      kind: "special",
    });
    expect(seen).toEqual([
      {
        nlbm: "203059",
        fwbm: "FPCY_NEW",
        body: { fplx: "81", fphm: NUMBER, kprq: "20240528", kpje: "4449.00", nsrsbh: BUYER },
      },
      { nlbm: "203067", fwbm: "FPZTXXCX", body: { fplx: "81", fphm: NUMBER, kprq: "20240528" } },
    ]);
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
          "buyer.taxId": BUYER,
          "buyer.name": "华为技术有限公司",
          "totals.amount": "4197.17",
          "totals.tax": "251.83",
          "totals.total": "4449.00",
        },
      },
    });
  });

  it("without a kind asks as 普票 (82), then as 专票 (81); a legacy 普票 goes as 10 with code and jym", async () => {
    const { leqi, seen } = platform({ FPCY_NEW: { returncode: "02", returnmsg: "查无数据" } });
    expect(
      await leqi.verification.verify({ number: NUMBER, issueDate: "2024-05-28", total: "4449.00" }),
    ).toEqual({
      status: "ok",
      value: { found: false },
      raw: { returncode: "02", returnmsg: "查无数据" },
    });
    await leqi.verification.verify({
      number: "12345678",
      code: "044031900111",
      issueDate: "2020-01-02",
      checkCode: "12345678901234567890",
    });
    expect(seen.map((s) => s.body)).toEqual([
      { fplx: "82", fphm: NUMBER, kprq: "20240528", kpje: "4449.00", nsrsbh: BUYER },
      { fplx: "81", fphm: NUMBER, kprq: "20240528", kpje: "4449.00", nsrsbh: BUYER },
      { fplx: "10", fpdm: "044031900111", fphm: "12345678", kprq: "20200102", jym: "567890", nsrsbh: BUYER },
    ]);
  });

  it("03 查验不一致 is refused with its code; a face that does not unzip, or an HTML page, is unknown", async () => {
    const kind = "special" as const;
    const query = { number: NUMBER, issueDate: "2024-05-28", kind };
    expect(
      await platform({ FPCY_NEW: { returncode: "03", returnmsg: "查验不一致" } }).leqi.verification.verify(
        query,
      ),
    ).toMatchObject({
      status: "rejected",
      reason: "refused",
      diagnostics: [{ providerCode: "03", providerMessage: "查验不一致" }],
    });
    const broken = await platform({
      FPCY_NEW: { returncode: "00", cyjgxx: "not-gzip" },
    }).leqi.verification.verify(query);
    expect(broken).toMatchObject({ status: "unknown", diagnostics: [{ rule: "LEQI_CYJGXX_UNREADABLE" }] });
    expect((await platform({ FPCY_NEW: "<html>502</html>" }).leqi.verification.verify(query)).status).toBe(
      "unknown",
    );
    expect(JSON.stringify(broken)).not.toContain(key);
  });
});

describe("用途确认 (PLFPDKGX, CXFPDKGXCLJG, HQDQSKSSQFPDKGXCLJG under 203065)", () => {
  it("uploads a batch per gxlxDm, reads its results by pclsh", async () => {
    const { leqi, seen } = platform({
      PLFPDKGX: (body: Record<string, unknown>) => ({
        returncode: "00",
        pclsh: `P-${String(body.gxlxDm)}`,
        fpmx: (body.fpmx as { fphm: string }[]).map((r) => ({ fphm: r.fphm, sczt: "00" })),
      }),
      CXFPDKGXCLJG: (body: Record<string, unknown>) =>
        body.pclsh === "P-01"
          ? { returncode: "00", fpmx: [{ fphm: NUMBER, cljg: "01", skssq: "202405" }] }
          : { returncode: "00", fpmx: [{ fphm: "24112000000048542164", cljg: "06" }] },
    });
    const confirmed = await leqi.useConfirmation.confirmUse("2024-05", [
      { number: NUMBER, issueDate: "2024-05-28" },
      { number: "24112000000048542164", issueDate: "2024-05-29", use: "no-deduct" },
    ]);
    expect(seen).toEqual([
      {
        nlbm: "203065",
        fwbm: "PLFPDKGX",
        body: { gfsbh: BUYER, gxlxDm: "01", fpmx: [{ kprq: "20240528", fphm: NUMBER, fplx: "81" }] },
      },
      { nlbm: "203065", fwbm: "CXFPDKGXCLJG", body: { pclsh: "P-01" } },
      {
        nlbm: "203065",
        fwbm: "PLFPDKGX",
        body: {
          gfsbh: BUYER,
          gxlxDm: "03",
          fpmx: [{ kprq: "20240529", fphm: "24112000000048542164", fplx: "81", bdklx: "5", bdkyy: "其他" }],
        },
      },
      { nlbm: "203065", fwbm: "CXFPDKGXCLJG", body: { pclsh: "P-03" } },
    ]);
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
    });
  });

  it("cancel is 02 (撤销抵扣); an upload refused as a whole marks each invoice with its returncode", async () => {
    const { leqi, seen } = platform({ PLFPDKGX: { returncode: "01", returnmsg: "当期已锁定" } });
    const cancelled = await leqi.useConfirmation.cancelUse("2024-05", [
      { number: NUMBER, issueDate: "2024-05-28" },
    ]);
    expect(seen[0]?.body).toMatchObject({ gxlxDm: "02" });
    expect(cancelled).toEqual({
      status: "ok",
      value: [{ number: NUMBER, ok: false, providerCode: "01", providerMessage: "当期已锁定" }],
    });
  });

  it("lists this period's confirmed invoices (hxyt 1 抵扣); unconfirmed ones cannot be listed directly", async () => {
    const { leqi, seen } = platform({
      HQDQSKSSQFPDKGXCLJG: {
        returncode: "00",
        zys: 1,
        dqym: 1,
        fpmx: [{ kprq: "20240528", fphm: NUMBER, skssq: "202405", hxyt: "1", fplx: "81" }],
      },
    });
    const listed = await leqi.useConfirmation.listReceived({ period: "2024-05", buyerTaxId: BUYER });
    expect(seen[0]).toEqual({ nlbm: "203065", fwbm: "HQDQSKSSQFPDKGXCLJG", body: { gfsbh: BUYER, cxym: 1 } });
    expect(listed).toMatchObject({
      status: "ok",
      value: [{ number: NUMBER, issueDate: "2024-05-28", useStatus: "deduct" }],
    });
    expect(
      await leqi.useConfirmation.listReceived({
        period: "2024-05",
        buyerTaxId: BUYER,
        useStatus: "unconfirmed",
      }),
    ).toMatchObject({ status: "rejected", reason: "unsupported" });
  });
});
