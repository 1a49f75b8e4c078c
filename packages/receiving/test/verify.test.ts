/**
 * 查验 against a platform stand-in that answers from a table, the way the port defines answers. The
 * platform's fields for the 数电票 sample are its printed values, typed in by hand.
 */
import type { CallOutcome, VerifyCapability, VerifyQuery, VerifyResult } from "@efapiao/provider";
import { describe, expect, it } from "vitest";
import { describeVerification, readReceived, verificationQuery, verifyInvoice } from "../src/index.js";
import { SDP_OFD } from "./fixtures.js";

const PRINTED = {
  number: "24112000000048542163",
  issueDate: "2024-05-28",
  "seller.taxId": "91110108690017781B",
  "seller.name": "北京互联三六五科技有限公司",
  "buyer.taxId": "91460300MAA92DJN95",
  "totals.amount": "4197.17",
  "totals.tax": "251.83",
  "totals.total": "4449",
};

function platform(answer: VerifyResult | "down"): VerifyCapability & { asked: VerifyQuery[] } {
  const asked: VerifyQuery[] = [];
  return {
    asked,
    async verify(query): Promise<CallOutcome<VerifyResult>> {
      asked.push(query);
      if (answer === "down") {
        return {
          status: "unknown",
          diagnostics: [
            {
              rule: "PROVIDER_TIMEOUT",
              severity: "error",
              path: "",
              message: "超时",
              messageEn: "timed out",
              provider: "test",
            },
          ],
        };
      }
      return { status: "ok", value: answer };
    },
  };
}

const invoice = (() => {
  const read = readReceived(SDP_OFD());
  if (!read.ok) throw new Error("sample unreadable");
  return read.value.invoice;
})();

describe("verifyInvoice", () => {
  it("asks with the number, date and totals, and says genuine when everything matches", async () => {
    const p = platform({ found: true, fields: PRINTED, redStatus: "none", state: "normal" });
    const v = await verifyInvoice(p, invoice);
    expect(p.asked).toEqual([verificationQuery(invoice)]);
    expect(p.asked[0]).toEqual({
      number: "24112000000048542163",
      issueDate: "2024-05-28",
      total: "4449.00",
      amount: "4197.17",
      kind: "special", // the sample's title: 电子发票（增值税专用发票）
    });
    expect(v.status).toBe("genuine"); // 4449 and 4449.00 are the same amount
    expect(describeVerification(v)).toBe("genuine");
  });

  it("says which fields differ when the platform holds another amount", async () => {
    const p = platform({
      found: true,
      fields: { ...PRINTED, "totals.amount": "4197.71" },
      redStatus: "none",
    });
    const v = await verifyInvoice(p, invoice);
    expect(v.differences).toEqual([{ path: "totals.amount", file: "4197.17", platform: "4197.71" }]);
    expect(describeVerification(v)).toBe("differs: totals.amount");
  });

  it("reports not found, red-reversed and failed calls", async () => {
    expect((await verifyInvoice(platform({ found: false }), invoice)).status).toBe("not-found");
    const red = await verifyInvoice(platform({ found: true, fields: PRINTED, redStatus: "full" }), invoice);
    expect(red.status).toBe("red-reversed");
    const part = await verifyInvoice(
      platform({ found: true, fields: PRINTED, redStatus: "partial" }),
      invoice,
    );
    expect(part.status).toBe("partly-red-reversed");
    const down = await verifyInvoice(platform("down"), invoice);
    expect(down).toMatchObject({ status: "failed", diagnostics: [{ rule: "PROVIDER_TIMEOUT" }] });
  });

  it("compares ids as text: a tax id is not a number", async () => {
    const p = platform({
      found: true,
      fields: { ...PRINTED, "seller.taxId": "91110108690017781b" },
      redStatus: "none",
    });
    expect(describeVerification(await verifyInvoice(p, invoice))).toBe("differs: seller.taxId");
  });
});
