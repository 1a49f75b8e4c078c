/** Issue 9, item 2, for DocBits XML: masked codes are read with a warning; duplicated elements are errors. */
import { describe, expect, it } from "vitest";
import { docbitsToInvoice, readDocbitsXml } from "../src/index.js";

const doc = (
  item: string,
  total = "<total_amount>10.00</total_amount><total_tax>0.60</total_tax><total_with_tax>10.60</total_with_tax>",
) => `
<fapiao xmlns="urn:china:tax:fapiao:1.0">
  <fapiao_head><fapiao_type>普通发票</fapiao_type><fapiao_number>24442000000036916313</fapiao_number><issue_date>2024-01-24</issue_date></fapiao_head>
  <seller><name>卖方</name><taxpayer_id>914403001922038216</taxpayer_id></seller>
  <buyer><name>买方</name></buyer>
  <items><item><seq>1</seq><name>*信息技术服务*软件开发</name><tax_rate>6</tax_rate><tax_amount>0.60</tax_amount><amount>10.00</amount>${item}</item></items>
  <total>${total}</total>
</fapiao>`;

describe("readDocbitsXml on what real systems emit", () => {
  it("reads a masked classification code with a warning, and it reaches the invoice", () => {
    const read = readDocbitsXml(
      doc('<efp:tax_code xmlns:efp="urn:efapiao:docbits-extension:1">3040xxxxxxxxxxxxxxx</efp:tax_code>'),
    );
    expect(read.ok).toBe(true);
    expect(read.diagnostics).toEqual([
      expect.objectContaining({
        rule: "DOCBITS_CODE_NOT_19_DIGITS",
        severity: "warning",
        path: "/fapiao/items/item[1]/tax_code",
      }),
    ]);
    const invoice = read.ok ? docbitsToInvoice(read.value) : read;
    expect(invoice.ok && invoice.value.lines[0]!.code).toBe("3040xxxxxxxxxxxxxxx");
  });

  it("refuses a duplicated amount instead of taking the first", () => {
    const read = readDocbitsXml(doc("<amount>99.00</amount>"));
    expect(read.ok).toBe(false);
    expect(read.diagnostics).toContainEqual(
      expect.objectContaining({ rule: "DOCBITS_DUPLICATE", path: "/fapiao/items/item[1]/amount[2]" }),
    );
  });
});
