import { describe, expect, it } from "vitest";
import {
  INVOICE_KINDS,
  invoiceKindCode,
  invoiceKindFromCode,
  PLATFORM_INVOICE_TYPES,
} from "./invoice-kinds.js";
import type { LabelledCode } from "./labels.js";
import { POLICY_FLAGS, policyFlag } from "./policy-flags.js";
import {
  RED_LETTER_FORM_STATES,
  RED_LETTER_REASONS,
  redLetterFormState,
  redLetterReason,
} from "./red-letter.js";
import { SPECIFIC_BUSINESSES, specificBusiness } from "./specific-business.js";

const twoDigits = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1).padStart(2, "0"));

describe.each<[string, readonly LabelledCode[], number]>([
  ["policy flags", POLICY_FLAGS, 18],
  ["specific businesses", SPECIFIC_BUSINESSES, 18],
  ["red-letter reasons", RED_LETTER_REASONS, 4],
  ["red-letter form states", RED_LETTER_FORM_STATES, 13],
])("%s", (_name, table, count) => {
  it(`has codes 01–${String(count).padStart(2, "0")} in order, each labelled in Chinese and English`, () => {
    expect(table.map((entry) => entry.code)).toEqual(twoDigits(count));
    for (const entry of table) {
      expect(entry.zh.trim()).not.toBe("");
      expect(entry.en.trim()).not.toBe("");
    }
  });
});

describe("labels as domain-facts.md gives them", () => {
  it("policy flags", () => {
    expect(policyFlag("01")?.zh).toBe("简易征收");
    expect(policyFlag("03")?.zh).toBe("免税");
    expect(policyFlag("10")?.zh).toBe("按5%简易征收减按1.5%计征");
    expect(policyFlag("14")?.zh).toBe("即征即退100%");
    expect(policyFlag("18")?.zh).toBe("超税负6%即征即退");
    expect(policyFlag("19")).toBeUndefined();
  });

  it("specific businesses", () => {
    expect(specificBusiness("03")?.zh).toBe("建筑服务");
    expect(specificBusiness("09")?.zh).toBe("旅客运输");
    expect(specificBusiness("18")?.zh).toBe("卷烟");
  });

  it("red-letter reasons and states", () => {
    expect(RED_LETTER_REASONS.map((reason) => reason.zh)).toEqual([
      "开票有误",
      "销货退回",
      "服务中止",
      "销售折让",
    ]);
    expect(redLetterReason("05")).toBeUndefined();
    expect(redLetterFormState("07")?.zh).toBe("作废（超72小时未确认）");
    // Only 01 (no confirmation needed) and 04 (both confirmed) let the red invoice be issued.
    expect(
      RED_LETTER_FORM_STATES.filter((state) => state.allowsRedInvoice).map((state) => state.code),
    ).toEqual(["01", "04"]);
    expect(RED_LETTER_FORM_STATES.filter((state) => state.pending).map((state) => state.code)).toEqual([
      "02",
      "03",
    ]);
    expect(RED_LETTER_FORM_STATES.filter((state) => state.void)).toHaveLength(9);
  });
});

describe("invoice kinds across systems", () => {
  it("maps the seed, XML, platform, 乐企 and Nuonuo codes", () => {
    expect(invoiceKindCode("special", "seed")).toBe("01");
    expect(invoiceKindCode("general", "staXml")).toBe("02");
    expect(invoiceKindCode("special", "platform")).toBe("81");
    expect(invoiceKindCode("general", "platform")).toBe("82");
    expect(invoiceKindCode("special", "leqi")).toBe("01");
    expect(invoiceKindCode("special", "nuonuo")).toBe("bs");
    expect(invoiceKindCode("general", "nuonuo")).toBe("pc");
  });

  it("reads codes back, and refuses codes a system does not use", () => {
    for (const kind of INVOICE_KINDS) {
      for (const [system, code] of Object.entries(kind.codes)) {
        expect(invoiceKindFromCode(system as keyof typeof kind.codes, code)).toBe(kind.kind);
      }
    }
    expect(invoiceKindFromCode("nuonuo", "c")).toBeUndefined();
    expect(invoiceKindFromCode("platform", "01")).toBeUndefined();
    expect(PLATFORM_INVOICE_TYPES.map((type) => type.code)).toEqual(["81", "82"]);
  });
});
