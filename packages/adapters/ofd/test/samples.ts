/** The real OFD files in ../shared/samples/ofd, read in place (never copied into the project). */
import { readFileSync } from "node:fs";
import { entriesOf } from "./zip-builder.js";

export const SAMPLES_DIR = new URL("../../../../../shared/samples/ofd/", import.meta.url);
/** 数电票 whose data is read from the page through Doc_0/Tags/CustomTag.xml. */
export const SDP = "sdp-einvoice-customtags.ofd";
/** Legacy e-invoice carrying Doc_0/Attachs/original_invoice.xml. */
export const LEGACY = "legacy-einvoice-with-original-xml.ofd";

export function readSample(name: string): Uint8Array {
  return readFileSync(new URL(name, SAMPLES_DIR));
}

/** A sample's entries, with text entries decoded, for edits. */
export function sampleText(name: string, entry: string): string {
  const data = entriesOf(readSample(name)).get(entry);
  if (!data) throw new Error(`${name} has no entry ${entry}`);
  return new TextDecoder().decode(data);
}
