/**
 * OFD input to `convert` and `validate`, on the real samples in ../shared/samples/ofd: the figures
 * printed on each fapiao, the sources on stderr, and hostile or non-invoice files refused with exit 1.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, sharedDir } from "./fake-io.js";

const SDP = join(sharedDir, "samples/ofd/sdp-einvoice-customtags.ofd");
const LEGACY = join(sharedDir, "samples/ofd/legacy-einvoice-with-original-xml.ofd");

describe("efapiao convert FILE.ofd --to canonical", () => {
  it("prints the 数电票 as read from the page, and where each field came from", async () => {
    const run = await runCli(["convert", SDP, "--to", "canonical"]);
    expect(run.code).toBe(0);
    const invoice = run.json();
    expect(invoice).toMatchObject({
      number: "24112000000048542163",
      issueDate: "2024-05-28",
      totals: { amount: "4197.17", tax: "251.83", total: "4449.00", totalInWords: "肆仟肆佰肆拾玖圆整" },
    });
    expect(invoice.lines).toEqual([
      expect.objectContaining({ itemName: "*信息技术服务*技术服务费", taxRate: "0.06", amount: "4197.17" }),
    ]);
    expect(run.stderr).toContain("source custom-tag Doc_0/Tags/CustomTag.xml: ");
    expect(run.stderr).toContain("OFD_NO_CODE");
  });

  it("prints the legacy e-invoice from its attached XML", async () => {
    const run = await runCli(["convert", LEGACY, "--to", "canonical"]);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({
      number: "99999951",
      invoiceCode: "050001700111",
      totals: { total: "318.00" },
    });
    expect(run.stderr).toContain("source attachment Doc_0/Attachs/original_invoice.xml: ");
  });

  it("refuses to write platform XML from the printed data alone (usage, exit 2)", async () => {
    const run = await runCli(["convert", SDP, "--to", "sta-xml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("converts to --to canonical only");
  });

  it("refuses a file that is a zip but not an OFD, with the diagnostics JSON (exit 1)", async () => {
    const { zipSync } = await import("fflate");
    const file = join(process.env.TMPDIR ?? "/tmp", `efapiao-not-ofd-${process.pid}.zip`);
    writeFileSync(file, zipSync({ "readme.txt": new TextEncoder().encode("hello") }));
    const run = await runCli(["convert", file, "--to", "canonical"]);
    expect(run.code).toBe(1);
    expect(run.json()).toEqual({
      valid: false,
      diagnostics: [expect.objectContaining({ rule: "OFD_NOT_OFD", severity: "error" })],
    });
  });
});

describe("efapiao validate FILE.ofd", () => {
  it("finds nothing wrong with the 数电票 (the missing code is a note, not a rule failure)", async () => {
    const run = await runCli(["validate", SDP, "--format", "json"]);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({
      valid: true,
      diagnostics: [expect.objectContaining({ rule: "OFD_NO_CODE", severity: "info" })],
    });
  });

  it("runs the standard rules on the legacy invoice: its sample tax ids are not real ones", async () => {
    const run = await runCli(["validate", LEGACY, "--format", "json"]);
    expect(run.code).toBe(1);
    const errors = run.json().diagnostics.filter((d: { severity: string }) => d.severity === "error");
    // 9150010807MGZHI002 holds I and Z, which a USCC never has; 91500106MA2CE71F65's check character is off.
    expect(errors.map((d: { path: string }) => d.path).sort()).toEqual(["buyer.taxId", "seller.taxId"]);
  });
});
