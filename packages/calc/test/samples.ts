/**
 * Reads the real platform XML samples in place (../shared/samples, beside the repository, per
 * DESIGN.md): never copied into the project. A few regular expressions are enough for these flat files.
 */
import { readFileSync } from "node:fs";

const SAMPLES = new URL("../../../../shared/samples/sta-xml/", import.meta.url);

export function readSample(file: string): string {
  return readFileSync(new URL(file, SAMPLES), "utf8");
}

/** Text of the first element with this name (tag names contain "-", so match literally). */
export function tag(xml: string, name: string): string {
  const escaped = name.replace(/[-]/g, "\\-");
  const match = new RegExp(`<${escaped}>([^<]*)</${escaped}>`).exec(xml);
  if (!match) throw new Error(`no <${name}> in sample`);
  return match[1]!.trim();
}

/** The IssuItemInformation blocks (invoice lines). */
export function items(xml: string): string[] {
  return [...xml.matchAll(/<IssuItemInformation>([\s\S]*?)<\/IssuItemInformation>/g)].map((m) => m[1]!);
}

/** "0.120000" → "0.12", "0.060000" → "0.06": the samples pad decimals; compare values as text. */
export function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** Money padded to six decimals ("0.120000") → two ("0.12"). */
export function asMoney(text: string): string {
  return text.replace(/(\.\d\d)0+$/, "$1");
}
