/** The real platform files in ../shared/samples/sta-xml, read in place (never copied into the project). */
import { readFileSync } from "node:fs";

export const SAMPLES_DIR = new URL("../../../../../shared/samples/sta-xml/", import.meta.url);

export const GD = "gd-special-1pct-inclusive.xml";
export const MOF = "mof-official-special.xml";
export const RED_FRAGMENTS = "red-invoice-fragments.xml";

export function readSample(name: string): string {
  return readFileSync(new URL(name, SAMPLES_DIR), "utf8");
}

/** Replaces exactly one occurrence of `from` in `text`; a test edit that misses its target must fail loudly. */
export function edit(text: string, from: string | RegExp, to: string): string {
  const count =
    typeof from === "string" ? text.split(from).length - 1 : (text.match(new RegExp(from, "g")) ?? []).length;
  if (count !== 1) throw new Error(`edit: expected one match of ${String(from)}, found ${count}`);
  return text.replace(from, to);
}

/**
 * A complete red invoice assembled from the fragments file: the gd sample with its InIssuType, total,
 * capitals, SpecificInformation and AdditionalInformation replaced by the fragments as quoted there
 * (their comments removed), and its line and sub-totals made negative to match the -500.00 total
 * (500 ÷ 1.01 = 495.0495… → 495.05 amount, 4.95 tax, by hand).
 */
export function redInvoiceFromFragments(): string {
  const fragments = readSample(RED_FRAGMENTS).replace(/<!--[\s\S]*?-->/g, "");
  const fragment = (name: string) => {
    const match = new RegExp(`<${name}>[\\s\\S]*?</${name}>`).exec(fragments);
    if (!match) throw new Error(`fragment ${name} not found`);
    return match[0];
  };
  let xml = readSample(GD);
  xml = edit(xml, /<InIssuType>[\s\S]*?<\/InIssuType>/, fragment("InIssuType").replace(">Y<", ">N<"));
  xml = edit(
    xml,
    /<TotalTax-includedAmount>[^<]*<\/TotalTax-includedAmount>/,
    fragment("TotalTax-includedAmount"),
  );
  xml = edit(
    xml,
    /<TotalTax-includedAmountInChinese>[^<]*<\/TotalTax-includedAmountInChinese>/,
    fragment("TotalTax-includedAmountInChinese"),
  );
  xml = edit(xml, "<SpecificInformation/>", fragment("SpecificInformation"));
  xml = edit(xml, "<AdditionalInformation/>", fragment("AdditionalInformation"));
  xml = edit(xml, "<TotalAmWithoutTax>15841.58<", "<TotalAmWithoutTax>-495.05<");
  xml = edit(xml, "<TotalTaxAm>158.42<", "<TotalTaxAm>-4.95<");
  xml = edit(xml, "<Quantity>1<", "<Quantity>-1<");
  xml = edit(xml, "<UnPrice>15841.5841584158<", "<UnPrice>495.0495049505<");
  xml = edit(xml, "<Amount>15841.58<", "<Amount>-495.05<");
  xml = edit(xml, "<ComTaxAm>158.42<", "<ComTaxAm>-4.95<");
  xml = edit(xml, "<TotaltaxIncludedAmount>16000.00<", "<TotaltaxIncludedAmount>-500.00<");
  return xml;
}
