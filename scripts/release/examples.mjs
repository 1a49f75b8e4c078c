// One example per public package, run in the fresh project where the tarballs were installed (argv[2]),
// each in its own Node process so that what runs is exactly what an installed package resolves to. The
// expected values are worked out by hand: examples/sale.json is 1 × 100000.00 at 6 % = 6000.00 tax,
// 106000.00 in total; the buyer's id 91110108MA00ABCD1B has check character U, not B (GB 32100-2015);
// gd-special-1pct-inclusive.xml is the platform's own file, 16000.00 in total.
// A public package without an example here fails the check, so that a new package gets one.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [project, root] = process.argv.slice(2);
const shared = join(root, "..", "shared");
const GD_SAMPLE = join(shared, "samples/sta-xml/gd-special-1pct-inclusive.xml");
const CODES_CSV = join(shared, "data/tax-codes/tax-codes-v32-2019-04-01.csv");

/** ESM programs by package; each throws when a value is not the one worked out by hand. */
const examples = {
  "@efapiao/model": `
    import { checkTaxId, parseInvoiceNumber } from "@efapiao/model";
    const id = checkTaxId("91110108MA00ABCD1B");
    if (id.valid || id.expected !== "U") throw new Error("checkTaxId: " + JSON.stringify(id));
    const n = parseInvoiceNumber("24442000000036916313");
    if (!n.ok || n.value.provinceCode !== "44") throw new Error("parseInvoiceNumber");`,
  "@efapiao/tables": `
    import { builtinCodeTable } from "@efapiao/tables";
    import { codeCacheDir } from "@efapiao/tables/node";
    const entry = builtinCodeTable().get("3040201010000000000");
    if (entry?.shortName !== "信息技术服务") throw new Error("builtinCodeTable: " + entry?.shortName);
    if (!codeCacheDir({ XDG_CACHE_HOME: "/c" }).startsWith("/c/efapiao")) throw new Error("codeCacheDir");`,
  "@efapiao/tables-import": `
    import { readCodeTableFile } from "@efapiao/tables-import";
    const result = await readCodeTableFile(${JSON.stringify(CODES_CSV)});
    if (!result.ok || result.table.size !== 4236) throw new Error("readCodeTableFile");`,
  "@efapiao/calc": `
    import { readFileSync } from "node:fs";
    import { amountInWords, buildInvoiceFromJson } from "@efapiao/calc";
    import { builtinCodeTable } from "@efapiao/tables";
    const built = buildInvoiceFromJson(JSON.parse(readFileSync("sale.json", "utf8")), { codes: builtinCodeTable() });
    if (!built.ok || built.value.totals.total !== "106000.00") throw new Error("buildInvoiceFromJson");
    if (amountInWords("1000.05") !== "壹仟圆零伍分") throw new Error("amountInWords");`,
  "@efapiao/rules": `
    import { readFileSync } from "node:fs";
    import { buildInvoiceFromJson } from "@efapiao/calc";
    import { loadStandardPack, validate } from "@efapiao/rules";
    import { loadPack, standardPackDir } from "@efapiao/rules/node";
    import { builtinCodeTable } from "@efapiao/tables";
    const built = buildInvoiceFromJson(JSON.parse(readFileSync("sale.json", "utf8")), { codes: builtinCodeTable() });
    // examples/sale.json is valid; with the buyer's check character B instead of U (GB 32100) it is not.
    const ok = validate(built.value, { packs: [await loadStandardPack()], today: "2026-05-18" });
    if (!ok.valid) throw new Error("validate(sale): " + JSON.stringify(ok.diagnostics));
    const wrong = { ...built.value, buyer: { ...built.value.buyer, taxId: "91110108MA00ABCD1B" } };
    const result = validate(wrong, { packs: [await loadStandardPack()], today: "2026-05-18" });
    if (result.valid || !result.diagnostics.some((d) => d.rule === "FP-ID-04" && d.path === "buyer.taxId"))
      throw new Error("validate: " + JSON.stringify(result.diagnostics));
    const fromFiles = await loadPack(standardPackDir());
    if (fromFiles.diagnostics.length > 0 || fromFiles.rules.length !== (await loadStandardPack()).rules.length)
      throw new Error("loadPack(standardPackDir())");`,
  "@efapiao/sta-xml": `
    import { readFileSync } from "node:fs";
    import { parseStaXml } from "@efapiao/sta-xml";
    const read = parseStaXml(readFileSync(${JSON.stringify(GD_SAMPLE)}, "utf8"));
    if (!read.ok || read.value.totals.total !== "16000.00") throw new Error("parseStaXml");`,
  "@efapiao/docbits-xml": `
    import { readFileSync } from "node:fs";
    import { buildInvoiceFromJson } from "@efapiao/calc";
    import { docbitsToInvoice, readDocbitsXml, writeDocbitsXml } from "@efapiao/docbits-xml";
    import { builtinCodeTable } from "@efapiao/tables";
    const built = buildInvoiceFromJson(JSON.parse(readFileSync("sale.json", "utf8")), { codes: builtinCodeTable() });
    const xml = writeDocbitsXml(built.value);
    const read = xml.ok ? readDocbitsXml(xml.value) : xml;
    const back = read.ok ? docbitsToInvoice(read.value) : read;
    if (!back.ok || back.value.totals.total !== "106000.00") throw new Error("DocBits round trip");`,
  "@efapiao/rules-lsp": `
    import { loadStandardPack } from "@efapiao/rules";
    import { compileContext, fileDiagnostics } from "@efapiao/rules-lsp";
    const text = 'rule ACME-01 error\\n  assert buyer.taxid is present\\n  message zh "需要"\\n  message en "needed"\\n';
    const pack = compileContext({ file: { path: "/acme/acme.rules", text }, siblings: [], extends: [await loadStandardPack()] });
    const found = fileDiagnostics(pack, "/acme/acme.rules");
    // buyer.taxid is misspelt (the field is buyer.taxId): one problem on line 2 (0-based 1).
    if (!found.some((d) => d.code === "RULES_UNKNOWN_NAME" && d.range.start.line === 1))
      throw new Error("rules-lsp: " + JSON.stringify(found));`,
  "@efapiao/preview": `
    import { readFileSync } from "node:fs";
    import { readPreviewDocument, renderInvoiceHtml } from "@efapiao/preview";
    import { renderInvoicePdf } from "@efapiao/preview/node";
    const read = readPreviewDocument(readFileSync(${JSON.stringify(GD_SAMPLE)}, "utf8"));
    if (!read.ok || !renderInvoiceHtml(read.value).includes("¥16000.00")) throw new Error("renderInvoiceHtml");
    const pdf = Buffer.from(await renderInvoicePdf(read.value));
    if (pdf.subarray(0, 5).toString() !== "%PDF-" || pdf.length > 2 * 1024 * 1024) throw new Error("renderInvoicePdf");`,
  "@efapiao/provider": `
    import { isRequestKey } from "@efapiao/provider";
    // contracts §4: 1–40 of A–Z a–z 0–9 - _
    if (!isRequestKey("HT-2026_0518") || isRequestKey("合同-1") || isRequestKey("x".repeat(41)))
      throw new Error("isRequestKey");`,
  "@efapiao/provider-utils": `
    import { redact } from "@efapiao/provider-utils";
    const text = redact("token=s3cr3t-token&x=1", ["s3cr3t-token"]);
    if (text.includes("s3cr3t-token")) throw new Error("redact: " + text);`,
  "@efapiao/nuonuo": `
    import { signNuonuo } from "@efapiao/nuonuo";
    // python3: base64(hmac-sha1(b"app-secret-1", b'a=services&l=v1&p=open&k=K1&i=S1&n=87654321&t=1779000000&f={"goodsName":"燕麦"}'))
    const parts = { appKey: "K1", senid: "S1", nonce: "87654321", timestamp: "1779000000", body: '{"goodsName":"燕麦"}' };
    if (signNuonuo("app-secret-1", parts) !== "Nm5y90kihIMEXuyI8HfxsofPVN8=") throw new Error("signNuonuo");`,
  "@efapiao/baiwang": `
    import { signBaiwang } from "@efapiao/baiwang";
    // python3: hashlib.md5(b"Sm{}S").hexdigest().upper()
    if (signBaiwang("S", {}, "m{}") !== "9A5B1420A5991B76E722957BE0099B8C") throw new Error("signBaiwang");`,
  "@efapiao/leqi": `
    import { sm4Decrypt, sm4EncryptBlock, sm4Encrypt } from "@efapiao/leqi";
    // GB/T 32907 (SM4) test vector: key = plaintext = 0123456789abcdeffedcba9876543210
    const key = "0123456789abcdeffedcba9876543210";
    if (sm4EncryptBlock(key, key) !== "681edf34d206965e86b3e94f536e4246") throw new Error("sm4EncryptBlock");
    const back = sm4Decrypt(key, sm4Encrypt(key, '{"fphm":"1"}'));
    if (!back.ok || back.text !== '{"fphm":"1"}') throw new Error("sm4 round trip");`,
  "@efapiao/ofd": `
    import { readFileSync } from "node:fs";
    import { readOfd } from "@efapiao/ofd";
    const read = readOfd(readFileSync(${JSON.stringify(join(shared, "samples/ofd/sdp-einvoice-customtags.ofd"))}));
    // The printed fapiao: number 24112000000048542163, 4197.17 + 251.83 = 4449.00
    if (!read.ok || read.value.invoice.number !== "24112000000048542163" || read.value.invoice.totals.total !== "4449.00")
      throw new Error("readOfd");`,
  "@efapiao/receiving": `
    import { readFileSync } from "node:fs";
    import { readReceived } from "@efapiao/receiving";
    const read = readReceived(readFileSync(${JSON.stringify(join(shared, "samples/ofd/sdp-einvoice-customtags.ofd"))}));
    if (!read.ok || read.value.format !== "ofd" || read.value.invoice.totals.tax !== "251.83") throw new Error("readReceived");`,
  "@efapiao/issuing": `
    import { readFileSync } from "node:fs";
    import { buildInvoiceFromJson } from "@efapiao/calc";
    import { planReversal } from "@efapiao/issuing";
    import { builtinCodeTable } from "@efapiao/tables";
    const blue = buildInvoiceFromJson(JSON.parse(readFileSync("sale.json", "utf8")), { codes: builtinCodeTable() });
    // 530.00 including 6% tax reverses 500.00 + 30.00
    const plan = planReversal(blue.value, { kind: "amount", amount: "530.00" }, [], "2026-05-20");
    if (!plan.ok || plan.value.invoice.totals.total !== "-530.00" || plan.value.invoice.totals.tax !== "-30.00")
      throw new Error("planReversal: " + JSON.stringify(plan));`,
  "@efapiao/sandbox": `
    import { createSandbox } from "@efapiao/sandbox";
    const sandbox = await createSandbox();
    try {
      const listed = await (await fetch(sandbox.url + "/sandbox/invoices")).json();
      if (!Array.isArray(listed) || listed.length !== 0) throw new Error("sandbox invoices");
    } finally {
      await sandbox.close();
    }`,
  // The CLI is tried with npx by release-check.sh; here its library entry.
  efapiao: `
    import * as cli from "efapiao";
    if (Object.keys(cli).length === 0) throw new Error("efapiao exports nothing");`,
};

const installed = JSON.parse(readFileSync(join(project, "package.json"), "utf8")).dependencies ?? {};
const missing = Object.keys(installed).filter((name) => !(name in examples));
if (missing.length > 0) {
  console.error(`no release-check example for ${missing.join(", ")} (scripts/release/examples.mjs)`);
  process.exit(1);
}

const run = (file, code) => {
  writeFileSync(join(project, file), code);
  execFileSync(process.execPath, [file], { cwd: project, stdio: "inherit" });
};
for (const name of Object.keys(installed).sort()) {
  run(`example-${name.replace(/\W+/g, "-")}.mjs`, examples[name]);
  console.log(`  import ${name}: ok`);
}
// require() of an ESM-only package (Node ≥ 20.19 loads it synchronously through the `default` condition).
run(
  "example-require.cjs",
  `const { amountInWords } = require("@efapiao/calc");
   if (amountInWords("1000.05") !== "壹仟圆零伍分") throw new Error("require(@efapiao/calc)");`,
);
console.log("  require @efapiao/calc: ok");
