/** Test inputs read in place: the fixture sale (the seed example with valid tax ids) and ../shared samples. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type PreviewDocument, readPreviewDocument } from "../src/index.js";

export const here = new URL(".", import.meta.url).pathname;
export const repoRoot = join(here, "../../..");
export const samples = join(repoRoot, "../shared/samples/sta-xml");

export const saleText = () => readFileSync(join(here, "fixtures/sale.json"), "utf8");
export const sampleText = (name: string) => readFileSync(join(samples, name), "utf8");

/** Reads a text that must be accepted. */
export function read(text: string): PreviewDocument {
  const result = readPreviewDocument(text, { today: "2026-05-18" });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.value;
}

/** The seed sale with `count` lines of 1000.00 at 6% (names long enough to wrap now and then). */
export function saleWithLines(count: number): string {
  const sale = JSON.parse(saleText());
  sale.lines = Array.from({ length: count }, (_, i) => ({
    name:
      i % 5 === 4
        ? `软件开发第${i + 1}期（含需求分析、设计、编码、测试与上线支持服务）`
        : `软件开发第${i + 1}期`,
    code: "3040201010000000000",
    unit: "项",
    quantity: "1",
    unitPrice: "1000.00",
    taxRate: "6%",
  }));
  return JSON.stringify(sale);
}

/**
 * The real mof sample with a refund line added after its one line (−1.00 at 6%, tax −0.06) and its totals
 * changed by hand to match: 2.00 − 1.00 = 1.00, 0.12 − 0.06 = 0.06, total 1.06 (壹圆零陆分).
 */
export function mofWithRefundLine(): string {
  const xml = sampleText("mof-official-special.xml");
  const refund = `<IssuItemInformation>
      <ItemName>*人力资源服务*劳务</ItemName>
      <Amount>-1.00</Amount>
      <TaxRate>0.06</TaxRate>
      <ComTaxAm>-0.06</ComTaxAm>
      <TotaltaxIncludedAmount>-1.06</TotaltaxIncludedAmount>
      <TaxClassificationCode>3040803010000000000</TaxClassificationCode>
    </IssuItemInformation>
    <SpecificInformation />`;
  return xml
    .replace("<SpecificInformation />", refund)
    .replace("<TotalAmWithoutTax>2.00<", "<TotalAmWithoutTax>1.00<")
    .replace("<TotalTaxAm>0.12<", "<TotalTaxAm>0.06<")
    .replace("<TotalTax-includedAmount>2.12<", "<TotalTax-includedAmount>1.06<")
    .replace("贰圆壹角贰分", "壹圆零陆分");
}
