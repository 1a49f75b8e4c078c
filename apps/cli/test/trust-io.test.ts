/**
 * Issue 9, items 2 and 3, through the command line in-process: each case is a reproduction from the issue.
 * Inputs are written to a temporary directory as bytes, since several cases are about the bytes themselves.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeGbkForTest } from "../../../packages/adapters/sta-xml/test/gbk.js";
import { boundDiagnostics, systemErrorLine } from "../src/io.js";
import { repoRoot, runCli, sharedDir } from "./fake-io.js";

const dir = mkdtempSync(join(tmpdir(), "efapiao-trust-"));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const saleText = readFileSync(join(repoRoot, "examples/sale.json"), "utf8");
const gdText = readFileSync(join(sharedDir, "samples/sta-xml/gd-special-1pct-inclusive.xml"), "utf8");
const KIND_LABEL = /<GeneralOrSpecialVAT>[\s\S]*?<\/GeneralOrSpecialVAT>/;
const rules = (run: { json(): { diagnostics: { rule: string }[] } }) =>
  run.json().diagnostics.map((d) => d.rule);

describe("JSON input that used to crash or change", () => {
  it("JSON nested 3,000 deep is a diagnostic, not an internal error", async () => {
    const deep = file("deep.json", `${"[".repeat(3000)}${"]".repeat(3000)}`);
    for (const command of ["build", "validate", "convert"]) {
      const run = await runCli(
        command === "convert" ? [command, deep, "--to", "canonical"] : [command, deep],
      );
      expect({ command, code: run.code }).toEqual({ command, code: 1 });
      expect(run.stderr).not.toContain("internal error");
      expect(rules(run)).toEqual(["JSON_TOO_DEEP"]);
    }
  });

  it("1.00499999999999999 is refused with 'write it as a string', not read as another cent", async () => {
    const sale = JSON.parse(saleText);
    delete sale.lines[0].quantity;
    delete sale.lines[0].unitPrice;
    const text = JSON.stringify(sale).replace('"amount":"100000.00"', '"amount":1.00499999999999999');
    const run = await runCli(["build", file("inexact.json", text)]);
    expect(run.code).toBe(1);
    expect(run.json().diagnostics).toEqual([
      expect.objectContaining({ rule: "JSON_INEXACT_NUMBER", path: "lines[0].amount" }),
    ]);
    expect(run.json().diagnostics[0].messageEn).toContain("write it as a string");
  });

  it("invalid UTF-8 is refused with the byte offset, not turned into U+FFFD", async () => {
    // The seller's name 上海… written in GBK: 上 is C9 CF.
    const at = Buffer.byteLength(saleText.slice(0, saleText.indexOf("上海示例")));
    const bytes = Buffer.concat([
      Buffer.from(saleText.slice(0, saleText.indexOf("上海示例"))),
      Buffer.from([0xc9, 0xcf]),
      Buffer.from(saleText.slice(saleText.indexOf("上海示例") + 1)),
    ]);
    for (const command of ["build", "validate"]) {
      const run = await runCli([command, file("gbk-sale.json", bytes)]);
      expect(run.code).toBe(1);
      expect(rules(run)).toEqual(["TEXT_INVALID_UTF8"]);
      expect(run.json().diagnostics[0].messageEn).toContain(`at byte ${at}`);
    }
  });

  it("a UTF-8 byte-order mark is accepted by every command alike", async () => {
    const withBom = file("bom.json", `\uFEFF${saleText}`);
    expect((await runCli(["build", withBom])).code).toBe(0);
    const validate = await runCli(["validate", withBom]);
    expect(rules(validate)).not.toContain("JSON_MALFORMED");
    expect((await runCli(["convert", withBom, "--to", "canonical"])).code).toBe(0);
  });
});

describe("bounded output", () => {
  it("a 10 MB unknown key is echoed clipped, not three times in full", async () => {
    const key = "k".repeat(10 * 1024 * 1024);
    const sale = `{${JSON.stringify(key)}: 1, ${saleText.trim().slice(1)}`;
    const run = await runCli(["build", file("big-key.json", sale)]);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBeLessThan(2000);
    expect(run.json().diagnostics).toEqual([expect.objectContaining({ rule: "SALE_UNKNOWN_FIELD" })]);
    expect(run.json().diagnostics[0].messageEn).toContain(`${10 * 1024 * 1024} characters`);
  });

  it("at most 100 diagnostics per file, then 'and N more'", async () => {
    const sale = JSON.parse(saleText);
    sale.lines = Array.from({ length: 150 }, () => ({ ...sale.lines[0], taxRate: "abc" }));
    const run = await runCli(["build", file("many.json", JSON.stringify(sale))]);
    expect(run.code).toBe(1);
    const { diagnostics, valid } = run.json();
    expect(valid).toBe(false);
    expect(diagnostics).toHaveLength(101);
    expect(diagnostics.at(-1)).toMatchObject({ rule: "DIAGNOSTICS_OMITTED", severity: "info" });
    expect(diagnostics.at(-1).messageEn).toBe("and 50 more not listed (150 in all, 150 of them errors)");
  });

  it("keeps the errors when it has to cut", () => {
    const d = (severity: "error" | "warning", i: number) => ({
      rule: `R${i}`,
      severity,
      path: "",
      message: "",
      messageEn: "",
    });
    const list = [
      ...Array.from({ length: 150 }, (_, i) => d("warning", i)),
      ...Array.from({ length: 3 }, (_, i) => d("error", i)),
    ];
    const bounded = boundDiagnostics(list);
    expect(bounded.slice(0, 3).map((x) => x.severity)).toEqual(["error", "error", "error"]);
    expect(bounded).toHaveLength(101);
  });
});

describe("real platform files (item 2)", () => {
  it("an empty <GeneralOrSpecialVAT/> converts with a warning (general); --strict refuses it", async () => {
    const path = file("ride-hailing.xml", gdText.replace(KIND_LABEL, "<GeneralOrSpecialVAT/>"));
    const run = await runCli(["convert", path, "--to", "canonical"]);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ kind: "general", kindCode: "02" });
    expect(run.stderr).toContain("STA_XML_KIND_INFERRED");
    const strict = await runCli(["convert", path, "--to", "canonical", "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.json().diagnostics).toContainEqual(
      expect.objectContaining({ rule: "STA_XML_KIND_INFERRED", severity: "error" }),
    );
    const validate = await runCli(["validate", path]);
    expect(validate.json().diagnostics).toContainEqual(
      expect.objectContaining({ rule: "STA_XML_KIND_INFERRED", severity: "warning" }),
    );
  });

  it("a masked code converts with a warning, and validate flags it (FP-CF-01)", async () => {
    const path = file(
      "masked.xml",
      gdText.replace(
        "<TaxClassificationCode>0000000000000000000<",
        "<TaxClassificationCode>3040xxxxxxxxxxxxxxx<",
      ),
    );
    const run = await runCli(["convert", path, "--to", "canonical"]);
    expect(run.code).toBe(0);
    expect(run.json().lines[0].code).toBe("3040xxxxxxxxxxxxxxx");
    expect(run.stderr).toContain("STA_XML_CODE_NOT_19_DIGITS");
    const back = await runCli(["convert", path, "--to", "sta-xml"]);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain("<TaxClassificationCode>3040xxxxxxxxxxxxxxx</TaxClassificationCode>");
    const validate = await runCli(["validate", path]);
    expect(validate.code).toBe(1);
    expect(validate.json().diagnostics).toContainEqual(
      expect.objectContaining({ rule: "FP-CF-01", severity: "error", path: "lines[0].code" }),
    );
  });

  it("two <TotalAmWithoutTax> are an error", async () => {
    const path = file(
      "dup.xml",
      gdText.replace(
        "<TotalTaxAm>158.42</TotalTaxAm>",
        "<TotalTaxAm>158.42</TotalTaxAm><TotalAmWithoutTax>1.00</TotalAmWithoutTax>",
      ),
    );
    for (const args of [
      ["convert", path, "--to", "canonical"],
      ["validate", path],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(1);
      expect(rules(run)).toContain("STA_XML_DUPLICATE");
    }
  });

  it("a GBK-declared file is decoded, not turned into mojibake with exit 0", async () => {
    const path = file("gbk.xml", encodeGbkForTest(gdText.replace('encoding="utf-8"', 'encoding="GBK"')));
    const run = await runCli(["convert", path, "--to", "canonical"]);
    expect(run.code).toBe(0);
    expect(run.json().seller.name).toBe("广州市XXXXXXX有限公司");
    expect(run.json().lines[0].itemName).toBe("*信息技术服务*信息技术服务");
  });

  it("undeclared invalid UTF-8 in XML is refused with the byte offset", async () => {
    const bytes = Buffer.concat([
      Buffer.from("<EInvoice>"),
      Buffer.from([0xb9, 0xe3]),
      Buffer.from("</EInvoice>"),
    ]);
    const run = await runCli(["convert", file("bad.xml", bytes), "--to", "canonical"]);
    expect(run.code).toBe(1);
    expect(run.json().diagnostics[0].messageEn).toContain("at byte 10");
  });
});

describe("the system refusing a write", () => {
  it("a cache that cannot be written ends with one line and exit 74, not an internal error", async () => {
    const notADirectory = file("plain-file", "x");
    const table = join(sharedDir, "data/tax-codes/tax-codes-v32-2019-04-01.csv");
    const run = await runCli(["codes", "import", table], { env: { XDG_CACHE_HOME: notADirectory } });
    expect(run.code).toBe(74);
    expect(run.stderr).not.toContain("internal error");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.trim().split("\n").at(-1)).toContain("(ENOTDIR)");
  });

  it("describes EROFS on the cache in one line with the way out", () => {
    const line = systemErrorLine(
      Object.assign(new Error("EROFS"), {
        code: "EROFS",
        syscall: "mkdir",
        path: "/ro/home/.cache/efapiao/codes",
      }),
    );
    expect(line).not.toContain("\n");
    expect(line).toContain(
      "cannot write /ro/home/.cache/efapiao/codes: the file system is read-only (EROFS)",
    );
    expect(line).toContain("XDG_CACHE_HOME");
  });
});

describe("the code table cannot be damaged by a bad file (item 4)", () => {
  const table = join(sharedDir, "data/tax-codes/tax-codes-v32-2019-04-01.csv");
  const bytes = readFileSync(table);

  it("a CSV cut mid-row is refused, and the cache keeps the complete table", async () => {
    const cache = mkdtempSync(join(tmpdir(), "efapiao-cache-"));
    const env = { XDG_CACHE_HOME: cache };
    expect((await runCli(["codes", "import", table], { env })).code).toBe(0);
    const cachedPack = join(cache, "efapiao/codes/codes-32.0.json");
    const before = readFileSync(cachedPack, "utf8");
    // Cut two-thirds of the way in, then back to just after a comma: the last row ends inside a field.
    const cutAt = bytes.lastIndexOf(",", Math.floor((bytes.length * 2) / 3)) + 3;
    const cut = file("cut.csv", bytes.subarray(0, cutAt));
    const run = await runCli(["codes", "import", cut], { env });
    expect(run.code).toBe(1);
    const found = run.json().diagnostics.map((d: { rule: string }) => d.rule);
    expect(found).toContain("CODES_TOO_FEW_ROWS");
    expect(found).toContain("CODES_ROW_CUT");
    expect(readFileSync(cachedPack, "utf8")).toBe(before);
    expect(JSON.parse(before).rows).toBe(4236);
  }, 60_000);

  it("a shorter table of a version with no official count does not replace the cached one", async () => {
    const cache = mkdtempSync(join(tmpdir(), "efapiao-cache-"));
    const env = { XDG_CACHE_HOME: cache };
    const lines = bytes.toString("utf8").split("\r\n");
    const as33 = (rows: string[]) =>
      rows.map((l, i) => (i === 0 ? l : l.replace(/^32\.0,/, "33.0,"))).join("\r\n");
    // The first 11 rows (货物 and the cereal rows under it) make a complete small table on their own.
    expect(
      (await runCli(["codes", "import", file("v33-full.csv", as33(lines.slice(0, 12)))], { env })).code,
    ).toBe(0);
    const run = await runCli(["codes", "import", file("v33-short.csv", as33(lines.slice(0, 3)))], { env });
    expect(run.code).toBe(1);
    expect(run.json().diagnostics).toEqual([expect.objectContaining({ rule: "CODES_SMALLER_THAN_CACHED" })]);
    expect(JSON.parse(readFileSync(join(cache, "efapiao/codes/codes-33.0.json"), "utf8")).rows).toBe(11);
  }, 60_000);
});
