import { stringifyJson } from "@efapiao/provider-utils";
import { arbitraryIssueRequest } from "@efapiao/provider-utils/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromLeqiInvoice, toLeqiInvoice } from "./invoice.js";

describe("canonical → QDFPSC invoice → canonical", () => {
  // Specific-business blocks travel as extra invoice fields (the published list names none of them).
  it("is lossless for every field 乐企 carries (property)", () => {
    const number = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 20, maxLength: 20 });
    const extraRed = fc.record({ formUuid: fc.uuid(), lineIndexes: fc.boolean() });
    const specific = fc.option(
      fc.record({
        code: fc.constantFrom("03", "04", "09"),
        fields: fc.constant({ jzfwxx: [{ jzfwfsd: "浙江省杭州市", jzxmmc: "一期工程" }] }),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        arbitraryIssueRequest,
        number,
        extraRed,
        specific,
        (request, fphm, extra, specificBusiness) => {
          const sent = { ...request, ...(specificBusiness ? { specificBusiness } : {}) };
          if (sent.red) {
            sent.red = { ...sent.red, formUuid: extra.formUuid };
            if (extra.lineIndexes) sent.red.originalLineIndexes = sent.invoice.lines.map((_, i) => i + 1);
          }
          const wire = JSON.parse(
            stringifyJson(toLeqiInvoice(sent, { number: fphm, platformNumber: "P1", time: "08:30:00" })),
          );
          const back = fromLeqiInvoice(wire, sent.red ? { redReason: sent.red.reason } : {});
          expect(back.ok).toBe(true);
          // 乐企 has no request key (the number is pre-assigned): the number comes back in its place.
          if (back.ok) expect(back.value).toEqual({ ...sent, requestKey: fphm });
        },
      ),
      { numRuns: 150 },
    );
  });
});
