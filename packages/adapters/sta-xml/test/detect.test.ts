import { describe, expect, it } from "vitest";
import { detectDocumentFormat } from "../src/index.js";
import { GD, MOF, readSample } from "./samples.js";

describe("detectDocumentFormat", () => {
  it("recognises both platform samples, past their declaration and the mof file's leading comment", () => {
    expect(detectDocumentFormat(readSample(GD))).toBe("sta-xml");
    expect(detectDocumentFormat(readSample(MOF))).toBe("sta-xml");
  });

  it.each([
    ['<fapiao xmlns="urn:china:tax:fapiao:1.0" version="1.0"><fapiao_head/></fapiao>', "docbits-xml"],
    ['<?xml version="1.0"?>\n<f:fapiao xmlns:f="urn:china:tax:fapiao:1.0"/>', "docbits-xml"],
    ['<Invoice xmlns="urn:china:tax:fapiao:1.0"/>', "docbits-xml"],
    ['\uFEFF  {"kind": "special"}', "json"],
    ["[1, 2]", "json"],
    ["<html><body/></html>", "unknown"],
    [
      '<?xml version="1.0"?><!DOCTYPE EInvoice [<!ENTITY x SYSTEM "file:///etc/passwd">]><EInvoice/>',
      "sta-xml",
    ],
    ["kind: special", "unknown"],
    ["", "unknown"],
  ])("%j → %s", (text, format) => {
    expect(detectDocumentFormat(text)).toBe(format);
  });
});
