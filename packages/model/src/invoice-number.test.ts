import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIRST_INVOICE_NUMBER_YEAR, parseInvoiceNumber } from "./invoice-number.js";

const samples = new URL("../../../../shared/samples/", import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, samples), "utf8");

describe("parseInvoiceNumber", () => {
  it("splits the documented example into year, province, channel and sequence", () => {
    expect(parseInvoiceNumber("24442000000036916313")).toEqual({
      ok: true,
      value: {
        number: "24442000000036916313",
        year: 2024,
        provinceCode: "44",
        channel: "2",
        sequence: "000000036916313",
      },
      diagnostics: [],
    });
  });

  it("reads the real numbers in the platform and provider samples", () => {
    // Each expected split worked out by reading the digits: YY | PP | C | 15-digit sequence.
    const cases = [
      // MOF official sample, a Guangdong file (EInvoiceTag SWEI4400): 23 | 44 | 0 | 000000000100001
      {
        file: "sta-xml/mof-official-special.xml",
        number: "23440000000000100001",
        year: 2023,
        province: "44",
        channel: "0",
      },
      // Red-letter fragment, the reversed blue invoice: 24 | 11 Beijing | 2
      {
        file: "sta-xml/red-invoice-fragments.xml",
        number: "24112000000135114086",
        year: 2024,
        province: "11",
        channel: "2",
      },
      // Baiwang issue response: 24 | 44 | 2
      {
        file: "providers/baiwang-invoice-issue.response.txt",
        number: "24442000000071309399",
        year: 2024,
        province: "44",
        channel: "2",
      },
      // Nuonuo query field list, allElectronicInvoiceNumber: 22 | 31 Shanghai | 0
      {
        file: "providers/nuonuo-queryInvoiceResult.fields.txt",
        number: "22310000000000000001",
        year: 2022,
        province: "31",
        channel: "0",
      },
    ];
    for (const c of cases) {
      expect(sample(c.file)).toContain(c.number);
      const parsed = parseInvoiceNumber(c.number);
      expect(parsed).toMatchObject({
        ok: true,
        value: { year: c.year, provinceCode: c.province, channel: c.channel, sequence: c.number.slice(5) },
        diagnostics: [],
      });
    }
  });

  it("accepts the masked sample number with a warning, not an error", () => {
    // gd-special-1pct-inclusive.xml masks its number as 01234567890123456789 (issued 2024-01-24). Read
    // literally: 01 → 2001, province 23, channel 4. The year precedes the 数电票 pilot, which is worth a
    // warning; the file must still load.
    const xml = sample("sta-xml/gd-special-1pct-inclusive.xml");
    const eiid = /<EIid>(\d+)<\/EIid>/.exec(xml)?.[1];
    expect(eiid).toBe("01234567890123456789");
    const parsed = parseInvoiceNumber(eiid, "Header.EIid");
    expect(parsed).toMatchObject({
      ok: true,
      value: { year: 2001, provinceCode: "23", channel: "4", sequence: "567890123456789" },
      diagnostics: [{ rule: "INVOICE_NUMBER_YEAR_BEFORE_SCHEME", severity: "warning", path: "Header.EIid" }],
    });
  });

  it("warns for every year before the pilot and for none from it on", () => {
    expect(FIRST_INVOICE_NUMBER_YEAR).toBe(2021); // pilot from 2021-12-01
    // The Odoo test fixture's made-up number: 20 → 2020.
    expect(parseInvoiceNumber("20882609251614194530").diagnostics).toMatchObject([{ severity: "warning" }]);
    expect(parseInvoiceNumber("21442000000000000001").diagnostics).toEqual([]);
    expect(parseInvoiceNumber("99442000000000000001")).toMatchObject({
      ok: true,
      value: { year: 2099 },
      diagnostics: [],
    });
  });

  it("rejects province code 00", () => {
    expect(parseInvoiceNumber("24002000000036916313")).toMatchObject({
      ok: false,
      diagnostics: [{ rule: "INVOICE_NUMBER_PROVINCE", severity: "error", path: "number" }],
    });
  });

  it("rejects a wrong length, naming the count", () => {
    const short = parseInvoiceNumber("2444200000003691631");
    expect(short).toMatchObject({
      ok: false,
      diagnostics: [{ rule: "INVOICE_NUMBER_LENGTH", path: "number" }],
    });
    expect(short.diagnostics[0]!.message).toContain("19 位");
    expect(short.diagnostics[0]!.messageEn).toContain("19");
    expect(parseInvoiceNumber("").diagnostics).toMatchObject([{ rule: "INVOICE_NUMBER_LENGTH" }]);
    // An 8-digit legacy number gets a hint about the invoice code.
    const legacy = parseInvoiceNumber("18757776");
    expect(legacy.diagnostics[0]!.message).toContain("发票代码");
    expect(legacy.diagnostics[0]!.messageEn).toContain("legacy");
  });

  it("rejects non-digits, naming the position", () => {
    const letter = parseInvoiceNumber("2444200000003691631A");
    expect(letter).toMatchObject({
      ok: false,
      diagnostics: [{ rule: "INVOICE_NUMBER_CHARACTER", path: "number" }],
    });
    expect(letter.diagnostics[0]!.message).toContain("第 20 位");
    // A space is named by its code point; a full-width digit gets a hint.
    const spaced = parseInvoiceNumber("2444 000000036916313");
    expect(spaced.diagnostics[0]!.messageEn).toContain("Character 5");
    expect(spaced.diagnostics[0]!.messageEn).toContain("U+0020");
    const fullWidth = parseInvoiceNumber("２4442000000036916313");
    expect(fullWidth.diagnostics[0]!.message).toContain("半角");
    // Both mistakes at once are both reported.
    expect(parseInvoiceNumber("24-44").diagnostics.map((d) => d.rule)).toEqual([
      "INVOICE_NUMBER_CHARACTER",
      "INVOICE_NUMBER_LENGTH",
    ]);
  });

  it("rejects a JSON number, which cannot hold 20 digits", () => {
    // JSON.parse reads 24442000000036916313 as the double 24442000000036917248: the digits are already lost.
    const read = JSON.parse('{"number": 24442000000036916313}').number;
    expect(BigInt(read)).toBe(24442000000036917248n);
    const asNumber = parseInvoiceNumber(read, "invoice.number");
    expect(asNumber).toMatchObject({
      ok: false,
      diagnostics: [{ rule: "INVOICE_NUMBER_NOT_TEXT", path: "invoice.number" }],
    });
    expect(asNumber.diagnostics[0]!.messageEn).toContain("string");
    for (const value of [null, undefined, {}, ["24442000000036916313"], true]) {
      expect(parseInvoiceNumber(value).diagnostics).toMatchObject([{ rule: "INVOICE_NUMBER_NOT_TEXT" }]);
    }
  });

  it("cannot tell an invoice number from other 20-digit serials (there is no check digit)", () => {
    // A Nuonuo request serial number from the samples parses as a number "from 2019, province 01".
    expect(sample("providers/nuonuo-queryInvoiceResult.fields.txt")).toContain("19010211130401000006");
    expect(parseInvoiceNumber("19010211130401000006")).toMatchObject({
      ok: true,
      value: { year: 2019, provinceCode: "01" },
    });
  });
});

describe("parseInvoiceNumber properties", () => {
  it("never throws, and fails only with bilingual error diagnostics on the given path", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.anything()), (input) => {
        const result = parseInvoiceNumber(input, "x");
        for (const d of result.diagnostics) {
          expect(d.path).toBe("x");
          expect(d.message).toMatch(/[\u4e00-\u9fff]/);
          expect(d.messageEn).toMatch(/[a-z]/);
        }
        if (!result.ok) expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
      }),
    );
  });

  it("accepts exactly the 20-digit strings whose digits 3–4 are not 00, and rebuilds them from their parts", () => {
    const digits = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 20, maxLength: 20 })
      .map((a) => a.join(""));
    fc.assert(
      fc.property(digits, (text) => {
        const result = parseInvoiceNumber(text);
        expect(result.ok).toBe(text.slice(2, 4) !== "00");
        if (!result.ok) return;
        const { year, provinceCode, channel, sequence } = result.value;
        expect(String(year).slice(2) + provinceCode + channel + sequence).toBe(text);
        expect(year).toBe(2000 + Number(text.slice(0, 2)));
      }),
    );
  });
});
