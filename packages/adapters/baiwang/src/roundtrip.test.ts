import { stringifyJson } from "@efapiao/provider-utils";
import { arbitraryIssueRequest, shortNamesOf } from "@efapiao/provider-utils/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SPECIAL_MARK } from "./enums.js";
import { fromBaiwangInvoice, toBaiwangInvoice } from "./invoice.js";

describe("canonical → 百望 issue body → canonical", () => {
  it("is lossless for every field 百望 carries (property)", () => {
    const extraRed = fc.record({ formUuid: fc.uuid(), lineIndexes: fc.boolean() });
    const specific = fc.option(
      fc.record({
        code: fc.constantFrom(...Object.keys(SPECIAL_MARK)),
        fields: fc.constant({
          invoiceSpecialinfoList: [{ buildingLocalAddress: "北京市&东城区", buildingCrossSign: "N" }],
        }),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(arbitraryIssueRequest, extraRed, specific, (generated, extra, specificBusiness) => {
        // 百望 has no natural-person flag: the generated buyer is not one.
        const invoice = { ...generated.invoice, buyer: { ...generated.invoice.buyer, naturalPerson: false } };
        const request = { ...generated, invoice, ...(specificBusiness ? { specificBusiness } : {}) };
        if (request.red) {
          request.red = { ...request.red, formUuid: extra.formUuid };
          if (extra.lineIndexes) request.red.originalLineIndexes = invoice.lines.map((_, i) => i + 1);
        }
        const body = toBaiwangInvoice(request);
        expect(body.ok).toBe(true);
        if (!body.ok) return;
        const back = fromBaiwangInvoice(JSON.parse(stringifyJson(body.value)), {
          sellerName: invoice.seller.name,
          issueDate: invoice.issueDate,
          shortNameOf: shortNamesOf(invoice),
        });
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.value).toEqual(request);
      }),
      { numRuns: 150 },
    );
  });
});
