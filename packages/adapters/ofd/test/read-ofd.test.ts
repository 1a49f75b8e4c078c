/**
 * The two real OFD invoices: the 数电票 read from the page through its custom tags, the legacy e-invoice
 * through its attached XML. Expected values are the ones printed on the fapiao (and stated in the issue),
 * checked by hand: 4197.17 + 251.83 = 4449.00 = 肆仟肆佰肆拾玖圆整; 3 × (4 × 25 = 100.00, 6% → 6.00)
 * = 300.00 + 18.00 = 318.00 = 叁佰壹拾捌圆整.
 */
import { describe, expect, it } from "vitest";
import { readOfd } from "../src/index.js";
import { LEGACY, readSample, SDP, sampleText } from "./samples.js";
import { edit, entriesOf, rezip } from "./zip-builder.js";

const PAGE = "Doc_0/Pages/Page_0/Content.xml";
const TAGS = "Doc_0/Tags/CustomTag.xml";

describe("数电票 OFD through its custom tags", () => {
  const read = readOfd(readSample(SDP));
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
  const { invoice, sources } = read.value;

  it("gives the printed figures", () => {
    expect(invoice.number).toBe("24112000000048542163");
    expect(invoice.issueDate).toBe("2024-05-28");
    expect(invoice.totals).toEqual({
      amount: "4197.17",
      tax: "251.83",
      total: "4449.00",
      totalInWords: "肆仟肆佰肆拾玖圆整",
    });
    expect(invoice.kind).toBe("special"); // 电子发票（增值税专用发票）
    expect(invoice.direction).toBe("blue");
    expect(invoice.seller).toEqual({ name: "北京互联三六五科技有限公司", taxId: "91110108690017781B" });
    expect(invoice.buyer).toEqual({
      name: "海南麒麟云服科技有限公司",
      taxId: "91460300MAA92DJN95",
      naturalPerson: false,
    });
    expect(invoice.drawer).toBe("于俪");
  });

  it("joins the item name printed over two lines and reads the rate as a fraction", () => {
    expect(invoice.lines).toEqual([
      {
        index: 1,
        nature: "normal",
        itemName: "*信息技术服务*技术服务费",
        name: "技术服务费",
        shortName: "信息技术服务",
        quantity: "1",
        unitPrice: "4197.16981132075",
        amount: "4197.17",
        taxRate: "0.06",
        tax: "251.83",
        policy: null,
      },
    ]);
    expect(read.diagnostics.map((d) => d.rule)).toEqual(["OFD_NO_CODE"]);
  });

  it("says where each field came from", () => {
    expect(sources.number).toEqual({
      from: "custom-tag",
      part: TAGS,
      tag: "InvoiceNo",
      objects: [{ part: PAGE, id: "6922" }],
    });
    expect(sources["lines[0].itemName"]).toMatchObject({ objects: [{ id: "6939" }, { id: "6940" }] });
    expect(sources["totals.totalInWords"]).toEqual({ from: "page-text", part: PAGE, id: "6934" });
    // The title is drawn by the template page, not the page itself.
    expect(sources.kind).toEqual({ from: "page-text", part: "Doc_0/Tpls/Tpl_0/Content.xml", id: "3" });
  });
});

describe("legacy e-invoice OFD through its attached XML", () => {
  const read = readOfd(readSample(LEGACY));
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
  const { invoice, sources } = read.value;

  it("gives the invoice of original_invoice.xml", () => {
    expect(invoice).toMatchObject({
      kind: "general", // QR data 01,10,… : 10 增值税电子普通发票; the title says 普通发票 too
      number: "99999951",
      invoiceCode: "050001700111",
      checkCode: "14754822929856772523",
      machineNumber: "016000351595",
      issueDate: "2020-10-10",
      drawer: "任盈盈",
      payee: "张一诺",
      reviewer: "张嘉诺",
      totals: { amount: "300.00", tax: "18.00", total: "318.00", totalInWords: "叁佰壹拾捌圆整" },
    });
    expect(invoice.buyer).toEqual({
      name: "科游迈利有限公司",
      taxId: "9150010807MGZHI002",
      naturalPerson: false,
      addressAndPhone: "北京海淀区西钓鱼台嘉园北门13392342520",
      bankAndAccount: "北京农商行32445333322211",
    });
    expect(invoice.lines).toHaveLength(3);
    for (const [i, line] of invoice.lines.entries()) {
      expect(line).toEqual({
        index: i + 1,
        nature: "normal",
        itemName: "*餐饮服务*餐费",
        name: "餐费",
        shortName: "餐饮服务",
        unit: "次",
        quantity: "4",
        unitPrice: "25",
        amount: "100.00",
        taxRate: "0.06",
        tax: "6.00",
        policy: null,
      });
    }
  });

  it("takes the data from the attachment, the capitals from the page", () => {
    const attachment = "Doc_0/Attachs/original_invoice.xml";
    expect(sources.number).toEqual({ from: "attachment", part: attachment, element: "/eInvoice/InvoiceNo" });
    expect(sources["lines[2].amount"]).toEqual({
      from: "attachment",
      part: attachment,
      element: "/eInvoice/GoodsInfos/GoodsInfo[3]/Amount",
    });
    expect(sources["totals.totalInWords"]).toMatchObject({ from: "page-text", part: PAGE });
    const skipped = read.diagnostics.find((d) => d.rule === "OFD_SKIPPED");
    expect(skipped?.messageEn).toContain("TaxControlCode");
  });
});

describe("sources checked against each other", () => {
  const entries = entriesOf(readSample(SDP));
  const ofdXml = sampleText(SDP, "OFD.xml");

  it("warns when the metadata disagrees with the page, keeping the page's value", () => {
    const bytes = rezip(entries, {
      "OFD.xml": edit(ofdXml, '"合计金额">4197.17<', '"合计金额">4197.71<'),
    });
    const read = readOfd(bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.invoice.totals.amount).toBe("4197.17");
    const warning = read.diagnostics.find((d) => d.rule === "OFD_SOURCES_DISAGREE");
    expect(warning).toMatchObject({ severity: "warning", path: "totals.amount" });
    expect(warning?.messageEn).toContain('"4197.71"');
  });

  it("falls back to the metadata when a tag is gone, and says so", () => {
    const tags = sampleText(SDP, TAGS);
    const withoutNumber = edit(
      tags,
      '<ofd:InvoiceNo><ofd:ObjectRef PageRef="61">6922</ofd:ObjectRef></ofd:InvoiceNo>',
      "",
    );
    const read = readOfd(rezip(entries, { [TAGS]: withoutNumber }));
    expect(read.ok && read.value.invoice.number).toBe("24112000000048542163");
    expect(read.ok && read.value.sources.number).toEqual({
      from: "doc-info",
      part: "OFD.xml",
      name: "发票号码",
    });
  });

  it("warns when the printed capitals do not match the total", () => {
    const page = sampleText(SDP, PAGE);
    const read = readOfd(
      rezip(entries, { [PAGE]: edit(page, ">肆仟肆佰肆拾玖圆整<", ">肆仟肆佰肆拾捌圆整<") }),
    );
    expect(read.ok).toBe(true);
    expect(read.diagnostics.map((d) => d.rule)).toContain("OFD_WORDS_MISMATCH");
  });

  it("refuses a tag that points at no object on the page", () => {
    const tags = sampleText(SDP, TAGS);
    const read = readOfd(rezip(entries, { [TAGS]: edit(tags, ">6943<", ">99999<") }));
    expect(read.ok).toBe(false);
    expect(read.diagnostics).toEqual([
      expect.objectContaining({ rule: "OFD_TAG_REF", path: `${TAGS}#TaxAmount`, severity: "error" }),
    ]);
    expect(read.diagnostics[0]!.messageEn).toContain("99999");
  });

  it("refuses an unreadable amount with the field and its source", () => {
    const page = sampleText(SDP, PAGE);
    const read = readOfd(
      rezip(entries, {
        [PAGE]: edit(
          page,
          '>251.83</ofd:TextCode></ofd:TextObject><ofd:TextObject ID="6944"',
          '>25l.83</ofd:TextCode></ofd:TextObject><ofd:TextObject ID="6944"',
        ),
      }),
    );
    expect(read.ok).toBe(false);
    expect(read.diagnostics[0]).toMatchObject({ rule: "OFD_FIELD", path: "lines[0].tax" });
    expect(read.diagnostics[0]!.messageEn).toContain("#6943");
  });
});
