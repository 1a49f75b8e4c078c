import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verifyBaiwangSignature } from "@efapiao/baiwang";
import { sm4Decrypt } from "@efapiao/leqi";
import { verifyNuonuoSignature } from "@efapiao/nuonuo";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./fake-io.js";

const SALE = join(repoRoot, "examples/sale.json");
const dir = mkdtempSync(join(tmpdir(), "efapiao-payload-"));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
};
const SECRETS = {
  appSecret: "app-secret-NEVER-PRINTED",
  accessToken: "access-token-PRINTED-ONLY-AS-HEADER",
  sm4Key: "00112233445566778899aabbccddeeff",
};
const NUONUO = file("nuonuo.json", {
  appKey: "APPKEY-1",
  appSecret: SECRETS.appSecret,
  accessToken: SECRETS.accessToken,
});
const BAIWANG = file("baiwang.json", { appKey: "10001234", appSecret: SECRETS.appSecret, token: "tok-1" });
const LEQI = file("leqi.json", {
  sm4Key: SECRETS.sm4Key,
  jrdwptbh: "P0001",
  sydwptbh: "P0002",
  nlbm: "NL01",
  numbers: ["26312000000012345678"],
});
const FIXED = ["--nonce", "12345678", "--timestamp", "1779000000", "--request-key", "SO-1001"];

describe("efapiao payload", () => {
  it("nuonuo: reproducible byte for byte, signed over the exact body", async () => {
    const first = await runCli(["payload", SALE, "--provider", "nuonuo", "--credentials", NUONUO, ...FIXED]);
    const second = await runCli(["payload", SALE, "--provider", "nuonuo", "--credentials", NUONUO, ...FIXED]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const out = first.json();
    expect(Object.keys(out)).toEqual(["provider", "service", "method", "url", "headers", "body", "plain"]);
    expect(out).toMatchObject({
      provider: "nuonuo",
      service: "nuonuo.OpeMplatform.requestBillingNew",
      method: "POST",
    });
    const query = new URL(out.url).searchParams;
    expect([query.get("nonce"), query.get("timestamp"), query.get("appkey")]).toEqual([
      "12345678",
      "1779000000",
      "APPKEY-1",
    ]);
    const parts = {
      appKey: "APPKEY-1",
      senid: query.get("senid")!,
      nonce: "12345678",
      timestamp: "1779000000",
      body: out.body,
    };
    expect(verifyNuonuoSignature(SECRETS.appSecret, parts, out.headers["X-Nuonuo-Sign"])).toBe(true);
    expect(JSON.parse(out.body)).toEqual(out.plain);
    expect(out.plain.order.orderNo).toBe("SO-1001");
    expect(out.headers.accessToken).toBe(SECRETS.accessToken); // the contract prints the headers as sent
    expect(first.stdout + first.stderr).not.toContain(SECRETS.appSecret);
  });

  it("baiwang: the sign parameter verifies over the body; money as exact literals", async () => {
    const run = await runCli(["payload", SALE, "--provider", "baiwang", "--credentials", BAIWANG, ...FIXED]);
    expect(run.code).toBe(0);
    const out = run.json();
    const params = Object.fromEntries(new URL(out.url).searchParams);
    expect(params).toMatchObject({
      timestamp: "1779000000000",
      requestId: "12345678",
      method: "baiwang.output.invoice.issue",
    });
    expect(verifyBaiwangSignature(SECRETS.appSecret, params, out.body, params.sign!)).toBe(true);
    expect(out.body).toContain('"invoiceTotalPrice":100000.00');
    expect(run.stdout + run.stderr).not.toContain(SECRETS.appSecret);
  });

  it("leqi: the body is the SM4 ciphertext of the plain array; the key is never printed", async () => {
    const run = await runCli(["payload", SALE, "--provider", "leqi", "--credentials", LEQI, ...FIXED]);
    expect(run.code).toBe(0);
    const out = run.json();
    expect(out.url).toBe("https://lqpt.chinatax.gov.cn:8443/access/v2/invoke/NL01/QDFPSC");
    const plain = sm4Decrypt(SECRETS.sm4Key, out.body);
    expect(plain.ok && JSON.parse(plain.text)).toEqual(out.plain);
    expect(out.plain[0]).toMatchObject({
      fphm: "26312000000012345678",
      xsfmc: "上海示例科技有限公司",
      kprq: "2026-05-18 14:40:00",
    });
    expect(run.stdout + run.stderr).not.toContain(SECRETS.sm4Key);
  });

  it("the document's own requestKey is used, else one derived from the content", async () => {
    const keyed = file("keyed.json", {
      ...JSON.parse((await import("node:fs")).readFileSync(SALE, "utf8")),
      requestKey: "ORDER-77",
    });
    const run = await runCli(["payload", keyed, "--provider", "nuonuo", "--credentials", NUONUO]);
    expect(run.json().plain.order.orderNo).toBe("ORDER-77");
    const derived = await runCli(["payload", SALE, "--provider", "nuonuo", "--credentials", NUONUO]);
    expect(derived.json().plain.order.orderNo).toMatch(/^efp-[0-9a-f]{32}$/);
  });

  it("credentials missing a field: exit 2 naming it, no secret echoed", async () => {
    const partial = file("partial.json", { appKey: "APPKEY-1", appSecret: SECRETS.appSecret });
    const run = await runCli(["payload", SALE, "--provider", "nuonuo", "--credentials", partial]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("accessToken");
    expect(run.stdout + run.stderr).not.toContain(SECRETS.appSecret);
    const leqi = await runCli([
      "payload",
      SALE,
      "--provider",
      "leqi",
      "--credentials",
      file("l.json", { sm4Key: "x" }),
    ]);
    expect(leqi.code).toBe(2);
    for (const name of ["jrdwptbh", "sydwptbh", "nlbm", "sm4Key"]) expect(leqi.stderr).toContain(name);
    const baiwang = await runCli([
      "payload",
      SALE,
      "--provider",
      "baiwang",
      "--credentials",
      file("b.json", { appKey: "k", appSecret: "s" }),
    ]);
    expect(baiwang.code).toBe(2);
    expect(baiwang.stderr).toContain("token");
    const notJson = await runCli([
      "payload",
      SALE,
      "--provider",
      "baiwang",
      "--credentials",
      file("n.json", "{oops"),
    ]);
    expect(notJson.code).toBe(2);
  });

  it("usage errors exit 2; a rejected document exits 1 with diagnostics", async () => {
    expect((await runCli(["payload", SALE, "--credentials", NUONUO])).code).toBe(2);
    expect((await runCli(["payload", SALE, "--provider", "nuonuo"])).code).toBe(2);
    expect(
      (
        await runCli([
          "payload",
          SALE,
          "--provider",
          "nuonuo",
          "--credentials",
          NUONUO,
          "--request-key",
          "订单",
        ])
      ).code,
    ).toBe(2);
    const bad = await runCli([
      "payload",
      file("bad-sale.json", { kind: "special" }),
      "--provider",
      "nuonuo",
      "--credentials",
      NUONUO,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.json().valid).toBe(false);
  });
});

describe("efapiao convert to and from provider requests", () => {
  it("--to nuonuo|baiwang|leqi prints the plain request, the same object payload sends", async () => {
    for (const [provider, credentials] of [
      ["nuonuo", NUONUO],
      ["baiwang", BAIWANG],
    ] as const) {
      const plain = await runCli(["convert", SALE, "--to", provider]);
      const sent = await runCli(["payload", SALE, "--provider", provider, "--credentials", credentials]);
      expect(plain.code).toBe(0);
      expect(plain.json()).toEqual(sent.json().plain);
    }
    const baiwang = await runCli(["convert", SALE, "--to", "baiwang"]);
    expect(baiwang.stdout).toContain('"invoiceTotalPrice": 100000.00');
    expect(baiwang.stdout).not.toMatch(/[\uE000-\uF8FF]/); // no placeholder leaks
    const leqi = await runCli(["convert", SALE, "--to", "leqi", "--number", "26312000000012345678"]);
    expect(leqi.json()[0]).toMatchObject({ fphm: "26312000000012345678", fppz: "01" });
  });

  it("reads a provider request back to the canonical invoice", async () => {
    const built = (await runCli(["build", SALE])).json();
    for (const provider of ["nuonuo", "leqi"]) {
      const request = file(
        `${provider}-request.json`,
        (await runCli(["convert", SALE, "--to", provider])).json(),
      );
      const back = await runCli(["convert", request, "--to", "canonical"]);
      expect(back.code).toBe(0);
      const invoice = back.json();
      expect(invoice.lines).toEqual(built.lines);
      expect(invoice.totals).toEqual(built.totals);
    }
  });
});
