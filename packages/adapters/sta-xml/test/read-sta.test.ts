import { InvoiceSchema, IssuedInvoiceSchema, toInvoice } from "@efapiao/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStaXml } from "../src/index.js";
import { edit, GD, MOF, RED_FRAGMENTS, readSample, redInvoiceFromFragments } from "./samples.js";

const gd = readSample(GD);
const mof = readSample(MOF);

function read(xml: string) {
  const result = parseStaXml(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result;
}

function refusal(xml: string) {
  const result = parseStaXml(xml);
  expect(result.ok).toBe(false);
  return result.diagnostics.filter((d) => d.severity === "error");
}

describe("parseStaXml on gd-special-1pct-inclusive.xml (v0.31, 1% tax-inclusive, masked)", () => {
  const { value: invoice, diagnostics } = read(gd);

  it("reads the totals and capitals the file shows", () => {
    expect(invoice.totals).toEqual({
      amount: "15841.58",
      tax: "158.42",
      total: "16000.00",
      totalInWords: "壹万陆仟圆整",
    });
  });

  it("reads the line: unrounded unit price, 1% rate, *简称*名称 split", () => {
    expect(invoice.lines).toEqual([
      {
        index: 1,
        nature: "normal",
        itemName: "*信息技术服务*信息技术服务",
        shortName: "信息技术服务",
        name: "信息技术服务",
        code: "0000000000000000000",
        unit: "月",
        quantity: "1",
        unitPrice: "15841.5841584158",
        amount: "15841.58",
        taxRate: "0.01",
        tax: "158.42",
        policy: null,
      },
    ]);
  });

  it("reads header labels, parties, supervision info and the date-only issue time", () => {
    expect(invoice).toMatchObject({
      kind: "special",
      kindCode: "01",
      direction: "blue",
      number: "01234567890123456789",
      tag: "XXXXXXXX",
      version: "0.31",
      issuedAt: "2024-01-24",
      issueDate: "2024-01-24",
      requestTime: "2024-01-24 16:23:48",
      drawer: "张三",
      taxBureau: { code: "01234567890", name: "国家税务总局广东省税务局" },
      taxpayerType: { code: "3", name: "转登记小规模纳税人" },
      eInvoiceType: { code: "01", name: "电子发票" },
      labels: [{ type: "发票开具方式标签", code: "1", name: "网页开票" }],
      seller: {
        taxId: "012345678901234567",
        name: "广州市XXXXXXX有限公司",
        address: "广州市XXXXXXXXXXXXXXX",
        phone: "22813685",
        bankName: "招商银行股份有限公司广州XX支行",
        bankAccount: "012345678901234",
      },
      buyer: { taxId: "012345678901234567", name: "广州XXXXXXXXXXX公司", naturalPerson: false },
    });
    expect(invoice.remarks).toBeUndefined();
    expect(invoice.red).toBeUndefined();
  });

  it("keeps the seller authentication and the signature as blocks", () => {
    expect(invoice.sellerAuthentication).toEqual({
      name: "SellerAuthentication",
      children: [{ name: "AuthenticationMethods", text: "01" }],
    });
    expect(invoice.signature?.children?.map((c) => c.name)).toEqual([
      "Reference",
      "SignatureAlgorithm",
      "SignatureFormat",
      "SignatureTime",
      "SignatureValue",
      "KeyInfo",
    ]);
    expect(invoice.signature?.children?.[0]?.attributes?.URI).toBe(
      "/Einvoice/Header|/Einvoice/EinvoiceData|/Einvoice/SellerAuthentication|/Einvoice/TaxSupervisionInfo|/Einvoice/TaxBureauSignature/SignatureTime",
    );
    expect(invoice.signature?.children?.[1]).toEqual({
      name: "SignatureAlgorithm",
      text: "1.2.156.10197.1.501",
    });
  });

  it("notes the masked number (year 2001) as a warning only", () => {
    expect(diagnostics).toEqual([
      expect.objectContaining({
        rule: "INVOICE_NUMBER_YEAR_BEFORE_SCHEME",
        severity: "warning",
        path: "/EInvoice/TaxSupervisionInfo/InvoiceNumber",
      }),
    ]);
  });

  it("is an IssuedInvoice, and its canonical part validates as an Invoice", () => {
    expect(IssuedInvoiceSchema.safeParse(invoice).success).toBe(true);
    const canonical = InvoiceSchema.safeParse(toInvoice(invoice));
    expect(canonical.success).toBe(true);
  });
});

describe("parseStaXml on mof-official-special.xml (v0.2, six-decimal rate and taxes)", () => {
  const { value: invoice, diagnostics } = read(mof);

  it("normalises 0.060000 / 0.120000 / 2.120000 without changing a digit", () => {
    expect(invoice.lines[0]).toMatchObject({
      itemName: "*人力资源服务*劳务",
      shortName: "人力资源服务",
      name: "劳务",
      code: "3040803010000000000",
      quantity: "2",
      unitPrice: "1",
      amount: "2.00",
      taxRate: "0.06",
      tax: "0.12",
    });
    expect(diagnostics).toEqual([]); // 2.00 + 0.12 = 2.120000: no line-total warning
  });

  it("treats the empty SpecMod/MeaUnits and buyer elements as absent", () => {
    expect(invoice.lines[0]!.spec).toBeUndefined();
    expect(invoice.lines[0]!.unit).toBeUndefined();
    expect(invoice.buyer).toEqual({
      taxId: "91440000000000001Y",
      name: "示例商贸有限公司",
      naturalPerson: false,
    });
  });

  it("reads totals, remark, date-time issue time, two labels and the tag", () => {
    expect(invoice.totals).toEqual({
      amount: "2.00",
      tax: "0.12",
      total: "2.12",
      totalInWords: "贰圆壹角贰分",
    });
    expect(invoice).toMatchObject({
      number: "23440000000000100001",
      tag: "SWEI4400",
      version: "0.2",
      issuedAt: "2023-02-23 10:08:05",
      issueDate: "2023-02-23",
      requestTime: "2023-02-23",
      remarks: "备注内容描述",
      drawer: "示例",
      taxpayerType: { code: "1", name: "一般纳税人" },
      taxBureau: { code: "14400000000", name: "国家税务总局广东省税务局" },
      labels: [
        { type: "企业行业性质类标签", code: "01,20", name: "示例行业,示例类型" },
        { type: "发票开具方式标签", code: "1", name: "网页开票" },
      ],
    });
    expect(invoice.signature?.children?.find((c) => c.name === "SignatureValue")).toEqual({
      name: "SignatureValue",
    });
  });

  it("validates as an Invoice", () => {
    expect(InvoiceSchema.safeParse(toInvoice(invoice)).success).toBe(true);
  });
});

describe("red-invoice-fragments.xml", () => {
  it("is fragments, not a document: refused with a clear error", () => {
    expect(refusal(readSample(RED_FRAGMENTS))).toEqual([
      expect.objectContaining({
        rule: "XML_MALFORMED",
        messageEn: "Malformed XML: there is more than one root element",
      }),
    ]);
  });

  it("assembled into a red invoice, reads the reference, the remark and the negative capitals", () => {
    const { value: invoice, diagnostics } = read(redInvoiceFromFragments());
    expect(invoice.direction).toBe("red");
    expect(invoice.red).toEqual({
      originalNumber: "24112000000135114086",
      confirmationFormNumber: "11010824091002615708",
    });
    expect(invoice.specificBusiness).toBeUndefined();
    expect(invoice.totals).toEqual({
      amount: "-495.05",
      tax: "-4.95",
      total: "-500.00",
      totalInWords: "（负数）伍佰圆整",
    });
    expect(invoice.remarks).toBe(
      "被红冲蓝字数电票号码：24112000000135114086 红字发票信息确认单编号：11010824091002615708",
    );
    // A red invoice's lines are normal lines, negative as they are.
    expect(invoice.lines[0]).toMatchObject({
      nature: "normal",
      quantity: "-1",
      amount: "-495.05",
      tax: "-4.95",
    });
    expect(
      diagnostics.filter((d) => d.severity !== "warning" || d.rule !== "INVOICE_NUMBER_YEAR_BEFORE_SCHEME"),
    ).toEqual([]);
  });
});

describe("tolerant of what real files contain", () => {
  it("accepts 元 as well as 圆 in the capitals, keeping them as written", () => {
    const xml = edit(gd, "壹万陆仟圆整", "壹万陆仟元整");
    expect(read(xml).value.totals.totalInWords).toBe("壹万陆仟元整");
  });

  it("accepts date-times in IssueTime and dates in RequestTime", () => {
    let xml = edit(gd, "<IssueTime>2024-01-24</IssueTime>", "<IssueTime>2024-01-24 16:24:02</IssueTime>");
    xml = edit(
      xml,
      "<RequestTime>2024-01-24 16:23:48</RequestTime>",
      "<RequestTime>2024-01-24</RequestTime>",
    );
    expect(read(xml).value).toMatchObject({
      issuedAt: "2024-01-24 16:24:02",
      issueDate: "2024-01-24",
      requestTime: "2024-01-24",
    });
  });

  it("accepts empty label nodes: TaxpayerType, UndefinedLabel, and an empty InIssuType (blue inferred)", () => {
    let xml = edit(gd, /<TaxpayerType>[\s\S]*?<\/TaxpayerType>/, "<TaxpayerType/>");
    xml = edit(xml, /<UndefinedLabel>[\s\S]*?<\/UndefinedLabel>/, "<UndefinedLabel/>");
    xml = edit(
      xml,
      /<InIssuType>[\s\S]*?<\/InIssuType>/,
      "<InIssuType><LabelCode></LabelCode><LabelName/></InIssuType>",
    );
    const { value, diagnostics } = read(xml);
    expect(value.taxpayerType).toBeUndefined();
    expect(value.labels).toEqual([]);
    expect(value.direction).toBe("blue");
    expect(diagnostics.map((d) => d.rule)).toContain("STA_XML_DIRECTION_INFERRED");
  });

  it("notes unknown extra elements (info) and still reads the file", () => {
    let xml = edit(gd, "<Drawer>张三</Drawer>", "<Drawer>张三</Drawer><Checker>李四</Checker>");
    xml = edit(xml, "<SellerAuthentication>", "<FutureBlock><X>1</X></FutureBlock><SellerAuthentication>");
    const { value, diagnostics } = read(xml);
    expect(value.drawer).toBe("张三");
    expect(diagnostics.filter((d) => d.rule === "STA_XML_SKIPPED")).toEqual([
      expect.objectContaining({ severity: "info", path: "/EInvoice/FutureBlock" }),
      expect.objectContaining({ severity: "info", path: "/EInvoice/EInvoiceData/BasicInformation/Checker" }),
    ]);
  });

  it("reads a negative line inside a blue invoice as the discount of the line above it", () => {
    const discount = `<IssuItemInformation>
      <ItemName>*信息技术服务*信息技术服务</ItemName>
      <Amount>-841.58</Amount>
      <TaxRate>0.010000</TaxRate>
      <ComTaxAm>-8.42</ComTaxAm>
      <TotaltaxIncludedAmount>-850.00</TotaltaxIncludedAmount>
      <TaxClassificationCode>0000000000000000000</TaxClassificationCode>
    </IssuItemInformation>
    <SpecificInformation/>`;
    const { value } = read(edit(gd, "<SpecificInformation/>", discount));
    expect(value.lines.map((l) => [l.index, l.nature, l.amount, l.tax])).toEqual([
      [1, "discounted", "15841.58", "158.42"],
      [2, "discount", "-841.58", "-8.42"],
    ]);
    expect(value.lines[1]!.quantity).toBeUndefined();
  });

  it("keeps a negative line that does not follow its own item as a normal line", () => {
    const refund = `<IssuItemInformation>
      <ItemName>*运输服务*退款</ItemName>
      <Amount>-10.00</Amount>
      <TaxRate>0.03</TaxRate>
      <ComTaxAm>-0.30</ComTaxAm>
      <TaxClassificationCode>3010102990100000000</TaxClassificationCode>
    </IssuItemInformation>
    <SpecificInformation/>`;
    const { value } = read(edit(gd, "<SpecificInformation/>", refund));
    expect(value.lines.map((l) => l.nature)).toEqual(["normal", "normal"]);
  });

  it("keeps specific-business blocks (e.g. a toll block) as structured data", () => {
    const toll = `<SpecificInformation>
      <Toll>
        <PlateNumber>粤A12345</PlateNumber>
        <VehicleType>客车</VehicleType>
        <TravelPeriod start="2024-01-01" end="2024-01-31"/>
      </Toll>
    </SpecificInformation>`;
    const { value } = read(edit(gd, "<SpecificInformation/>", toll));
    expect(value.specificBusiness).toEqual([
      {
        name: "Toll",
        children: [
          { name: "PlateNumber", text: "粤A12345" },
          { name: "VehicleType", text: "客车" },
          { name: "TravelPeriod", attributes: { start: "2024-01-01", end: "2024-01-31" } },
        ],
      },
    ]);
  });

  it("reads a tax written with six decimals when nothing but zeros is dropped", () => {
    const xml = edit(gd, "<ComTaxAm>158.42</ComTaxAm>", "<ComTaxAm>158.420000</ComTaxAm>");
    expect(read(xml).value.lines[0]!.tax).toBe("158.42");
  });

  it("warns about a version outside 0.2–0.33 but reads it", () => {
    const { diagnostics } = read(edit(gd, "<Version>0.31</Version>", "<Version>0.40</Version>"));
    expect(diagnostics.map((d) => d.rule)).toContain("STA_XML_VERSION_UNTESTED");
  });

  it("warns when a line's TotaltaxIncludedAmount is not amount + tax", () => {
    const { diagnostics } = read(
      edit(gd, "<TotaltaxIncludedAmount>16000.00<", "<TotaltaxIncludedAmount>16000.01<"),
    );
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        rule: "STA_XML_LINE_TOTAL",
        path: "/EInvoice/EInvoiceData/IssuItemInformation[1]/TotaltaxIncludedAmount",
      }),
    );
  });
});

describe("strict about what makes a file unusable", () => {
  it("refuses text that is not XML", () => {
    expect(refusal("hello")).toEqual([expect.objectContaining({ rule: "XML_NOT_XML" })]);
    expect(refusal('{"kind": "special"}')).toEqual([expect.objectContaining({ rule: "XML_NOT_XML" })]);
    expect(refusal("")).toEqual([expect.objectContaining({ rule: "XML_NOT_XML" })]);
  });

  it("refuses broken XML, naming the mismatch", () => {
    const [d] = refusal(edit(gd, "</Header>", "</Headr>"));
    expect(d).toMatchObject({ rule: "XML_MALFORMED" });
    expect(d!.messageEn).toContain("</Headr>");
  });

  it("refuses another root element", () => {
    expect(refusal('<fapiao xmlns="urn:china:tax:fapiao:1.0"/>')).toEqual([
      expect.objectContaining({
        rule: "STA_XML_ROOT",
        path: "/fapiao",
        messageEn: expect.stringContaining("<EInvoice>"),
      }),
    ]);
  });

  it("refuses a file without a number, naming both elements", () => {
    let xml = edit(gd, "<EIid>01234567890123456789</EIid>", "");
    xml = edit(xml, "<InvoiceNumber>01234567890123456789</InvoiceNumber>", "");
    expect(refusal(xml)).toEqual([
      expect.objectContaining({
        rule: "STA_XML_MISSING",
        path: "/EInvoice/TaxSupervisionInfo/InvoiceNumber",
        messageEn: expect.stringContaining("<EIid>"),
      }),
    ]);
  });

  it("reads the number from EIid alone, but refuses two numbers that differ", () => {
    expect(read(edit(gd, "<InvoiceNumber>01234567890123456789</InvoiceNumber>", "")).value.number).toBe(
      "01234567890123456789",
    );
    expect(
      refusal(edit(gd, "<EIid>01234567890123456789</EIid>", "<EIid>24442000000036916313</EIid>")),
    ).toEqual([expect.objectContaining({ rule: "STA_XML_NUMBER_MISMATCH" })]);
  });

  it("takes InvoiceNumber when EIid is a masked copy of it, and refuses a masked copy that disagrees", () => {
    const masked = edit(gd, "<EIid>01234567890123456789</EIid>", "<EIid>0123456789****456789</EIid>");
    const result = read(masked);
    expect(result.value.number).toBe("01234567890123456789");
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ rule: "STA_XML_NUMBER_MASKED", severity: "warning" }),
    );
    expect(
      refusal(edit(gd, "<EIid>01234567890123456789</EIid>", "<EIid>9123456789****456789</EIid>")),
    ).toEqual([expect.objectContaining({ rule: "STA_XML_NUMBER_MISMATCH" })]);
  });

  it("refuses a number that is not 20 digits", () => {
    const xml = edit(
      gd,
      "<InvoiceNumber>01234567890123456789</InvoiceNumber>",
      "<InvoiceNumber>0123456789012345678</InvoiceNumber>",
    );
    const edited = edit(xml, "<EIid>01234567890123456789</EIid>", "");
    expect(refusal(edited)).toEqual([
      expect.objectContaining({
        rule: "INVOICE_NUMBER_LENGTH",
        path: "/EInvoice/TaxSupervisionInfo/InvoiceNumber",
      }),
    ]);
  });

  it("refuses missing totals, naming each element", () => {
    let xml = edit(gd, "<TotalTaxAm>158.42</TotalTaxAm>", "");
    xml = edit(xml, "<TotalTax-includedAmount>16000.00</TotalTax-includedAmount>", "");
    expect(refusal(xml).map((d) => d.path)).toEqual([
      "/EInvoice/EInvoiceData/BasicInformation/TotalTax-includedAmount",
      "/EInvoice/EInvoiceData/BasicInformation/TotalTaxAm",
    ]);
    expect(refusal(edit(gd, /<BasicInformation>[\s\S]*?<\/BasicInformation>/, ""))).toContainEqual(
      expect.objectContaining({ rule: "STA_XML_MISSING", path: "/EInvoice/EInvoiceData/BasicInformation" }),
    );
  });

  it("refuses a tax that would lose digits, instead of rounding it", () => {
    const [d] = refusal(edit(gd, "<ComTaxAm>158.42</ComTaxAm>", "<ComTaxAm>158.425000</ComTaxAm>"));
    expect(d).toMatchObject({
      rule: "STA_XML_MONEY",
      path: "/EInvoice/EInvoiceData/IssuItemInformation[1]/ComTaxAm",
    });
    expect(d!.message).toContain("158.425000");
  });

  it("refuses a file without lines, an item name without *简称* and a bad rate (a bad code is only a warning)", () => {
    expect(refusal(edit(gd, /<IssuItemInformation>[\s\S]*?<\/IssuItemInformation>/, ""))).toEqual([
      expect.objectContaining({
        rule: "STA_XML_MISSING",
        path: "/EInvoice/EInvoiceData/IssuItemInformation",
      }),
    ]);
    let xml = edit(
      gd,
      "<ItemName>*信息技术服务*信息技术服务</ItemName>",
      "<ItemName>信息技术服务</ItemName>",
    );
    xml = edit(xml, "<TaxRate>0.01</TaxRate>", "<TaxRate>免税</TaxRate>");
    xml = edit(xml, "<TaxClassificationCode>0000000000000000000<", "<TaxClassificationCode>304<");
    expect(refusal(xml).map((d) => d.rule)).toEqual(["STA_XML_ITEM_NAME", "STA_XML_RATE"]);
  });

  it("refuses an unknown kind and a blue label on a red reference", () => {
    expect(
      refusal(
        edit(
          gd,
          "<LabelCode>01</LabelCode>\n        <LabelName>增值税专用发票",
          "<LabelCode>07</LabelCode>\n        <LabelName>增值税专用发票",
        ),
      ),
    ).toEqual([expect.objectContaining({ rule: "STA_XML_KIND" })]);
    const red = redInvoiceFromFragments().replace("<LabelCode>N</LabelCode>", "<LabelCode>Y</LabelCode>");
    expect(refusal(red).map((d) => d.rule)).toEqual(["STA_XML_DIRECTION_CONFLICT"]);
  });

  it("never throws: any text gives a Result", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parseStaXml(text);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
    const cut = fc.integer({ min: 0, max: gd.length });
    fc.assert(
      fc.property(cut, cut, (a, b) => {
        const result = parseStaXml(gd.slice(0, Math.min(a, b)) + gd.slice(Math.max(a, b)));
        if (!result.ok) expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
