import { describe, expect, it } from "vitest";
import { type IntakeFile, intake, intakeCsv } from "../src/index.js";
import { GD_XML, LEGACY_OFD, SDP_OFD, text } from "./fixtures.js";

const batch = (): IntakeFile[] => [
  { name: "a/sdp.ofd", bytes: SDP_OFD() },
  { name: "b/legacy.ofd", bytes: LEGACY_OFD() },
  { name: "c/gd.xml", bytes: GD_XML() },
  { name: "d/sdp-again.ofd", bytes: SDP_OFD() },
  { name: "e/notes.json", bytes: text({ hello: "=cmd|' /C calc'!A0" }) },
];

describe("intake", () => {
  it("reads each file, marks the invoice that occurs twice, and counts", async () => {
    const progress: number[] = [];
    const report = await intake(batch(), { onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(report).toMatchObject({ files: 5, read: 4, refused: 1, duplicated: 2, withErrors: 1 });
    const [sdp, legacy, gd, again, notes] = report.entries;
    expect(sdp!.duplicates).toEqual(["d/sdp-again.ofd"]);
    expect(again!.duplicates).toEqual(["a/sdp.ofd"]);
    expect(legacy!.duplicates).toEqual([]);
    expect(gd).toMatchObject({ status: "read", format: "sta-xml" });
    expect(notes).toMatchObject({ status: "refused", errors: expect.any(Number) });
  });

  it("runs a checker on every invoice read", async () => {
    const seen: unknown[] = [];
    const check = (document: unknown) => {
      seen.push(document);
      return { diagnostics: [] };
    };
    await intake(batch(), { check });
    expect(seen).toHaveLength(4);
  });

  it("writes one CSV row per file, quoting and neutralising formulas", async () => {
    const csv = intakeCsv(await intake(batch()));
    const rows = csv.trimEnd().split("\r\n");
    expect(rows).toHaveLength(6);
    expect(rows[0]).toBe(
      "file,status,format,number,invoiceCode,issueDate,kind,sellerName,sellerTaxId,buyerName,buyerTaxId,amount,tax,total,lines,errors,warnings,verification,duplicateOf,firstError",
    );
    expect(rows[1]).toBe(
      "a/sdp.ofd,read,ofd,24112000000048542163,,2024-05-28,special,北京互联三六五科技有限公司,91110108690017781B,海南麒麟云服科技有限公司,91460300MAA92DJN95,4197.17,251.83,4449.00,1,0,0,,d/sdp-again.ofd,",
    );
    expect(rows[2]).toContain(",99999951,050001700111,2020-10-10,general,");
    expect(rows[5]).toMatch(/^e\/notes\.json,refused,/);
  });

  it("writes a name that a spreadsheet would run as a formula as text", async () => {
    const legacy = await intake([{ name: "x.ofd", bytes: LEGACY_OFD() }]);
    const invoice = {
      ...legacy.entries[0]!.invoice!,
      seller: { name: '=HYPERLINK("http://x","y")', taxId: "-1" },
    };
    const csv = intakeCsv(await intake([{ name: "x.json", bytes: text(invoice) }]));
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",-1,`);
  });
});
