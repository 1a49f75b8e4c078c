/**
 * `efapiao validate` in-process. Expected findings are worked out by hand from the STA rules (the tax-id
 * check characters with GB 32100's weights, the rates in force, the legacy tolerances), not read back from
 * the engine.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, sharedDir } from "./fake-io.js";

const read = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), "utf8"));
/**
 * The seed's worked example (contracts.md §1) with its own ids, seller 91310115MA1K3XYZ7A and buyer
 * 91110108MA00ABCD1B, neither valid: kept as examples/invalid-ids.json (examples/sale.json, the README's
 * demo, carries valid ones).
 */
const seedSale = read("examples/invalid-ids.json");
/** The same sale with real, valid USCCs (华为技术有限公司, 阿里巴巴（中国）网络技术有限公司). */
const validSale = {
  ...seedSale,
  seller: { ...seedSale.seller, taxId: "914403001922038216" },
  buyer: { ...seedSale.buyer, taxId: "91330100716105852F" },
};
const packExamples = "packages/rules/standard/examples";
const officialTable = join(sharedDir, "data/tax-codes/tax-codes-v32-2019-04-01.csv");

const validateJson = (doc: unknown, ...options: string[]) =>
  runCli(["validate", "-", ...options], { stdin: JSON.stringify(doc) });
const findings = (json: { diagnostics: { rule: string; severity: string; path: string }[] }) =>
  json.diagnostics.map((d) => [d.rule, d.severity, d.path]);

/** A directory holding one rule file, for --rules. */
function companyPack(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "efapiao-pack-"));
  writeFileSync(join(dir, "company.rules"), text);
  return dir;
}

describe("efapiao validate: the acceptance cases", () => {
  it("flags exactly the two tax ids of the seed's worked example", async () => {
    const run = await runCli(["validate", "examples/invalid-ids.json"]);
    expect(run.code).toBe(1);
    const json = run.json();
    expect(json.valid).toBe(false);
    // Seller: Z is not a GB 32100 character → malformed (FP-ID-01). Buyer: well-formed, but the weighted sum
    // of 91110108MA00ABCD1 gives the check character U, not B → checksum (FP-ID-04).
    expect(findings(json)).toEqual([
      ["FP-ID-01", "error", "seller.taxId"],
      ["FP-ID-04", "error", "buyer.taxId"],
    ]);
    for (const d of json.diagnostics) {
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.messageEn).toMatch(/tax id/);
      expect(d.source).toMatch(/^standard\/tax-ids\.rules:\d+:\d+$/);
    }
    expect(json.diagnostics[0].message).toContain("91310115MA1K3XYZ7A");
    expect(json.diagnostics[1].message).toContain("91110108MA00ABCD1B");
  });

  it("passes the README's demo sale, examples/sale.json (ids with correct GB 32100 check characters)", async () => {
    // 91310115MA1K3XY07 and 91110108MA00ABCD1: weighted sums give the check character U for both
    const run = await runCli(["validate", "examples/sale.json"]);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({ valid: true, diagnostics: [] });
  });

  it("passes the same sale with valid ids", async () => {
    const run = await validateJson(validSale);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({ valid: true, diagnostics: [] });
    expect(run.stderr).toContain("standard");
    expect(run.stderr).toContain("strict");
  });
});

describe("efapiao validate: a sale is checked as written and as built, once", () => {
  it("reports a rule that fires on the sale and on both built lines once, at the sale's path", async () => {
    // 16% was abolished on 2019-04-01 (not in force on 2026-05-18), and 3040201010000000000 allows 6% only:
    // FP-RT-01 and FP-RT-02. The discount makes two invoice lines with the same rate; still one finding each.
    const sale = { ...validSale, lines: [{ ...validSale.lines[0], taxRate: "16%", discount: "500.00" }] };
    const run = await validateJson(sale);
    expect(run.code).toBe(1);
    expect(findings(run.json())).toEqual([
      ["FP-RT-01", "error", "lines[0].taxRate"],
      ["FP-RT-02", "error", "lines[0].taxRate"],
    ]);
  });

  it("runs the date-dependent rules on the built invoice when the sale has no issue date", async () => {
    // Without issueDate the sale itself has no date to compare with; the built invoice is dated today.
    const { issueDate: _, ...undated } = validSale;
    const sale = {
      ...undated,
      lines: [
        { ...validSale.lines[0], discount: "500.00" },
        { ...validSale.lines[0], taxRate: "0.16" },
      ],
    };
    const run = await validateJson(sale);
    // Invoice lines: [0] discounted, [1] its discount line, [2] from sale line 1.
    expect(findings(run.json())).toEqual([
      ["FP-RT-01", "error", "lines[1].taxRate"],
      ["FP-RT-02", "error", "lines[1].taxRate"],
    ]);
  });

  it("points findings on a discount line at the sale line's discount (company rule via --rules)", async () => {
    const pack = companyPack(`
rule ACME-DS-01 warning
  applies to invoice
  for each line in lines where line.nature = "discount"
  assert abs(line.amount) ≤ 100
  message zh "折扣超过100元需经理审批"
  message en "Discounts over 100 need a manager's approval"
`);
    const sale = {
      ...validSale,
      lines: [
        { ...validSale.lines[0], discount: "80.00" },
        { ...validSale.lines[0], discount: "500.00" },
      ],
    };
    const run = await validateJson(sale, "--rules", pack);
    expect(run.code).toBe(0);
    // Invoice lines: [0] discounted, [1] discount (80, allowed), [2] discounted, [3] discount of sale line 1.
    expect(findings(run.json())).toEqual([["ACME-DS-01", "warning", "lines[1].discount"]]);
    expect(run.json().valid).toBe(true);
  });

  it("shows the builder's rejection when no rule already explains it", async () => {
    const sale = { ...validSale, lines: [{ ...validSale.lines[0], discount: "100000.01" }] };
    const run = await validateJson(sale);
    expect(run.code).toBe(1);
    expect(findings(run.json())).toEqual([["CALC_DISCOUNT_TOO_LARGE", "error", "lines[0].discount"]]);
  });

  it("does not repeat the builder's rejection where a rule has reported the same field", async () => {
    const sale = { ...validSale, lines: [{ ...validSale.lines[0], code: "3040201019999999999" }] };
    const run = await validateJson(sale);
    expect(findings(run.json())).toEqual([["FP-CD-01", "error", "lines[0].code"]]);
    expect(run.json().diagnostics[0].message).toContain("built-in");
  });

  it("reports schema problems of a sale with the rule findings at other paths", async () => {
    const sale = {
      ...validSale,
      buyer: { name: "北京采购贸易有限公司", naturalPerson: false },
      lines: [{ ...validSale.lines[0], code: "304020101" }],
    };
    const run = await validateJson(sale);
    expect(run.code).toBe(1);
    const rows = findings(run.json());
    // The 9-digit code is the schema's finding (FP-LN-02 at the same path is left out); the missing buyer
    // tax id on a special invoice is FP-KD-01's.
    expect(rows.filter(([, , path]) => path === "lines[0].code")).toHaveLength(1);
    expect(rows.find(([, , path]) => path === "lines[0].code")?.[0]).toMatch(/^SALE/);
    expect(rows).toContainEqual(["FP-KD-01", "error", "buyer.taxId"]);
  });

  it("says nothing more inside a part the schema rejected (a Nuonuo request is not a sale document)", async () => {
    const run = await runCli([
      "validate",
      join(sharedDir, "samples/providers/nuonuo-requestBillingNew.request.json"),
    ]);
    expect(run.code).toBe(1);
    const rows = findings(run.json());
    // `seller` is missing altogether, so FP-ID-01 (seller.taxId) would only repeat it.
    expect(rows).toContainEqual(["SALE_REQUIRED", "error", "seller"]);
    expect(rows.filter(([rule]) => !rule!.startsWith("SALE_"))).toEqual([]);
  });
});

describe("efapiao validate: invoices and platform XML", () => {
  for (const file of [
    "special-invoice.json",
    "discount-invoice.json",
    "red-invoice.json",
    "person-sale.json",
  ]) {
    it(`accepts the pack's example ${file}`, async () => {
      const run = await runCli(["validate", `${packExamples}/${file}`]);
      expect(run.json()).toEqual({ valid: true, diagnostics: [] });
      expect(run.code).toBe(0);
    });
  }

  it("checks an invoice payload's arithmetic, with the tolerance of the profile", async () => {
    const invoice = read(`${packExamples}/special-invoice.json`);
    // 100000.00 × 6% = 6000.00; a tax of 6000.05 is 0.05 off: over strict's 0.01, within legacy's 0.06.
    invoice.lines[0].tax = "6000.05";
    invoice.totals = {
      amount: "100000.00",
      tax: "6000.05",
      total: "106000.05",
      totalInWords: "壹拾万陆仟圆零伍分",
    };
    const strict = await validateJson(invoice);
    expect(strict.code).toBe(1);
    expect(findings(strict.json())).toEqual([["FP-CO-01", "error", "lines[0].tax"]]);
    expect(strict.json().diagnostics[0].message).toContain("6000.05");
    expect(strict.json().diagnostics[0].message).toContain("6000.00");

    const legacy = await validateJson(invoice, "--profile", "legacy");
    expect(legacy.code).toBe(0);
    expect(legacy.json()).toEqual({ valid: true, diagnostics: [] });
  });

  it("checks the totals and the capital amount of a payload", async () => {
    const invoice = read(`${packExamples}/discount-invoice.json`);
    invoice.totals.total = "603.24"; // 534.00 + 69.42 = 603.42; the words still say 陆佰零叁圆肆角贰分
    const run = await validateJson(invoice);
    expect(findings(run.json())).toEqual([
      ["FP-TO-03", "error", "totals.total"],
      ["FP-TO-04", "error", "totals.totalInWords"],
    ]);
  });

  it("reads the platform's EInvoice XML (the MOF sample; masked tax ids fail their checksums)", async () => {
    const run = await runCli([
      "validate",
      join(sharedDir, "samples/sta-xml/mof-official-special.xml"),
      "--codes",
      officialTable,
    ]);
    expect(run.code).toBe(1);
    // 91440000000000000X should end in Y, 91440000000000001Y in 2 (GB 32100); 3040803010000000000 is a leaf
    // of table v32.0 allowing 6%, and 2.00 × 6% = 0.12, 价税合计 2.12 = 贰圆壹角贰分.
    expect(findings(run.json())).toEqual([
      ["FP-ID-02", "error", "seller.taxId"],
      ["FP-ID-04", "error", "buyer.taxId"],
    ]);
    expect(run.stderr).toContain("32.0");
  });

  it("reads the tax-inclusive Guangdong sample: 16000 at 1% is 15841.58 + 158.42", async () => {
    const run = await runCli(["validate", join(sharedDir, "samples/sta-xml/gd-special-1pct-inclusive.xml")]);
    const rules = run.json().diagnostics.map((d: { rule: string }) => d.rule);
    // Arithmetic, totals and words are right; only the masked ids and the masked code are findings.
    expect(rules.filter((r: string) => /^FP-(CO|TO|DEC|LN)-/.test(r))).toEqual([]);
    expect(rules).toEqual(expect.arrayContaining(["FP-ID-02", "FP-ID-04", "FP-CD-01"]));
  });
});

describe("efapiao validate: packs and options", () => {
  it("lets a company pack lower or disable a standard rule", async () => {
    const pack = companyPack("change FP-ID-04 to warning\ndisable FP-ID-01\n");
    const run = await runCli(["validate", "examples/invalid-ids.json", "--rules", pack]);
    expect(run.code).toBe(0);
    expect(findings(run.json())).toEqual([["FP-ID-04", "warning", "buyer.taxId"]]);
    expect(run.json().valid).toBe(true);
  });

  it("lets a company pack list a known tax-id exception", async () => {
    const pack = companyPack('parameter taxId.exceptions = ["91350211M00013FA1N", "91110108MA00ABCD1B"]\n');
    const run = await runCli(["validate", "examples/invalid-ids.json", "--rules", pack]);
    expect(findings(run.json())).toEqual([["FP-ID-01", "error", "seller.taxId"]]);
  });

  it("refuses a broken company pack with the position of the mistake (exit 2)", async () => {
    const pack = companyPack(
      'rule ACME-01 error\n  assert buyer.taxid is present\n  message zh "x"\n  message en "x"\n',
    );
    const run = await runCli(["validate", "examples/invalid-ids.json", "--rules", pack]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("company.rules:2:");
    expect(run.stderr).toContain("buyer.taxId");
  });

  it("exits 2 on usage errors and unreadable files", async () => {
    expect((await runCli(["validate"])).code).toBe(2);
    expect((await runCli(["validate", "a.json", "b.json"])).code).toBe(2);
    expect((await runCli(["validate", "no-such-file.json"])).code).toBe(2);
    expect((await runCli(["validate", "examples/invalid-ids.json", "--profile", "lenient"])).code).toBe(2);
    expect((await runCli(["validate", "examples/invalid-ids.json", "--rules", "/no/such/pack"])).code).toBe(
      2,
    );
    const other = await runCli(["validate", "-"], { stdin: "<order><no/></order>" });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("efapiao convert");
  });

  it("reports text that is not JSON as a finding (exit 1)", async () => {
    const run = await runCli(["validate", "-"], { stdin: '{"kind": "special",' });
    expect(run.code).toBe(1);
    expect(findings(run.json())).toEqual([["JSON_MALFORMED", "error", ""]]);
  });
});
