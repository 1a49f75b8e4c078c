/**
 * Issue 9, item 2: what real systems emit is read. Each case is written from a reproduction in the issue,
 * made by editing the real Guangdong file (../shared/samples) the way the reported file differs from it.
 */
import { describe, expect, it } from "vitest";
import { decodeXmlBytes, parseStaXml } from "../src/index.js";
import { encodeGbkForTest } from "./gbk.js";
import { edit, GD, readSample } from "./samples.js";

const gd = readSample(GD);
const KIND_LABEL = /<GeneralOrSpecialVAT>[\s\S]*?<\/GeneralOrSpecialVAT>/;

function warnings(result: ReturnType<typeof parseStaXml>) {
  return result.diagnostics.filter((d) => d.severity === "warning").map((d) => d.rule);
}

describe("an empty kind label (a real ride-hailing invoice has <GeneralOrSpecialVAT/>)", () => {
  it("is read as a general invoice with a warning that says why", () => {
    const result = parseStaXml(edit(gd, KIND_LABEL, "<GeneralOrSpecialVAT/>"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.kind).toBe("general");
    expect(result.value.kindCode).toBe("02");
    const d = result.diagnostics.find((x) => x.rule === "STA_XML_KIND_INFERRED");
    expect(d).toMatchObject({
      severity: "warning",
      path: "/EInvoice/Header/InherentLabel/GeneralOrSpecialVAT/LabelCode",
    });
    expect(d!.messageEn).toContain("general");
  });

  it("takes the buyer without a tax id as the evidence when there is one", () => {
    let xml = edit(
      gd,
      KIND_LABEL,
      "<GeneralOrSpecialVAT><LabelCode></LabelCode><LabelName/></GeneralOrSpecialVAT>",
    );
    xml = edit(xml, "<BuyerIdNum>012345678901234567</BuyerIdNum>", "");
    const result = parseStaXml(xml);
    expect(result.ok && result.value.kind).toBe("general");
    const d = result.diagnostics.find((x) => x.rule === "STA_XML_KIND_INFERRED");
    expect(d!.messageEn).toContain("the buyer has no tax id");
  });

  it("is read as special when the EInvoiceType label's name says so", () => {
    let xml = edit(gd, KIND_LABEL, "<GeneralOrSpecialVAT/>");
    xml = edit(xml, "<LabelName>电子发票</LabelName>", "<LabelName>电子发票（增值税专用发票）</LabelName>");
    const result = parseStaXml(xml);
    expect(result.ok && result.value.kind).toBe("special");
    expect(warnings(result)).toContain("STA_XML_KIND_INFERRED");
  });

  it("still refuses a kind code that is neither 01 nor 02", () => {
    const result = parseStaXml(
      edit(
        gd,
        "<LabelCode>01</LabelCode>\n        <LabelName>增值税专用发票",
        "<LabelCode>07</LabelCode>\n        <LabelName>",
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.rule)).toContain("STA_XML_KIND");
  });
});

describe("a masked classification code (3040xxxxxxxxxxxxxxx)", () => {
  it("is read as written, with a warning, instead of refusing the file", () => {
    const xml = edit(
      gd,
      "<TaxClassificationCode>0000000000000000000<",
      "<TaxClassificationCode>3040xxxxxxxxxxxxxxx<",
    );
    const result = parseStaXml(xml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.lines[0]!.code).toBe("3040xxxxxxxxxxxxxxx");
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        rule: "STA_XML_CODE_NOT_19_DIGITS",
        severity: "warning",
        path: "/EInvoice/EInvoiceData/IssuItemInformation[1]/TaxClassificationCode",
      }),
    );
  });
});

describe("duplicated single-valued elements", () => {
  it("two <TotalAmWithoutTax> are an error, not first-wins", () => {
    const xml = edit(
      gd,
      "<TotalTaxAm>158.42</TotalTaxAm>",
      "<TotalTaxAm>158.42</TotalTaxAm><TotalAmWithoutTax>1.00</TotalAmWithoutTax>",
    );
    const result = parseStaXml(xml);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([
      expect.objectContaining({
        rule: "STA_XML_DUPLICATE",
        path: "/EInvoice/EInvoiceData/BasicInformation/TotalAmWithoutTax[2]",
      }),
    ]);
  });

  it("a repeated line element inside one line is an error too, and a repeated section", () => {
    const line = edit(gd, "<Amount>15841.58</Amount>", "<Amount>15841.58</Amount><Amount>15841.58</Amount>");
    expect(parseStaXml(line).diagnostics.map((d) => d.rule)).toContain("STA_XML_DUPLICATE");
    const section = edit(gd, "<AdditionalInformation/>", "<AdditionalInformation/><BasicInformation/>");
    expect(parseStaXml(section).diagnostics).toContainEqual(
      expect.objectContaining({
        rule: "STA_XML_DUPLICATE",
        path: "/EInvoice/EInvoiceData/BasicInformation[2]",
      }),
    );
  });
});

describe("decodeXmlBytes", () => {
  // 广州 in GBK is B9 E3 D6 DD (GB 2312 row 25 col 67 → B9E3; row 54 col 61 → D6DD).
  const GBK_GUANGZHOU = [0xb9, 0xe3, 0xd6, 0xdd];
  const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

  it("decodes a GBK-declared file (it was read as UTF-8 and became mojibake)", () => {
    for (const label of ["GBK", "gb2312", "GB18030"]) {
      const bytes = new Uint8Array([
        ...ascii(`<?xml version="1.0" encoding="${label}"?><a>`),
        ...GBK_GUANGZHOU,
        ...ascii("</a>"),
      ]);
      const result = decodeXmlBytes(bytes);
      expect(result).toMatchObject({ ok: true });
      expect(result.ok && result.value.endsWith("<a>广州</a>")).toBe(true);
    }
  });

  it("decodes UTF-16 with a byte-order mark, and UTF-16 without one from the first '<'", () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><a>广州</a>';
    const le = [
      0xff,
      0xfe,
      ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ];
    const be = [
      0xfe,
      0xff,
      ...Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]),
    ];
    expect(decodeXmlBytes(new Uint8Array(le))).toMatchObject({ ok: true, value: text });
    expect(decodeXmlBytes(new Uint8Array(be))).toMatchObject({ ok: true, value: text });
    expect(decodeXmlBytes(new Uint8Array(le.slice(2)))).toMatchObject({ ok: true, value: text });
  });

  it("reads a GBK platform file whole: names come out right", () => {
    const utf8 = gd.replace('encoding="utf-8"', 'encoding="GBK"');
    const bytes = encodeGbkForTest(utf8);
    const result = decodeXmlBytes(bytes);
    expect(result.ok).toBe(true);
    const read = result.ok ? parseStaXml(result.value) : result;
    expect(read.ok && read.value.seller.name).toBe("广州市XXXXXXX有限公司");
  });

  it("refuses undeclared invalid UTF-8 with the byte offset", () => {
    const bytes = new Uint8Array([...ascii("<a>"), ...GBK_GUANGZHOU, ...ascii("</a>")]);
    const result = decodeXmlBytes(bytes);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ rule: "TEXT_INVALID_UTF8" });
    expect(result.diagnostics[0]!.messageEn).toContain("at byte 3");
  });

  it("refuses an encoding it cannot decode, and UTF-16 declared in single bytes", () => {
    const ebcdic = decodeXmlBytes(new Uint8Array(ascii('<?xml version="1.0" encoding="EBCDIC-X"?><a/>')));
    expect(ebcdic.diagnostics[0]?.rule).toBe("XML_ENCODING_UNSUPPORTED");
    const utf16 = decodeXmlBytes(new Uint8Array(ascii('<?xml version="1.0" encoding="UTF-16"?><a/>')));
    expect(utf16.diagnostics[0]?.rule).toBe("XML_ENCODING_MISMATCH");
  });
});
