import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPreviewDocument } from "@efapiao/preview";
import { renderInvoicePdf } from "@efapiao/preview/node";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, serveDist } from "./harness.js";
import { compareWithReference } from "./images.js";

/** The seed example with valid tax ids (the preview package's fixture). */
const SALE = readFileSync(
  new URL("../../../../packages/preview/test/fixtures/sale.json", import.meta.url),
  "utf8",
);
/** Share of pixels allowed to differ from a reference image (anti-aliasing, font hinting). */
const TOLERANCE = 0.005;

let browser: Browser;
let site: Awaited<ReturnType<typeof serveDist>>;
const pageErrors: string[] = [];

beforeAll(async () => {
  site = await serveDist();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function open(hash = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(site.url + hash);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

async function paste(page: Page, text: string): Promise<void> {
  await page.fill("#input", text);
  // Analysis is debounced; wait for the diagnostics list to reflect this text.
  await page.waitForFunction(
    (t) => (document.getElementById("input") as HTMLTextAreaElement).value === t,
    text,
  );
  await page.waitForTimeout(400);
}

describe("invoice preview in the browser", () => {
  it("paste → preview with totals; a bad amount → a positioned diagnostic", async () => {
    const page = await open();
    await paste(page, SALE);
    await expect.poll(() => page.textContent("#totals")).toContain("¥106000.00");
    expect(await page.textContent("#totals")).toContain("⊗壹拾万陆仟圆整");
    const svg = await page.textContent("#preview svg");
    expect(svg).toContain("*信息技术服务*软件开发");
    expect(svg).toContain("北京采购贸易有限公司");
    expect(await page.locator("#diagnostics li.error").count()).toBe(0);

    const bad = SALE.replace('"amount": "100000.00"', '"amount": "十万"');
    await paste(page, bad);
    const item = page.locator("#diagnostics li.error", { hasText: "lines[0].amount" });
    await expect.poll(() => item.count()).toBeGreaterThan(0);
    // The mark sits on the amount in the input, and a click selects exactly that text.
    expect(await page.textContent("#input-editor mark.error")).toBe('"amount": "十万"');
    await item.first().click();
    const selected = await page.evaluate(() => {
      const t = document.getElementById("input") as HTMLTextAreaElement;
      return t.value.slice(t.selectionStart, t.selectionEnd);
    });
    expect(selected).toBe('"amount": "十万"');
    expect(await page.locator("#preview svg").count()).toBe(0);
    await page.close();
  });

  it("a bad file or broken JSON shows a message where it is; the page keeps working", async () => {
    const page = await open();
    const dir = mkdtempSync(join(tmpdir(), "efapiao-web-"));
    const file = join(dir, "broken.xml");
    writeFileSync(file, "<EInvoice><Header><EIid>1</EIid>");
    await page.setInputFiles("#file", file);
    await expect.poll(() => page.locator("#preview svg").count()).toBe(0);
    expect(await page.inputValue("#input")).toContain("<EInvoice>");
    expect(await page.locator("#diagnostics li.error").count()).toBeGreaterThan(0);

    await paste(page, '{\n  "kind": "special",\n  "seller": }');
    const message = await page.textContent("#diagnostics li.error");
    expect(message).toContain("第 3 行第 13 列");
    expect(await page.textContent("#input-editor mark.error")).toBe("}");

    for (const text of ["null", "[]", "<", "{}", '{"kind":"special","lines":[{}]}', "\u0000\uFFFF"]) {
      await paste(page, text);
      expect(await page.locator("#diagnostics li").count()).toBeGreaterThan(0);
    }
    await paste(page, SALE);
    await expect.poll(() => page.textContent("#totals")).toContain("¥106000.00");
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("keeps the state in the URL: a reload shows the same input", async () => {
    const page = await open();
    const edited = SALE.replace("张伟", "李雷");
    await paste(page, edited);
    await page.waitForFunction(() => location.hash.startsWith("#s="));
    const url = page.url();
    const again = await browser.newPage();
    await again.goto(url);
    await again.waitForSelector("body[data-ready=true]");
    expect(await again.inputValue("#input")).toBe(edited);
    expect(await again.textContent("#preview svg")).toContain("李雷");
    await again.close();
    const broken = await open("#s=%%%not-base64");
    expect(await broken.textContent("#notice")).toContain("链接中的状态无法读取");
    expect(await broken.textContent("#preview svg")).toContain("电子发票");
    await page.close();
    await broken.close();
  });

  it("works offline once loaded", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForSelector("body[data-ready=true]");
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await page.textContent("#preview svg")).toContain("电子发票");
    await context.close();
  });
});

describe("rule playground in the browser", () => {
  it("runs the examples as you type, and marks a syntax error where it is", async () => {
    const page = await open();
    await page.click("#tab-rules");
    await expect
      .poll(() => page.textContent("#examples-summary"))
      .toContain("2 通过 passed · 0 未通过 failed");
    expect(await page.locator("#rules-editor .tok-keyword").count()).toBeGreaterThan(5);
    expect(await page.textContent("#rules-editor .tok-id")).toBe("ACME-01");

    const rules = await page.inputValue("#rules");
    await page.fill("#rules", rules.replace("expect fail at remarks", "expect pass"));
    await expect
      .poll(() => page.textContent("#examples-summary"))
      .toContain("1 通过 passed · 1 未通过 failed");
    expect(await page.textContent("#examples li.fail")).toContain("没有备注");

    await page.fill("#rules", rules.replace("is present", "is presnt"));
    const error = page.locator("#rule-diagnostics li.error");
    await expect.poll(() => error.count()).toBeGreaterThan(0);
    expect(await error.first().textContent()).toContain("RULES_SYNTAX");
    expect(await page.textContent("#rules-editor mark.error")).toBe("presnt");

    // The playground's rule applies to the invoice tab too: the seed sale without remarks gets ACME-01.
    await page.fill("#rules", rules);
    await page.click("#tab-invoice");
    const { remarks: _r, ...noRemarks } = JSON.parse(SALE);
    await paste(page, JSON.stringify(noRemarks, null, 2));
    await expect.poll(() => page.textContent("#diagnostics")).toContain("ACME-01");
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe("looks", () => {
  it("the seed example's preview matches the reference image", async () => {
    const page = await open();
    await paste(page, SALE);
    await expect.poll(() => page.locator("#preview svg").count()).toBe(1);
    const shot = await page.locator("#preview svg").screenshot();
    const result = compareWithReference(shot, "seed-preview.png");
    expect(
      result.written,
      `reference written to ${result.written}: look at it, then commit it`,
    ).toBeUndefined();
    expect(result.sizeMismatch).toBeUndefined();
    expect(result.ratio).toBeLessThan(TOLERANCE);
    await page.close();
  });

  it("the seed example's PDF, rasterised by pdftoppm, matches the reference image", async () => {
    const read = readPreviewDocument(SALE);
    if (!read.ok) throw new Error("fixture rejected");
    const dir = mkdtempSync(join(tmpdir(), "efapiao-pdf-"));
    writeFileSync(join(dir, "seed.pdf"), await renderInvoicePdf(read.value));
    execFileSync("pdftoppm", ["-png", "-r", "100", "-singlefile", join(dir, "seed.pdf"), join(dir, "seed")]);
    const result = compareWithReference(readFileSync(join(dir, "seed.png")), "seed-preview-pdf.png");
    expect(
      result.written,
      `reference written to ${result.written}: look at it, then commit it`,
    ).toBeUndefined();
    expect(result.sizeMismatch).toBeUndefined();
    expect(result.ratio).toBeLessThan(TOLERANCE);
  });
});
