import { arbitraryIssueRequest, shortNamesOf } from "@efapiao/provider-utils/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SPECIFIC_FACTOR } from "./enums.js";
import { fromNuonuoOrder, toNuonuoOrder } from "./order.js";

describe("canonical → Nuonuo order → canonical", () => {
  it("is lossless for every field Nuonuo carries (property)", () => {
    const specific = fc.option(
      fc.record({
        code: fc.constantFrom(...Object.keys(SPECIFIC_FACTOR)),
        fields: fc.constant({
          invoiceBuildingInfo: { buildingAddress: "浙江省杭州市西湖区", crossCityFlag: "0" },
        }),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(arbitraryIssueRequest, specific, (request, specificBusiness) => {
        const sent = specificBusiness ? { ...request, specificBusiness } : request;
        const order = toNuonuoOrder(sent);
        expect(order.ok).toBe(true);
        if (!order.ok) return;
        const wire = JSON.parse(JSON.stringify({ order: order.value })).order;
        const back = fromNuonuoOrder(wire, {
          sellerName: request.invoice.seller.name,
          shortNameOf: shortNamesOf(request.invoice),
        });
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.value).toEqual(sent);
      }),
      { numRuns: 150 },
    );
  });
});
