/** Received files for the tests: the real OFD and platform XML samples (read in place), and variants. */
import { readFileSync } from "node:fs";

const shared = new URL("../../../../shared/samples/", import.meta.url);

export const read = (path: string): Uint8Array => readFileSync(new URL(path, shared));
export const SDP_OFD = () => read("ofd/sdp-einvoice-customtags.ofd");
export const LEGACY_OFD = () => read("ofd/legacy-einvoice-with-original-xml.ofd");
export const GD_XML = () => read("sta-xml/gd-special-1pct-inclusive.xml");

export const text = (value: string | object): Uint8Array =>
  new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
