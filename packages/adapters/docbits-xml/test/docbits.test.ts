import { toInvoice } from "@efapiao/model";
import { inferLineNatures, parseStaXml } from "@efapiao/sta-xml";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// The issued-invoice generator of the sibling adapter's tests, so both formats are checked on the same data.
import { issuedInvoice } from "../../sta-xml/test/arbitraries.js";
import { GD, readSample } from "../../sta-xml/test/samples.js";
import {
  classifyDocbits,
  docbitsToInvoice,
  invoiceToDocbits,
  readDocbitsXml,
  writeDocbitsDocument,
  writeDocbitsXml,
} from "../src/index.js";

const gdRead = parseStaXml(readSample(GD));
const gd = gdRead.ok ? gdRead.value : (undefined as never);

function written(
  invoice: Parameters<typeof writeDocbitsXml>[0],
  options?: Parameters<typeof writeDocbitsXml>[1],
) {
  const result = writeDocbitsXml(invoice, options);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.value;
}

/** The gd sample's values, laid out by hand as the DocBits pages document them. */
const GD_DOCBITS = `<?xml version="1.0" encoding="UTF-8"?>
<fapiao xmlns="urn:china:tax:fapiao:1.0" version="1.0">
  <fapiao_head>
    <fapiao_type>专用发票</fapiao_type>
    <fapiao_number>01234567890123456789</fapiao_number>
    <issue_date>2024-01-24</issue_date>
  </fapiao_head>
  <seller>
    <name>广州市XXXXXXX有限公司</name>
    <taxpayer_id>012345678901234567</taxpayer_id>
    <address>广州市XXXXXXXXXXXXXXX</address>
    <telephone>22813685</telephone>
    <bank_name>招商银行股份有限公司广州XX支行</bank_name>
    <bank_account>012345678901234</bank_account>
  </seller>
  <buyer>
    <name>广州XXXXXXXXXXX公司</name>
    <taxpayer_id>012345678901234567</taxpayer_id>
  </buyer>
  <items>
    <item>
      <seq>1</seq>
      <name>*信息技术服务*信息技术服务</name>
      <quantity>1</quantity>
      <unit>月</unit>
      <unit_price>15841.5841584158</unit_price>
      <tax_rate>1</tax_rate>
      <tax_amount>158.42</tax_amount>
      <amount>15841.58</amount>
      <efp:tax_code xmlns:efp="urn:efapiao:docbits-extension:1">0000000000000000000</efp:tax_code>
    </item>
  </items>
  <total>
    <total_amount>15841.58</total_amount>
    <total_tax>158.42</total_tax>
    <total_with_tax>16000.00</total_with_tax>
    <amount_in_words>壹万陆仟圆整</amount_in_words>
  </total>
  <issuer>张三</issuer>
  <tax_authority>国家税务总局广东省税务局</tax_authority>
</fapiao>
`;

describe("writeDocbitsXml", () => {
  it("writes the gd sample in the documented layout", () => {
    expect(written(gd)).toBe(GD_DOCBITS);
  });

  it("writes a root DocBits' patterns recognise, and 电子发票 on request (with a warning)", () => {
    const xml = written(gd);
    expect(xml).toContain('<fapiao xmlns="urn:china:tax:fapiao:1.0" version="1.0">');
    const electronic = writeDocbitsXml(gd, { fapiaoType: "electronic" });
    expect(electronic.ok && electronic.value).toContain("<fapiao_type>电子发票</fapiao_type>");
    expect(electronic.diagnostics.map((d) => [d.rule, d.path])).toEqual([["FIELD_NOT_WRITTEN", "kind"]]);
  });

  it("leaves the extension out on request", () => {
    expect(written(gd, { taxCodes: false })).not.toContain("tax_code");
  });

  it("warns about the buyer's bank and policy flags, which DocBits has no place for", () => {
    const invoice = { ...toInvoice(gd), buyer: { ...gd.buyer, bankName: "示例银行" } };
    invoice.lines = [{ ...invoice.lines[0]!, policy: "01" }];
    const result = writeDocbitsXml(invoice);
    expect(result.diagnostics.map((d) => d.path)).toEqual(["lines[0].policy", "buyer.bankName"]);
  });

  it("refuses an invalid invoice with diagnostics", () => {
    const result = writeDocbitsXml({ ...toInvoice(gd), lines: [] });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ path: "lines" });
  });
});

describe("classifyDocbits", () => {
  it.each([
    ["专用发票", "special"],
    ["普通发票", "general"],
    ["电子发票", "e-fapiao"],
  ] as const)("%s → %s", (type, expected) => {
    expect(classifyDocbits(GD_DOCBITS.replace("专用发票", type))).toBe(expected);
  });

  it("needs the namespace as well as fapiao_type", () => {
    expect(
      classifyDocbits("<fapiao><fapiao_head><fapiao_type>专用发票</fapiao_type></fapiao_head></fapiao>"),
    ).toBeUndefined();
    expect(classifyDocbits(readSample(GD))).toBeUndefined();
  });

  it("matches the literal element, as a text pattern does", () => {
    expect(
      classifyDocbits(GD_DOCBITS.replace("<fapiao_type>专用发票", "<fapiao_type> 专用发票")),
    ).toBeUndefined();
  });

  it("first match wins among equally long patterns, in the documented order", () => {
    const both = GD_DOCBITS.replace("</fapiao_head>", "<fapiao_type>普通发票</fapiao_type></fapiao_head>");
    expect(classifyDocbits(both)).toBe("general");
  });
});

describe("readDocbitsXml and docbitsToInvoice", () => {
  it("read back the canonical invoice efapiao wrote", () => {
    const read = readDocbitsXml(GD_DOCBITS);
    expect(read.ok && read.value).toEqual(invoiceToDocbits(gd));
    const invoice = read.ok ? docbitsToInvoice(read.value) : read;
    expect(invoice).toEqual({ ok: true, value: toInvoice(gd), diagnostics: [] });
  });

  it("property: invoice → DocBits XML → invoice is the identity (buyer bank aside)", () => {
    const canonical = issuedInvoice
      .map((issued) => {
        const { bankName: _b, bankAccount: _a, ...buyer } = issued.buyer;
        return { ...toInvoice(issued), buyer };
      })
      // DocBits marks no red invoices: a negative total is all that shows one, and line natures are read from
      // the layout under that reading. Invoices whose natures that reading gives back are the ones that can
      // round-trip.
      .filter((invoice) => {
        const direction = invoice.totals.total.startsWith("-") ? "red" : "blue";
        return inferLineNatures(invoice.lines, direction).every(
          (nature, i) => nature === invoice.lines[i]!.nature,
        );
      });
    fc.assert(
      fc.property(canonical, (invoice) => {
        const xml = writeDocbitsXml(invoice);
        expect(xml.ok && xml.diagnostics).toEqual([]);
        const read = readDocbitsXml(xml.ok ? xml.value : "");
        const back = read.ok ? docbitsToInvoice(read.value) : read;
        expect(back).toEqual({ ok: true, value: invoice, diagnostics: [] });
      }),
      { numRuns: 300 },
    );
  });

  it("reads the German page's flat layout and rates written with %", () => {
    const flat = `<fapiao xmlns="urn:china:tax:fapiao:1.0" version="1.0">
      <fapiao_number>12345678</fapiao_number><fapiao_code>044031900111</fapiao_code>
      <issue_date>2024-03-01</issue_date><fapiao_type>普通发票</fapiao_type>
      <seller><name>卖方</name><taxpayer_id>91440300192203821A</taxpayer_id></seller>
      <buyer><name>买方</name></buyer>
      <items><item><seq>1</seq><name>*纸制品*笔记本</name><tax_rate>13%</tax_rate>
        <tax_amount>13.00</tax_amount><amount>100.00</amount></item></items>
      <total_amount>100.00</total_amount><total_tax>13.00</total_tax><total_with_tax>113.00</total_with_tax>
      <amount_in_words>壹佰壹拾叁圆整</amount_in_words><remarks>备注</remarks>
    </fapiao>`;
    const read = readDocbitsXml(flat);
    expect(read.ok && read.value).toMatchObject({
      type: "普通发票",
      number: "12345678",
      code: "044031900111",
      issueDate: "2024-03-01",
      items: [{ seq: "1", name: "*纸制品*笔记本", taxRate: "0.13", taxAmount: "13.00", amount: "100.00" }],
      total: { amount: "100.00", tax: "13.00", withTax: "113.00", inWords: "壹佰壹拾叁圆整" },
      remarks: "备注",
    });
    // …but a DocBits file from elsewhere has no classification codes, and the invoice needs them.
    const invoice = read.ok ? docbitsToInvoice(read.value) : read;
    expect(invoice.diagnostics).toEqual([
      expect.objectContaining({ rule: "DOCBITS_NO_CODE", path: "/fapiao/items/item[1]/tax_code" }),
    ]);
  });

  it("needs the kind for 电子发票, and takes it from the caller", () => {
    const doc = { ...invoiceToDocbits(gd), type: "电子发票" };
    expect(docbitsToInvoice(doc).diagnostics.map((d) => d.rule)).toEqual(["DOCBITS_KIND"]);
    expect(docbitsToInvoice(doc, { kind: "special" }).ok).toBe(true);
  });

  it("computes missing capitals from the total, with a warning", () => {
    const doc = invoiceToDocbits(gd);
    const { inWords: _, ...total } = doc.total;
    const result = docbitsToInvoice({ ...doc, total });
    expect(result.ok && result.value.totals.totalInWords).toBe("壹万陆仟圆整");
    expect(result.diagnostics.map((d) => d.rule)).toEqual(["DOCBITS_WORDS_COMPUTED"]);
  });

  it("refuses another root, a missing namespace, missing totals and hostile XML", () => {
    const rules = (xml: string) => {
      const result = readDocbitsXml(xml);
      expect(result.ok).toBe(false);
      return result.diagnostics.map((d) => [d.rule, d.path]);
    };
    expect(rules(readSample(GD))).toEqual([["DOCBITS_ROOT", "/EInvoice"]]);
    expect(rules("<fapiao><items/></fapiao>")).toEqual([["DOCBITS_ROOT", "/fapiao"]]);
    expect(rules(GD_DOCBITS.replace(/<total>[\s\S]*<\/total>/, ""))).toEqual([
      ["DOCBITS_MISSING", "/fapiao/total_amount"],
      ["DOCBITS_MISSING", "/fapiao/total_tax"],
      ["DOCBITS_MISSING", "/fapiao/total_with_tax"],
    ]);
    expect(
      rules(`<!DOCTYPE fapiao [<!ENTITY x SYSTEM "file:///etc/passwd">]>${GD_DOCBITS.slice(39)}`),
    ).toEqual([["XML_DTD_REFUSED", ""]]);
  });

  it("writes what it reads: a read document serializes back to the same text", () => {
    const read = readDocbitsXml(GD_DOCBITS);
    expect(read.ok && writeDocbitsDocument(read.value)).toBe(GD_DOCBITS);
  });
});
