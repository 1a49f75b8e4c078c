import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, sharedDir } from "./fake-io.js";

// The seed example with valid tax ids (the preview package's fixture).
const SALE = join(repoRoot, "packages/preview/test/fixtures/sale.json");
const MOF = join(sharedDir, "samples/sta-xml/mof-official-special.xml");
const SDP_OFD = join(sharedDir, "samples/ofd/sdp-einvoice-customtags.ofd");

describe("efapiao preview", () => {
  it("writes HTML and a PDF of the seed example", async () => {
    const dir = mkdtempSync(join(tmpdir(), "efapiao-preview-cli-"));
    const html = join(dir, "out/fapiao.html");
    const pdf = join(dir, "out/fapiao.pdf");
    const run = await runCli(["preview", SALE, "--html", html, "--pdf", pdf]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(readFileSync(html, "utf8")).toContain("*信息技术服务*软件开发");
    expect(statSync(pdf).size).toBeLessThan(2 * 1024 * 1024);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
    for (const expected of [
      "北京采购贸易有限公司",
      "上海示例科技有限公司",
      "106000.00",
      "壹拾万陆仟圆整",
      "张伟",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("renders a received OFD: the 数电票 sample's number, date and 4197.17 + 251.83 = 4449.00", async () => {
    const run = await runCli(["preview", SDP_OFD]);
    expect(run.code).toBe(0);
    for (const expected of [
      "24112000000048542163",
      "2024年05月28日",
      "¥4197.17",
      "¥251.83",
      "¥4449.00",
      "肆仟肆佰肆拾玖圆整",
      "*信息技术服务*技术服务费",
    ]) {
      expect(run.stdout).toContain(expected);
    }
    expect(run.stdout).not.toContain("预览");
  });

  it("prints the HTML on stdout when no output is named, from the platform's XML too", async () => {
    const run = await runCli(["preview", MOF]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.stdout).toContain("23440000000000100001");
    expect(run.stdout).toContain("¥2.12");
  });

  it("rejects bad input with diagnostics (exit 1) and bad usage with exit 2", async () => {
    const bad = await runCli(["preview", "-"], { stdin: '{"kind":"special","lines":[]}' });
    expect(bad.code).toBe(1);
    expect(bad.json().valid).toBe(false);
    expect(bad.json().diagnostics.map((d: { path: string }) => d.path)).toContain("seller");
    expect((await runCli(["preview"])).code).toBe(2);
    expect((await runCli(["preview", SALE, "--png", "x"])).code).toBe(2);
    expect((await runCli(["preview", "no-such-file.json"])).code).toBe(2);
  });
});
