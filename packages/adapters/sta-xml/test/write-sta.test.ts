import type { IssuedInvoice, XmlBlock } from "@efapiao/model";
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStaXml, readXml, writeStaXml } from "../src/index.js";
import { issuedInvoice } from "./arbitraries.js";
import { GD, MOF, readSample, redInvoiceFromFragments } from "./samples.js";

function read(xml: string): IssuedInvoice {
  const result = parseStaXml(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.value;
}

function write(invoice: IssuedInvoice, options?: Parameters<typeof writeStaXml>[1]): string {
  const result = writeStaXml(invoice, options);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.value;
}

/** Every element as `path` in document order (repeated siblings indexed), with its text. */
function elements(xml: string): [string, string | undefined][] {
  const root = readXml(xml);
  if (!root.ok) throw new Error("not XML");
  const out: [string, string | undefined][] = [];
  const walk = (block: XmlBlock, path: string) => {
    out.push([path, block.text]);
    const seen = new Map<string, number>();
    for (const child of block.children ?? []) {
      const n = (seen.get(child.name) ?? 0) + 1;
      seen.set(child.name, n);
      walk(child, `${path}/${child.name}[${n}]`);
    }
    for (const [name, value] of Object.entries(block.attributes ?? {})) out.push([`${path}/@${name}`, value]);
  };
  walk(root.value, `/${root.value.name}`);
  return out;
}

describe("writeStaXml", () => {
  it("property: reading what was written gives back the same invoice", () => {
    fc.assert(
      fc.property(issuedInvoice, (invoice) => {
        const written = writeStaXml(invoice);
        expect(written.ok && written.diagnostics).toEqual([]);
        const back = parseStaXml(written.ok ? written.value : "");
        // The writer fills in the two header elements every platform file has; the reader then holds them.
        const expected = {
          eInvoiceType: { code: "01", name: "电子发票" },
          tag: `SWEI${invoice.number.slice(2, 4)}00`,
          ...invoice,
        };
        expect(back.ok && back.value).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("writes the gd sample back with the same elements, in the same order, with the same values", () => {
    const original = readSample(GD);
    const written = write(read(original));
    expect(elements(written)).toEqual(elements(original));
    // Only the declaration line's layout may differ; here not even that.
    expect(written).toBe(original.endsWith("\n") ? original : `${original}\n`);
  });

  it("writes the mof sample back keeping every element that has a value (numbers in canonical form)", () => {
    const original = elements(readSample(MOF));
    const written = new Map(elements(write(read(readSample(MOF)))));
    const valued = original.filter(([, text]) => text !== undefined && text.trim() !== "");
    expect(valued.map(([path]) => path)).toContain(
      "/EInvoice/EInvoiceData[1]/IssuItemInformation[1]/TaxRate[1]",
    );
    for (const [path, text] of valued) {
      const copy = written.get(path);
      const numeric = /^-?\d+\.\d+$/.test(text!) && !/^0\d/.test(text!);
      expect(numeric ? new Decimal(copy!).eq(text!) : copy, path).toBe(numeric ? true : text);
    }
    // The empty ones (BuyerAddr, SpecMod, …) carry nothing and are left out, as in the gd file.
    expect(written.has("/EInvoice/EInvoiceData[1]/BuyerInformation[1]/BuyerAddr[1]")).toBe(false);
  });

  it("writes the assembled red invoice with InIssuType N and its RedEInvoice reference", () => {
    const xml = write(read(redInvoiceFromFragments()));
    expect(xml).toContain("<LabelCode>N</LabelCode>");
    expect(xml).toMatch(
      /<SpecificInformation>\s*<RedEInvoice>\s*<OriginalInvoiceCode>24112000000135114086<\/OriginalInvoiceCode>\s*<CreditNoteNumber>11010824091002615708<\/CreditNoteNumber>/,
    );
    expect(xml).toContain(
      "<TotalTax-includedAmountInChinese>（负数）伍佰圆整</TotalTax-includedAmountInChinese>",
    );
  });

  it("derives EInvoiceTag from the number's province digits when the invoice has none", () => {
    const { tag: _, ...mof } = read(readSample(MOF));
    expect(write(mof)).toContain("<EInvoiceTag>SWEI4400</EInvoiceTag>");
  });

  it("omits the signature on request", () => {
    const xml = write(read(readSample(GD)), { signature: "omit" });
    expect(xml).not.toContain("TaxBureauSignature");
    expect(xml.trimEnd().endsWith("</TaxSupervisionInfo>\n</EInvoice>")).toBe(true);
  });

  it("warns about what the XML cannot carry: policy flags, a nature the layout does not show", () => {
    const gd = read(readSample(GD));
    const invoice: IssuedInvoice = {
      ...gd,
      lines: [{ ...gd.lines[0]!, policy: "03", nature: "discounted" }],
    };
    const written = writeStaXml(invoice);
    expect(written.ok).toBe(true);
    expect(written.diagnostics.map((d) => [d.rule, d.severity, d.path])).toEqual([
      ["FIELD_NOT_WRITTEN", "warning", "lines[0].policy"],
      ["LINE_NATURE_NOT_KEPT", "warning", "lines[0].nature"],
    ]);
  });

  it("refuses characters XML cannot carry, naming the field", () => {
    const gd = read(readSample(GD));
    const written = writeStaXml({ ...gd, remarks: "合同\u0001号" });
    expect(written).toEqual({
      ok: false,
      diagnostics: [expect.objectContaining({ rule: "XML_CHARACTER", path: "remarks", severity: "error" })],
    });
  });

  it("refuses an invalid invoice with diagnostics instead of throwing", () => {
    const gd = read(readSample(GD));
    const written = writeStaXml({ ...gd, number: "123", lines: [] } as IssuedInvoice);
    expect(written.ok).toBe(false);
    expect(written.diagnostics.map((d) => d.path)).toEqual(["lines", "number"]);
  });
});
