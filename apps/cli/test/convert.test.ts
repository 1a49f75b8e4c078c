import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InvoiceSchema, toInvoice } from "@efapiao/model";
import { parseStaXml } from "@efapiao/sta-xml";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, sharedDir } from "./fake-io.js";

const samples = join(sharedDir, "samples/sta-xml");
const GD = join(samples, "gd-special-1pct-inclusive.xml");
const MOF = join(samples, "mof-official-special.xml");
const SALE = join(repoRoot, "examples/sale.json");
const ISSUANCE = [
  "--number",
  "26442000000036916313",
  "--issued-at",
  "2026-05-19 09:30:00",
  "--bureau-code",
  "14400000000",
  "--bureau-name",
  "国家税务总局广东省税务局",
];

describe("efapiao convert: platform XML → canonical", () => {
  it("reads the gd sample with the values the file shows", async () => {
    const run = await runCli(["convert", GD, "--to", "canonical"]);
    expect(run.code).toBe(0);
    const issued = run.json();
    expect(issued.totals).toEqual({
      amount: "15841.58",
      tax: "158.42",
      total: "16000.00",
      totalInWords: "壹万陆仟圆整",
    });
    expect(issued.lines[0]).toMatchObject({
      unitPrice: "15841.5841584158",
      taxRate: "0.01",
      amount: "15841.58",
    });
    expect(issued).toMatchObject({
      number: "01234567890123456789",
      issuedAt: "2024-01-24",
      direction: "blue",
    });
    // The masked number is worth a warning on stderr, not a rejection.
    expect(run.stderr).toContain("INVOICE_NUMBER_YEAR_BEFORE_SCHEME");
    // validate's rule packs see the canonical part.
    expect(InvoiceSchema.safeParse(toInvoice(issued)).success).toBe(true);
  });

  it("reads the mof sample's six-decimal rate and tax in canonical form", async () => {
    const run = await runCli(["convert", MOF, "--to", "canonical"]);
    expect(run.code).toBe(0);
    expect(run.json().lines[0]).toMatchObject({ taxRate: "0.06", tax: "0.12", amount: "2.00" });
    expect(run.json().totals.totalInWords).toBe("贰圆壹角贰分");
  });
});

describe("efapiao convert: round trips", () => {
  it("writes the gd sample back byte for byte", async () => {
    const run = await runCli(["convert", GD, "--to", "sta-xml"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(GD, "utf8"));
  });

  it("XML → issued JSON → XML keeps the invoice (stdin input)", async () => {
    const json = (await runCli(["convert", MOF, "--to", "canonical"])).stdout;
    const run = await runCli(["convert", "-", "--to", "sta-xml"], { stdin: json });
    expect(run.code).toBe(0);
    const back = parseStaXml(run.stdout);
    expect(back.ok && back.value).toEqual(JSON.parse(json));
  });

  it("XML → DocBits XML → canonical gives the sample's canonical invoice", async () => {
    const docbits = await runCli(["convert", GD, "--to", "docbits-xml"]);
    expect(docbits.code).toBe(0);
    expect(docbits.stdout).toContain("<fapiao_type>专用发票</fapiao_type>");
    const run = await runCli(["convert", "-", "--to", "canonical"], { stdin: docbits.stdout });
    expect(run.code).toBe(0);
    const gd = parseStaXml(readFileSync(GD, "utf8"));
    expect(run.json()).toEqual(gd.ok && toInvoice(gd.value));
  });
});

describe("efapiao convert: DocBits input", () => {
  it("needs --kind for a DocBits 电子发票, which does not say special or general", async () => {
    const docbits = (await runCli(["convert", GD, "--to", "docbits-xml"])).stdout.replace(
      "专用发票",
      "电子发票",
    );
    const without = await runCli(["convert", "-", "--to", "canonical"], { stdin: docbits });
    expect(without.code).toBe(1);
    expect(without.json().diagnostics.map((d: { rule: string }) => d.rule)).toEqual(["DOCBITS_KIND"]);
    const withKind = await runCli(["convert", "-", "--to", "canonical", "--kind", "general"], {
      stdin: docbits,
    });
    expect(withKind.code).toBe(0);
    expect(withKind.json()).toMatchObject({ kind: "general", kindCode: "02" });
  });
});

describe("efapiao convert: from a sale", () => {
  it("builds the sale first; canonical output is build's", async () => {
    const converted = await runCli(["convert", SALE, "--to", "canonical"]);
    const built = await runCli(["build", SALE]);
    expect(converted.code).toBe(0);
    expect(converted.json()).toEqual(built.json());
  });

  it("needs the issuance details for the platform XML: exit 2 naming the options", async () => {
    const run = await runCli(["convert", SALE, "--to", "sta-xml"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("--number --issued-at --bureau-code --bureau-name");
    const partial = await runCli(["convert", SALE, "--to", "sta-xml", "--number", "26442000000036916313"]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain("--issued-at --bureau-code --bureau-name");
  });

  it("writes the platform XML with the given number, issue time and bureau", async () => {
    const run = await runCli(["convert", SALE, "--to", "sta-xml", ...ISSUANCE]);
    expect(run.code).toBe(0);
    const read = parseStaXml(run.stdout);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value).toMatchObject({
      number: "26442000000036916313",
      issuedAt: "2026-05-19 09:30:00",
      issueDate: "2026-05-19",
      requestTime: "2026-05-19 09:30:00",
      version: "0.31",
      tag: "SWEI4400",
      taxBureau: { code: "14400000000", name: "国家税务总局广东省税务局" },
      totals: { amount: "100000.00", tax: "6000.00", total: "106000.00", totalInWords: "壹拾万陆仟圆整" },
    });
    expect(read.value.lines[0]).toMatchObject({
      itemName: "*信息技术服务*软件开发",
      unitPrice: "100000",
      taxRate: "0.06",
    });
  });

  it("refuses issuance details that are malformed, as a usage error", async () => {
    const badTime = ISSUANCE.map((a) => (a === "2026-05-19 09:30:00" ? "2026-02-30" : a));
    const run = await runCli(["convert", SALE, "--to", "sta-xml", ...badTime]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("issuedAt");
  });
});

describe("efapiao convert: rejections", () => {
  it("refuses hostile XML with the diagnostics JSON (exit 1)", async () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE EInvoice [<!ENTITY x SYSTEM "file:///etc/passwd">]><EInvoice>&x;</EInvoice>';
    const run = await runCli(["convert", "-", "--to", "canonical"], { stdin: xxe });
    expect(run.code).toBe(1);
    expect(run.json()).toEqual({
      valid: false,
      diagnostics: [expect.objectContaining({ rule: "XML_DTD_REFUSED", severity: "error" })],
    });
  });

  it("names the missing element of a broken platform file", async () => {
    const xml = readFileSync(GD, "utf8").replace("<TotalTaxAm>158.42</TotalTaxAm>", "");
    const run = await runCli(["convert", "-", "--to", "canonical"], { stdin: xml });
    expect(run.code).toBe(1);
    const errors = run.json().diagnostics.filter((d: { severity: string }) => d.severity === "error");
    expect(errors).toEqual([
      expect.objectContaining({
        rule: "STA_XML_MISSING",
        path: "/EInvoice/EInvoiceData/BasicInformation/TotalTaxAm",
      }),
    ]);
  });

  it("rejects an issued invoice JSON with a bad number, and input it cannot recognise", async () => {
    const json = (await runCli(["convert", GD, "--to", "canonical"])).json();
    const bad = await runCli(["convert", "-", "--to", "sta-xml"], {
      stdin: JSON.stringify({ ...json, number: "123" }),
    });
    expect(bad.code).toBe(1);
    expect(bad.json().diagnostics[0]).toMatchObject({ path: "number", rule: "INVOICE_NUMBER_LENGTH" });
    const unknown = await runCli(["convert", "-", "--to", "canonical"], { stdin: "kind: special" });
    expect(unknown.code).toBe(1);
    expect(unknown.json().diagnostics[0].rule).toBe("CONVERT_UNKNOWN_FORMAT");
    const html = await runCli(["convert", "-", "--to", "canonical"], { stdin: "<html><body/></html>" });
    expect(html.code).toBe(1);
    expect(html.json().diagnostics[0]).toMatchObject({ rule: "STA_XML_ROOT", path: "/html" });
  });

  it("reports usage mistakes with exit 2", async () => {
    expect((await runCli(["convert", GD])).code).toBe(2);
    expect((await runCli(["convert", GD, "--to", "pdf"])).code).toBe(2);
    expect((await runCli(["convert", "--to", "canonical"])).code).toBe(2);
    expect((await runCli(["convert", "missing.xml", "--to", "canonical"])).code).toBe(2);
  });
});
