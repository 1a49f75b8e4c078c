/**
 * The published 百望 samples, read in place: requests reproduced from their canonical equivalents,
 * answers parsed to the right outcomes.
 */
import { readFileSync } from "node:fs";
import type { Invoice } from "@efapiao/model";
import type { RedFormApplication } from "@efapiao/provider";
import { stringifyJson, trimDecimal } from "@efapiao/provider-utils";
import { describe, expect, it } from "vitest";
import { issueAnswer, redFormsAnswer } from "./answers.js";
import { fromBaiwangInvoice, toBaiwangInvoice } from "./invoice.js";
import { redFormAddBody, redFormListBody, redFormOperateBody } from "./red.js";

const samples = new URL("../../../../../shared/samples/providers/", import.meta.url);
const json = (name: string) => JSON.parse(readFileSync(new URL(name, samples), "utf8"));

/** The invoice of baiwang-invoice-issue.request.json, read off the sample (10% on 2.00 is 0.20). */
const oats: Invoice = {
  kind: "general",
  kindCode: "02",
  issueDate: "2026-05-21",
  seller: { name: "Seller Company", taxId: "DB20240220YHCS1009" },
  buyer: { name: "Buyer Co", taxId: "91110108MA01KPGP0L", naturalPerson: false },
  lines: [
    {
      index: 1,
      nature: "normal",
      itemName: "*谷物*燕麦",
      name: "燕麦",
      shortName: "谷物",
      code: "1010101070000000000",
      amount: "2.00",
      taxRate: "0.1",
      tax: "0.20",
      policy: null,
    },
  ],
  totals: { amount: "2.00", tax: "0.20", total: "2.20", totalInWords: "贰圆贰角" },
};

/** Decimal text compared by value ("2.0" and "2" are the same price). */
function byValue(value: unknown): unknown {
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return trimDecimal(value);
  if (Array.isArray(value)) return value.map(byValue);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, byValue(v)]));
  return value;
}

describe("baiwang.output.invoice.issue", () => {
  it("reproduces the published request field for field", () => {
    const body = toBaiwangInvoice({ requestKey: "UNIQUE_SERIAL", invoice: oats });
    expect(body.ok).toBe(true);
    if (!body.ok) return;
    const text = stringifyJson(body.value);
    expect(JSON.parse(text)).toEqual(json("baiwang-invoice-issue.request.json"));
    // Money goes out as exact literals, never through a JavaScript number.
    expect(text).toContain('"invoiceTotalPrice":2.00,"invoiceTotalTax":0.20,"invoiceTotalPriceTax":2.20');
  });
  it("reads the published request back to its canonical invoice", () => {
    const back = fromBaiwangInvoice(json("baiwang-invoice-issue.request.json"), {
      sellerName: "Seller Company",
      issueDate: "2026-05-21",
      shortNameOf: () => "谷物",
    });
    expect(back.ok && back.value).toEqual({ requestKey: "UNIQUE_SERIAL", invoice: oats });
  });
  it("a header total that is not the sum of the lines is an error, not replaced", () => {
    const sample = json("baiwang-invoice-issue.request.json");
    sample.data.invoiceTotalTax = 0.3;
    const back = fromBaiwangInvoice(sample, { shortNameOf: () => "谷物" });
    // 2.00 + 0.20 = 2.20 still matches invoiceTotalPriceTax; only the tax is wrong.
    expect(back.ok === false && back.diagnostics.map((d) => d.path)).toEqual(["data.invoiceTotalTax"]);
  });
  it("the published answer is issued, with the number and time the platform gave", () => {
    const outcome = issueAnswer("UNIQUE_SERIAL", json("baiwang-invoice-issue.response.txt"));
    expect(outcome).toMatchObject({
      status: "issued",
      requestKey: "UNIQUE_SERIAL",
      number: "24442000000071309399",
      issuedAt: "2026-05-21T15:26:32+08:00",
      files: [{ format: "qr", url: "..." }],
    });
  });
  it("a failed answer keeps 百望's code and message; 100007 is a credentials problem", () => {
    const bad = { success: false, errorResponse: { code: 100007, message: "签名错误" } };
    expect(issueAnswer("K", bad)).toMatchObject({
      status: "rejected",
      reason: "credentials",
      diagnostics: [{ rule: "BAIWANG_100007", providerCode: "100007", providerMessage: "签名错误" }],
    });
    const unknownCode = {
      success: false,
      errorResponse: { code: 200001, message: "其他", subCode: "X9", subMessage: "子错误" },
    };
    expect(issueAnswer("K", unknownCode)).toMatchObject({
      reason: "refused",
      diagnostics: [{ rule: "BAIWANG_UNKNOWN_CODE", providerCode: "X9", providerMessage: "其他：子错误" }],
    });
    const duplicate = {
      success: true,
      response: { success: [], fail: [{ errorCode: "E1", errorMessage: "开票流水号重复" }] },
    };
    expect(issueAnswer("K", duplicate)).toMatchObject({ status: "rejected", reason: "duplicate" });
  });
});

describe("red-letter forms", () => {
  const application: RedFormApplication = {
    requestKey: "RED_1716285600",
    initiator: "seller",
    originalNumber: "24442000000071309399",
    originalIssueDate: "2026-05-21 15:26:32",
    originalKind: "general",
    originalAmount: "2.00",
    originalTax: "0.20",
    reason: "01",
    seller: { taxId: "DB20240220YHCS1009", name: "Seller Company" },
    buyer: { taxId: "91110108MA01KPGP0L", name: "Buyer Company" },
    amount: "-2.00",
    tax: "-0.20",
    lines: [
      {
        originalIndex: 1,
        itemName: "*谷物*燕麦",
        code: "1010101070000000000",
        unit: "份",
        quantity: "-1",
        unitPrice: "2",
        amount: "-2.00",
        taxRate: "0.1",
        tax: "-0.20",
      },
    ],
  };
  it("reproduces the add request (prices by value: the sample writes 2.0)", () => {
    const body = JSON.parse(stringifyJson(redFormAddBody("DB20240220YHCS1009", application)));
    expect(byValue(body)).toEqual(byValue(json("baiwang-redinvoice-add.request.json")));
  });
  it("reproduces the formlist and operate requests", () => {
    expect(redFormListBody("DB20240220YHCS1009", { from: "2026-05-21", to: "2026-05-22" }, "seller")).toEqual(
      json("baiwang-redinvoice-formlist.request.json"),
    );
    expect(
      redFormOperateBody(
        "DB20240220YHCS1009",
        { uuid: "uuid-from-add-response", number: "confirm-number" },
        "cancel",
      ),
    ).toEqual(json("baiwang-redinvoice-operate.request.json"));
  });
  it("the add answer is the form with its uuid, number and state", () => {
    expect(redFormsAnswer(json("baiwang-redinvoice-add.response.json"))).toMatchObject({
      status: "ok",
      value: [{ uuid: "uuid-string", number: "confirmation-number", state: "01" }],
    });
  });
});
