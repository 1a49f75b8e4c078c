/**
 * The published Nuonuo samples, read in place from ../shared/samples/providers: the request reproduced
 * from its canonical invoice, every answer parsed to the right outcome, every published code mapped.
 */
import { readFileSync } from "node:fs";
import type { Invoice } from "@efapiao/model";
import { trimDecimal } from "@efapiao/provider-utils";
import { describe, expect, it } from "vitest";
import { issueAnswer, queryAnswer, redFormOf, redFormsAnswer, plainAnswer, resealAnswer } from "./answers.js";
import { NUONUO_CODES } from "./codes.js";
import { fromNuonuoOrder, toNuonuoOrder } from "./order.js";

const samples = new URL("../../../../../shared/samples/providers/", import.meta.url);
const text = (name: string) => readFileSync(new URL(name, samples), "utf8");
const json = (name: string) => JSON.parse(text(name));
const fixtures = json("nuonuo-odoo-test-fixtures.json");

/** The canonical invoice the published requestBillingNew example describes (values read off the sample). */
const sampleInvoice: Invoice = {
  kind: "general",
  kindCode: "02",
  issueDate: "2022-01-13",
  seller: { name: "浙江诺诺网", taxId: "150301199811285326", phone: "0571-77777777" },
  buyer: {
    name: "企业名称/个人",
    taxId: "339901999999198",
    naturalPerson: false,
    address: "杭州市",
    phone: "0571-88888888",
    bankName: "中国工商银行",
    bankAccount: "111111111111",
  },
  lines: [
    {
      index: 1,
      nature: "normal",
      itemName: "*电子烟*电子烟烟弹",
      name: "电子烟烟弹",
      shortName: "电子烟",
      code: "103040501",
      unit: "盒",
      quantity: "1",
      unitPrice: "5",
      amount: "5.00",
      taxRate: "0.13",
      tax: "0.65",
      policy: null,
    },
  ],
  totals: { amount: "5.00", tax: "0.65", total: "5.65", totalInWords: "伍圆陆角伍分" },
  remarks: "备注信息",
  drawer: "张三",
};

/** Fields of the sample order that come from the canonical invoice (the rest the model has no notion of). */
const CANONICAL_ORDER_FIELDS = [
  "orderNo",
  "invoiceDate",
  "invoiceType",
  "salerTaxNum",
  "salerTel",
  "salerAddress",
  "salerAccount",
  "buyerName",
  "buyerTaxNum",
  "buyerTel",
  "buyerAddress",
  "buyerAccount",
  "clerk",
  "remark",
  "invoiceDetail",
];
/** Detail fields the sample fills with placeholders meaning "none", which efapiao leaves out. */
const PLACEHOLDER_DETAIL_FIELDS: Record<string, string> = {
  favouredPolicyName: "0",
  deduction: "0",
  selfCode: "",
};

/** Decimal text compared by value ("5" and "5.00" are the same amount); other text as is. */
const norm = (value: unknown) =>
  typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? trimDecimal(value) : value;

describe("requestBillingNew request (nuonuo-requestBillingNew.request.json)", () => {
  const sample = json("nuonuo-requestBillingNew.request.json").order as Record<string, unknown>;
  const extra = Object.fromEntries(
    Object.entries(sample).filter(([key]) => !CANONICAL_ORDER_FIELDS.includes(key)),
  );
  const built = toNuonuoOrder(
    { requestKey: "202301133332079312314", invoice: sampleInvoice },
    { pricesIncludeTax: true, orderTime: "12:30:00", extra },
  );

  it("reproduces every order field the canonical invoice carries", () => {
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    for (const key of CANONICAL_ORDER_FIELDS.filter((k) => k !== "invoiceDetail")) {
      expect([key, built.value[key]]).toEqual([key, sample[key]]);
    }
    expect(Object.keys(built.value).sort()).toEqual(Object.keys(sample).sort());
  });

  it("reproduces the line field for field (amounts by value)", () => {
    if (!built.ok) return;
    const ours = built.value.invoiceDetail[0]!;
    const theirs = (sample.invoiceDetail as Record<string, string>[])[0]!;
    for (const [key, value] of Object.entries(theirs)) {
      if (key in PLACEHOLDER_DETAIL_FIELDS) {
        expect([key, value, ours[key]]).toEqual([key, PLACEHOLDER_DETAIL_FIELDS[key], undefined]);
      } else if (key === "zeroRateFlag") {
        // The example writes "0" on a 13% line; the field list documents empty for "not a zero rate".
        expect([value, ours[key]]).toEqual(["0", ""]);
      } else {
        expect([key, norm(ours[key])]).toEqual([key, norm(value)]);
      }
    }
    expect(Object.keys(ours).every((key) => key in theirs)).toBe(true);
  });

  it("reads the sample back to its canonical invoice (as a 数电 pc invoice; legacy c is refused)", () => {
    const legacy = fromNuonuoOrder(sample, { sellerName: "浙江诺诺网", shortNameOf: () => "电子烟" });
    expect(legacy.ok === false && legacy.diagnostics[0]?.path).toBe("invoiceLine");
    const back = fromNuonuoOrder(
      { ...sample, invoiceLine: "pc" },
      { sellerName: "浙江诺诺网", shortNameOf: () => "电子烟" },
    );
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.invoice).toEqual(sampleInvoice);
    expect(back.value.requestKey).toBe("202301133332079312314");
    // specificFactor 34 has no 数电 code in efapiao's table: kept raw.
    expect(back.value.specificBusiness).toEqual({ code: "34" });
  });
});

describe("answers", () => {
  it("accepted → pending with the serial number (sample and Odoo fixture)", () => {
    for (const answer of [
      json("nuonuo-requestBillingNew.response.json"),
      fixtures["requestBillingNew.accepted"],
    ]) {
      expect(issueAnswer("K1", answer)).toMatchObject({
        status: "pending",
        requestKey: "K1",
        providerRef: "20160108165823395151",
      });
    }
  });
  it("duplicate → rejected/duplicate (query, never resend); refusal → refused with both messages", () => {
    expect(issueAnswer("K1", fixtures["requestBillingNew.duplicate"])).toMatchObject({
      status: "rejected",
      reason: "duplicate",
      retryable: false,
      diagnostics: [
        { rule: "NUONUO_E9106", providerCode: "E9106", providerMessage: "订单编号或流水号不能重复" },
      ],
    });
    const refused = issueAnswer("K1", fixtures["requestBillingNew.refused"]);
    expect(refused).toMatchObject({
      status: "rejected",
      reason: "refused",
      diagnostics: [{ providerCode: "E9105", providerMessage: "折扣行的商品名称必须和被折扣行相同" }],
    });
    expect(refused.status === "rejected" && refused.diagnostics[0]?.messageEn).toMatch(/discount line/);
  });
  it("query: pending, issued, failed, seal failure", () => {
    expect(queryAnswer("K1", fixtures["queryInvoiceResult.pending"]).status).toBe("pending");
    expect(queryAnswer("K1", fixtures["queryInvoiceResult.issued"])).toMatchObject({
      status: "issued",
      number: "26332000000123456789",
      // python3: datetime.fromtimestamp(1790121600, timezone(timedelta(hours=8))).isoformat()
      issuedAt: "2026-09-23T08:00:00+08:00",
      files: [
        { format: "pdf", url: "https://nuonuo.test/fapiao.pdf" },
        { format: "qr", url: "qr-payload" },
      ],
      providerRef: "20160108165823395151",
    });
    expect(queryAnswer("K1", fixtures["queryInvoiceResult.failed"])).toMatchObject({
      status: "rejected",
      reason: "refused",
      retryable: false,
      diagnostics: [{ providerCode: "22", providerMessage: "购方税号有误" }],
    });
    expect(queryAnswer("K1", fixtures["queryInvoiceResult.sealFailed"])).toMatchObject({
      status: "rejected",
      reason: "seal-failed",
      retryable: true,
    });
    expect(queryAnswer("K1", { code: "E0000", result: [] })).toMatchObject({
      status: "rejected",
      reason: "not-found",
    });
  });
  it("the verbatim documentation example (a legacy invoice) parses as issued", () => {
    const verbatim = text("nuonuo-queryInvoiceResult.response.verbatim.txt");
    // The example elides further records with "……" lines: drop them and the commas before them.
    const body = verbatim
      .slice(verbatim.indexOf("{"))
      .replace(/,\s*\n\s*……\s*\n/g, "\n")
      .replace(/……/g, "");
    const outcome = queryAnswer("1001000011161", JSON.parse(body));
    expect(outcome).toMatchObject({
      status: "issued",
      number: "18757776",
      // python3: datetime.fromtimestamp(1546398919, timezone(timedelta(hours=8))).isoformat()
      issuedAt: "2019-01-02T11:15:19+08:00",
      providerRef: "19010211130401000006",
    });
    expect(outcome.status === "issued" && outcome.files.map((f) => f.format)).toEqual(["pdf", "image"]);
  });
  it("re-seal limit → limit, retryable later", () => {
    expect(resealAnswer("K1", fixtures["reInvoice.retryLimit"])).toMatchObject({
      status: "rejected",
      reason: "limit",
      retryable: true,
      diagnostics: [{ providerCode: "E9613" }],
    });
  });
  it("red-letter forms: the record, the listing, duplicate and refused applications", () => {
    const record = fixtures["queryInvoiceRedConfirm.record"];
    expect(redFormOf(record)).toEqual({
      uuid: "RED-1",
      number: "990000007566113377",
      state: "02",
      originalNumber: "20882609251614194530",
      reason: "02", // Nuonuo's redReason 1 is 销货退回, the bureau's 02
      amount: "-100.00",
      tax: "-13.00",
      initiator: "seller",
    });
    const listing = { ...fixtures["queryInvoiceRedConfirm.listing"] };
    listing.result = { ...listing.result, list: [record] };
    expect(redFormsAnswer(listing)).toMatchObject({ status: "ok", value: [{ uuid: "RED-1", state: "02" }] });
    expect(plainAnswer(fixtures["saveInvoiceRedConfirm.duplicate"])).toMatchObject({ reason: "duplicate" });
    expect(plainAnswer(fixtures["saveInvoiceRedConfirm.refused"])).toMatchObject({
      reason: "refused",
      diagnostics: [{ providerCode: "E9103", providerMessage: "该发票不能重复冲红" }],
    });
  });
  it("maps every code published in nuonuo-requestBillingNew.error-codes.txt", () => {
    const published = [...text("nuonuo-requestBillingNew.error-codes.txt").matchAll(/^(E\d{4})\s/gm)].map(
      (m) => m[1]!,
    );
    expect(published.length).toBeGreaterThan(30);
    const missing = published.filter((code) => code !== "E0000" && !(code in NUONUO_CODES));
    expect(missing).toEqual([]);
  });
  it("an answer without a code is unknown", () => {
    expect(issueAnswer("K1", { result: {} }).status).toBe("unknown");
    expect(issueAnswer("K1", { code: "E0000", result: {} }).status).toBe("unknown");
  });
});
