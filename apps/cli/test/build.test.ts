import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./fake-io.js";

const exampleSale = JSON.parse(readFileSync(join(repoRoot, "examples/sale.json"), "utf8"));
const withLines = (lines: unknown[]) => JSON.stringify({ ...exampleSale, lines });
const line = exampleSale.lines[0];

describe("efapiao build", () => {
  it("builds the contracts' worked example: 100000.00 at 6% → 6000.00 tax, 106000.00 total", async () => {
    const run = await runCli(["build", "examples/sale.json"]);
    expect(run.code).toBe(0);
    const invoice = run.json();
    expect(invoice.kindCode).toBe("01");
    expect(invoice.totals).toEqual({
      amount: "100000.00",
      tax: "6000.00",
      total: "106000.00",
      totalInWords: "壹拾万陆仟圆整",
    });
    expect(invoice.lines[0]).toMatchObject({
      index: 1,
      nature: "normal",
      itemName: "*信息技术服务*软件开发",
      shortName: "信息技术服务",
      quantity: "1",
      unitPrice: "100000",
      amount: "100000.00",
      taxRate: "0.06",
      tax: "6000.00",
      policy: null,
    });
    expect(run.stderr).toContain("built-in");
  });

  it("writes 元 on request", async () => {
    const run = await runCli(["build", "examples/sale.json", "--words", "元"]);
    expect(run.json().totals.totalInWords).toBe("壹拾万陆仟元整");
  });

  it("prints the platform data-model view", async () => {
    const run = await runCli(["build", "examples/sale.json", "--view", "platform"]);
    const view = run.json();
    expect(view).toMatchObject({
      合计金额: "100000.00",
      合计税额: "6000.00",
      价税合计: "106000.00",
      价税合计大写: "壹拾万陆仟圆整",
    });
    expect(view.明细[0]).toMatchObject({ 项目名称: "*信息技术服务*软件开发", 税率: "0.06", 税额: "6000.00" });
  });

  it("reads stdin with -", async () => {
    const run = await runCli(["build", "-"], { stdin: JSON.stringify(exampleSale) });
    expect(run.code).toBe(0);
    expect(run.json().totals.total).toBe("106000.00");
  });

  it("splits a tax-inclusive line as the platform does (16000 at 1%)", async () => {
    const sale = { ...exampleSale, pricesIncludeTax: true };
    const run = await runCli(["build", "-"], {
      stdin: JSON.stringify({
        ...sale,
        lines: [{ ...line, quantity: "1", unitPrice: "16000", amount: undefined, taxRate: "1%" }],
      }),
    });
    // 16000 ÷ 1.01 = 15841.584158… → 15841.58; tax 16000 − 15841.58 = 158.42 (gd-special-1pct-inclusive.xml)
    expect(run.json().lines[0]).toMatchObject({
      unitPrice: "15841.5841584158",
      amount: "15841.58",
      tax: "158.42",
    });
  });

  describe("rejects bad input with exit 1 and a diagnostic naming the path", () => {
    const cases: [string, string, string][] = [
      ["malformed JSON", '{"kind": "special",', ""],
      ["an unknown kind", JSON.stringify({ ...exampleSale, kind: "vip" }), "kind"],
      ["a wrong type", JSON.stringify({ ...exampleSale, pricesIncludeTax: "yes" }), "pricesIncludeTax"],
      [
        "an unknown field",
        JSON.stringify({ ...exampleSale, buyer: { ...exampleSale.buyer, taxid: "x" } }),
        "buyer.taxid",
      ],
      ["no lines", withLines([]), "lines"],
      ["a non-numeric amount", withLines([{ ...line, amount: "十万" }]), "lines[0].amount"],
      [
        "an amount that disagrees with quantity × price",
        withLines([{ ...line, amount: "99999.00" }]),
        "lines[0].amount",
      ],
      [
        "an absurdly large price",
        withLines([{ ...line, unitPrice: "1".repeat(40), amount: undefined }]),
        "lines[0].unitPrice",
      ],
      ["a bad date", JSON.stringify({ ...exampleSale, issueDate: "2026-13-01" }), "issueDate"],
      [
        "a code the table does not know",
        withLines([{ ...line, code: "1234567890123456789" }]),
        "lines[0].code",
      ],
      ["a wrong *简称* prefix", withLines([{ ...line, name: "*餐饮服务*软件开发" }]), "lines[0].name"],
    ];
    for (const [what, input, path] of cases) {
      it(what, async () => {
        const run = await runCli(["build", "-"], { stdin: input });
        expect(run.code).toBe(1);
        const report = run.json();
        expect(report.valid).toBe(false);
        expect(report.diagnostics.map((d: { path: string }) => d.path)).toContain(path);
        for (const d of report.diagnostics) {
          expect(d.severity).toBe("error");
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.messageEn.length).toBeGreaterThan(0);
        }
        expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      });
    }

    it("names the table version when a code is unknown", async () => {
      const run = await runCli(["build", "-"], {
        stdin: withLines([{ ...line, code: "1234567890123456789" }]),
      });
      const diagnostic = run.json().diagnostics.find((d: { path: string }) => d.path === "lines[0].code");
      expect(diagnostic.messageEn).toContain("built-in");
    });
  });

  describe("usage errors exit 2", () => {
    it.each([
      [["build"]],
      [["build", "a.json", "b.json"]],
      [["build", "examples/sale.json", "--view", "xml"]],
      [["build", "examples/sale.json", "--words", "块"]],
      [["build", "examples/sale.json", "--bogus"]],
      [["build", "no-such-file.json"]],
    ])("%j", async (args) => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
