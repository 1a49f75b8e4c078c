/**
 * Hostile OFD files, each built here byte by byte: zip bombs (by size, ratio, a lying directory and
 * overlapping entries), path traversal (in entry names and in OFD locations), too many entries, broken or
 * hostile XML inside, and files that are not OFDs or not invoices. Each is refused with one clear error.
 */
import { describe, expect, it } from "vitest";
import { OFD_LIMITS, openZip, readOfd, resolveLoc } from "../src/index.js";
import { readSample, SDP, sampleText } from "./samples.js";
import { buildZip, edit, entriesOf, rezip } from "./zip-builder.js";

const sdp = entriesOf(readSample(SDP));

/** The single error a refused file gives. */
function refusal(bytes: Uint8Array, limits = {}) {
  const read = readOfd(bytes, { limits });
  expect(read.ok).toBe(false);
  const errors = read.diagnostics.filter((d) => d.severity === "error");
  expect(errors.length).toBeGreaterThan(0);
  for (const d of errors) {
    expect(d.message).toMatch(/[\u4e00-\u9fff]/); // Chinese
    expect(d.messageEn).toMatch(/^[A-Z][^\u4e00-\u9fff]*$/u); // English, no stack trace
  }
  return errors[0]!;
}

describe("zip bombs", () => {
  it("refuses an entry declaring more than the per-entry limit, before inflating it", () => {
    const big = new Uint8Array(17 * 1024 * 1024); // 17 MiB of zeros deflate to ~17 KB
    const error = refusal(buildZip([{ name: "OFD.xml", data: big }]));
    expect(error.rule).toBe("OFD_ZIP_BOMB");
    expect(error.messageEn).toContain("limit per entry");
  });

  it("refuses an entry whose compression ratio is beyond any real document", () => {
    const zeros = new Uint8Array(4 * 1024 * 1024); // 4 MiB → ~4 KB: about 1000:1
    const error = refusal(
      buildZip([
        { name: "Doc_0/Res/x.bin", data: zeros },
        ...[...sdp].map(([name, data]) => ({ name, data })),
      ]),
    );
    expect(error).toMatchObject({ rule: "OFD_ZIP_BOMB", path: "Doc_0/Res/x.bin" });
    expect(error.messageEn).toMatch(/ratio of \d+:1, over the 100:1 limit/);
  });

  it("stops inflating an entry that yields more than its directory declares", () => {
    const page = "Doc_0/Pages/Page_0/Content.xml";
    const real = sdp.get(page)!;
    const lying = [...sdp].map(([name, data]) =>
      name === page
        ? { name, data: new Uint8Array(8 * 1024 * 1024), declaredSize: real.length }
        : { name, data },
    );
    const error = refusal(buildZip(lying));
    expect(error).toMatchObject({ rule: "OFD_ZIP_BOMB", path: page });
    expect(error.messageEn).toContain(`more than the ${real.length} bytes it declares`);
  });

  it("refuses archives whose entries add up beyond the total limit", () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({
      name: `Doc_0/Res/${i}.bin`,
      data: new Uint8Array(60_000),
      method: 0 as const,
    }));
    const error = refusal(buildZip(entries), { maxTotalBytes: 250_000 });
    expect(error.rule).toBe("OFD_ZIP_BOMB");
    expect(error.messageEn).toContain("250000-byte limit in total");
  });

  it("refuses overlapping entries (the non-recursive zip bomb)", () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({ name: `f${i}.xml`, data: "<a/>" }));
    expect(refusal(buildZip(entries, { overlap: true })).rule).toBe("OFD_ZIP_BOMB");
  });
});

describe("path traversal", () => {
  for (const name of [
    "../evil.xml",
    "Doc_0/../../evil.xml",
    "/etc/passwd",
    "C:/Windows/x.xml",
    "Doc_0\\..\\x.xml",
    "a//b.xml",
    "a/./b.xml",
    "a\u0000b.xml",
  ]) {
    it(`refuses the entry name ${JSON.stringify(name)}`, () => {
      const error = refusal(
        buildZip([
          { name: "OFD.xml", data: "<a/>" },
          { name, data: "<a/>" },
        ]),
      );
      expect(error.rule).toBe("OFD_ZIP_PATH");
    });
  }

  it("refuses a DocRoot that leads outside the package", () => {
    const ofd = edit(
      sampleText(SDP, "OFD.xml"),
      "<ofd:DocRoot>Doc_0/Document.xml<",
      "<ofd:DocRoot>../../Doc_0/Document.xml<",
    );
    const error = refusal(rezip(sdp, { "OFD.xml": ofd }));
    expect(error).toMatchObject({ rule: "OFD_LOC", path: "OFD.xml" });
    expect(error.messageEn).toContain("path traversal");
  });

  it("resolves locations inside the package only", () => {
    expect(resolveLoc("Doc_0/Document.xml", "Pages/Page_0/Content.xml")).toEqual({
      ok: true,
      name: "Doc_0/Pages/Page_0/Content.xml",
    });
    expect(resolveLoc("Doc_0/Signs/Signatures.xml", "/Doc_0/Signs/Sign_0/Signature.xml")).toEqual({
      ok: true,
      name: "Doc_0/Signs/Sign_0/Signature.xml",
    });
    expect(resolveLoc("Doc_0/Document.xml", "../OFD.xml")).toEqual({ ok: true, name: "OFD.xml" });
    expect(resolveLoc("Doc_0/Document.xml", "../../OFD.xml").ok).toBe(false);
    expect(resolveLoc("Doc_0/Document.xml", "file:///etc/passwd").ok).toBe(false);
  });

  it("refuses a duplicated entry name (two readers, two contents)", () => {
    const error = refusal(
      buildZip([
        { name: "OFD.xml", data: "<a/>" },
        { name: "OFD.xml", data: "<b/>" },
      ]),
    );
    expect(error.rule).toBe("OFD_ZIP_PATH");
    expect(error.messageEn).toContain("twice");
  });
});

describe("entry count", () => {
  it("refuses 10⁴ entries from the directory's count, before reading them", () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({
      name: `e${i}`,
      data: "",
      method: 0 as const,
    }));
    const error = refusal(buildZip(entries));
    expect(error.rule).toBe("OFD_TOO_MANY_ENTRIES");
    expect(error.messageEn).toBe(
      `The OFD archive has 10000 entries, over the limit of ${OFD_LIMITS.maxEntries}`,
    );
  });
});

describe("broken or hostile XML inside", () => {
  it("refuses a malformed Document.xml, naming the part", () => {
    const error = refusal(rezip(sdp, { "Doc_0/Document.xml": "<ofd:Document><ofd:Pages></ofd:Document>" }));
    expect(error).toMatchObject({ rule: "XML_MALFORMED", path: "Doc_0/Document.xml" });
    expect(error.messageEn).toMatch(/^Doc_0\/Document\.xml: Malformed XML/);
  });

  it("refuses an entity declaration in a custom tag file (XXE)", () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(refusal(rezip(sdp, { "Doc_0/Tags/CustomTag.xml": xxe })).rule).toBe("XML_DTD_REFUSED");
  });

  it("refuses a page nested deeper than the XML limit", () => {
    const deep = `${"<a>".repeat(100)}${"</a>".repeat(100)}`;
    expect(refusal(rezip(sdp, { "Doc_0/Pages/Page_0/Content.xml": deep })).rule).toBe("XML_TOO_DEEP");
  });

  it("refuses a part that is not UTF-8", () => {
    const bad = new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]);
    const entries = new Map(sdp);
    entries.set("Doc_0/Tags/CustomTag.xml", bad);
    const error = refusal(rezip(entries));
    expect(error).toMatchObject({ rule: "TEXT_INVALID_UTF8", path: "Doc_0/Tags/CustomTag.xml" });
  });
});

describe("not an OFD, not an invoice", () => {
  it("refuses bytes that are not a zip", () => {
    expect(refusal(new TextEncoder().encode("%PDF-1.7 not a zip")).rule).toBe("OFD_NOT_ZIP");
  });

  it("refuses a zip without OFD.xml", () => {
    const error = refusal(buildZip([{ name: "word/document.xml", data: "<w/>" }]));
    expect(error.rule).toBe("OFD_NOT_OFD");
    expect(error.messageEn).toContain("no entry file OFD.xml");
  });

  it("refuses an OFD document that carries no invoice data", () => {
    const document = sampleText(SDP, "Doc_0/Document.xml").replace(
      /<ofd:CustomTags>[^<]*<\/ofd:CustomTags>/,
      "",
    );
    const error = refusal(rezip(sdp, { "Doc_0/Document.xml": document }));
    expect(error.rule).toBe("OFD_NOT_INVOICE");
    expect(error.messageEn).toContain("not an invoice");
  });

  it("refuses a truncated file", () => {
    const bytes = readSample(SDP);
    expect(refusal(bytes.subarray(0, bytes.length - 100)).rule).toBe("OFD_NOT_ZIP");
  });

  it("refuses an entry whose content does not match its CRC", () => {
    const entries = [...sdp].map(([name, data]) =>
      name === "OFD.xml" ? { name, data, crc: 12345 } : { name, data },
    );
    const error = refusal(buildZip(entries));
    expect(error).toMatchObject({ rule: "OFD_ZIP_CORRUPT", path: "OFD.xml" });
  });

  it("refuses an encrypted entry", () => {
    const entries = [...sdp].map(([name, data]) =>
      name === "OFD.xml" ? { name, data, flags: 1 } : { name, data },
    );
    expect(refusal(buildZip(entries)).rule).toBe("OFD_ZIP_UNSUPPORTED");
  });

  it("reads a stored (uncompressed) archive like a deflated one", () => {
    const stored = buildZip([...sdp].map(([name, data]) => ({ name, data, method: 0 as const })));
    const zip = openZip(stored);
    expect(zip.ok).toBe(true);
    const read = readOfd(stored);
    expect(read.ok && read.value.invoice.number).toBe("24112000000048542163");
  });
});
