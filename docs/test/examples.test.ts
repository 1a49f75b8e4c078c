/**
 * Every example program runs and prints figures worked out by hand, independently of the packages they use
 * (the arithmetic behind each expectation is written next to it), and the output a page shows under an
 * example is exactly what it prints. Each example runs once, in its own process.
 */
import { describe, expect, it } from "vitest";
import { exampleFiles, GD_SAMPLE, outputBlocks, runExample } from "./run.js";

/** The wanted lines found in the output (trimmed), each after the previous one: equals `wanted` when all are there in order. */
function linesInOrder(output: string, wanted: string[]): string[] {
  const lines = output.split("\n").map((l) => l.trim());
  const found: string[] = [];
  let at = 0;
  for (const want of wanted) {
    const i = lines.indexOf(want, at);
    if (i === -1) continue;
    found.push(want);
    at = i + 1;
  }
  return found;
}

/** The whole output, or (for long outputs) lines that must appear in this order. */
type Expected = { args?: string[] } & ({ stdout: string } | { inOrder: string[] });

const expected: Record<string, Expected> = {
  // 1 × 100000.00 = 100000.00; tax 100000.00 × 0.06 = 6000.00; total 106000.00 = 壹拾万 陆仟 圆整
  // (contracts.md, worked example). Short name 信息技术服务 is SPBMJC of 3040201010000000000 in table v32.0.
  "getting-started.ts": {
    stdout: [
      "*信息技术服务*软件开发  金额 100000.00  税率 0.06  税额 6000.00",
      "合计金额 100000.00",
      "合计税额 6000.00",
      "价税合计 106000.00",
      "价税合计大写 壹拾万陆仟圆整",
    ].join("\n"),
  },

  // The platform's own line (gd-special-1pct-inclusive.xml): 16000 ÷ 1.01 = 15841.584158415841…
  // → unit price to 10 places 15841.5841584158; amount 15841.58; tax 16000 − 15841.58 = 158.42.
  "tax-inclusive.ts": {
    stdout: [
      "*信息技术服务*信息技术服务  数量 1  单价 15841.5841584158",
      "金额 15841.58  税额 158.42",
      "价税合计 16000.00  壹万陆仟圆整",
    ].join("\n"),
  },

  // 10 × 100.00 = 1000.00, tax × 0.13 = 130.00; discount −100.00, tax −100.00 × 0.13 = −13.00;
  // totals 900.00 + 117.00 = 1017.00 = 壹仟 零 壹拾柒 元整 (元 requested). 纸制品 is SPBMJC of 1060105020000000000.
  "discount.ts": {
    stdout: [
      "1 discounted *纸制品*打印纸  金额 1000.00  税额 130.00",
      "2 discount   *纸制品*打印纸  金额 -100.00  税额 -13.00",
      "合计 900.00 + 117.00 = 1017.00  壹仟零壹拾柒元整",
    ].join("\n"),
  },

  // Rows of the official table v32.0 (SPBM, SPMC, SPBMJC, ZZSSL); 3040201990000000000 is not in the built-in list.
  "classification-codes.ts": {
    stdout: [
      "table: built-in",
      "3040201010000000000  软件开发服务  简称 信息技术服务  税率 0.06",
      "1060105020000000000  纸制文具及用品  简称 纸制品  税率 0.13",
      "3040201990000000000  not in this table",
    ].join("\n"),
  },

  // Two problems, each at its JSON path: the misspelt key and the amount with a thousands separator.
  "rejected-sale.ts": {
    stdout: [
      "error SALE_UNKNOWN_FIELD at buyer.taxid",
      "  不认识的字段 “taxid”（字段名区分大小写；请检查拼写）",
      '  Unknown field "taxid" (field names are case-sensitive; check the spelling)',
      "error SALE_DECIMAL at lines[0].amount",
      "  “1,000.00” 不是有效的数字（例如 100.00）",
      '  "1,000.00" is not a valid decimal number (e.g. 100.00)',
    ].join("\n"),
  },

  // The buyer's id 91110108MA00ABCD1B: Σ(value × weight) of its first 17 characters is 1802, 1802 mod 31 = 4,
  // (31 − 4) mod 31 = 27 → check character U, not B (GB 32100-2015; domain-facts.md says the same).
  // acme.rules lowers FP-ID-04 to a warning and requires the contract number in the remarks.
  "validating.ts": {
    stdout: [
      "standard: valid false",
      "  error FP-ID-04 at buyer.taxId",
      "standard + acme: valid false",
      "  warning FP-ID-04 at buyer.taxId",
      "  error ACME-01 at remarks",
      "standard + acme, with the contract: valid true",
      "  warning FP-ID-04 at buyer.taxId",
    ].join("\n"),
  },

  // The sample as the platform issued it (gd-special-1pct-inclusive.xml), read by eye: number 0123…, whose
  // year digits 01 (2001) predate the 数电票 and so mark it as masked; 1 月 at 15841.5841584158, 1%.
  "read-platform-xml.ts": {
    args: [GD_SAMPLE],
    stdout: [
      "warning INVOICE_NUMBER_YEAR_BEFORE_SCHEME at /EInvoice/TaxSupervisionInfo/InvoiceNumber",
      "发票号码 01234567890123456789  blue  发票种类 01  开票日期 2024-01-24",
      "销售方 广州市XXXXXXX有限公司 012345678901234567",
      "1 *信息技术服务*信息技术服务  数量 1月  单价 15841.5841584158  金额 15841.58  税率 0.01  税额 158.42",
      "价税合计 15841.58 + 158.42 = 16000.00  壹万陆仟圆整",
    ].join("\n"),
  },

  // getting-started.ts's invoice under the platform's element names, in the order of the platform's own
  // files (gd-special-1pct-inclusive.xml): 100000.00 + 6000.00 = 106000.00, 壹拾万陆仟圆整.
  "write-platform-xml.ts": {
    inOrder: [
      '<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
      "<EInvoice>",
      "<EIid>26312000000012345678</EIid>",
      "<Version>0.31</Version>",
      "<LabelCode>Y</LabelCode>",
      "<GeneralOrSpecialVAT>",
      "<LabelCode>01</LabelCode>",
      "<SellerIdNum>91310115MA1K3XY07U</SellerIdNum>",
      "<SellerName>上海示例科技有限公司</SellerName>",
      "<BuyerIdNum>91110108MA00ABCD1U</BuyerIdNum>",
      "<BuyerName>北京采购贸易有限公司</BuyerName>",
      "<TotalAmWithoutTax>100000.00</TotalAmWithoutTax>",
      "<TotalTaxAm>6000.00</TotalTaxAm>",
      "<TotalTax-includedAmount>106000.00</TotalTax-includedAmount>",
      "<TotalTax-includedAmountInChinese>壹拾万陆仟圆整</TotalTax-includedAmountInChinese>",
      "<Drawer>张伟</Drawer>",
      "<ItemName>*信息技术服务*软件开发</ItemName>",
      "<MeaUnits>项</MeaUnits>",
      "<Quantity>1</Quantity>",
      "<UnPrice>100000</UnPrice>",
      "<Amount>100000.00</Amount>",
      "<TaxRate>0.06</TaxRate>",
      "<ComTaxAm>6000.00</ComTaxAm>",
      "<TotaltaxIncludedAmount>106000.00</TotaltaxIncludedAmount>",
      "<TaxClassificationCode>3040201010000000000</TaxClassificationCode>",
      "<InvoiceNumber>26312000000012345678</InvoiceNumber>",
      "<TaxBureauCode>13100000000</TaxBureauCode>",
      "<TaxBureauName>国家税务总局上海市税务局</TaxBureauName>",
      "</EInvoice>",
    ],
  },
};

describe("examples", () => {
  it("every example file has its expected output here", () => {
    expect(exampleFiles()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, want] of Object.entries(expected)) {
    it(`${file} prints the hand-worked figures and exits 0`, async () => {
      const run = await runExample(file, want.args);
      expect(run.stderr).toBe("");
      if ("stdout" in want) expect(run.stdout).toBe(`${want.stdout}\n`);
      else expect(linesInOrder(run.stdout, want.inOrder)).toEqual(want.inOrder);
      expect(run.code).toBe(0);
    });
  }

  for (const block of outputBlocks()) {
    it(`${block.page} shows what ${block.file} prints`, async () => {
      const want = expected[block.file];
      expect(block.args).toEqual(want?.args ?? []);
      expect(block.printed).toBe((await runExample(block.file, block.args)).stdout);
    });
  }
});
