import { readFileSync } from "node:fs";
import type { Invoice } from "@efapiao/model";
import { describe, expect, it } from "vitest";
import { createBaiwang, grantPassword, prepareBaiwangIssue, readBaiwangCredentials } from "./client.js";
import { verifyBaiwangSignature } from "./sign.js";

const issued = readFileSync(
  new URL("../../../../../shared/samples/providers/baiwang-invoice-issue.response.txt", import.meta.url),
  "utf8",
);
const credentials = {
  appKey: "10001234",
  appSecret: "bw-secret-SHOULD-NOT-LEAK",
  username: "admin",
  password: "password-SHOULD-NOT-LEAK",
  salt: "salt-1",
  url: "http://sandbox.test",
};
const invoice: Invoice = {
  kind: "general",
  kindCode: "02",
  issueDate: "2026-05-21",
  seller: { name: "Seller Company", taxId: "DB20240220YHCS1009" },
  buyer: { name: "Buyer Co", taxId: "91110108MA01KPGP0L", naturalPerson: false },
  lines: [
    {
      index: 1,
      nature: "normal",
      itemName: "*谷物*燕麦",
      name: "燕麦",
      shortName: "谷物",
      code: "1010101070000000000",
      amount: "2.00",
      taxRate: "0.1",
      tax: "0.20",
      policy: null,
    },
  ],
  totals: { amount: "2.00", tax: "0.20", total: "2.20", totalInWords: "贰圆贰角" },
};

function platform(answer: (method: string) => string) {
  const tokensIssued: string[] = [];
  const calls: { method: string; token: string }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const params = Object.fromEntries(new URL(url).searchParams);
    if (params.method === "baiwang.oauth.token") {
      expect(params.password).toBe(grantPassword(credentials.password, credentials.salt));
      const token = `token-SHOULD-NOT-LEAK-${tokensIssued.length + 1}`;
      tokensIssued.push(token);
      return new Response(
        JSON.stringify({ success: true, response: { access_token: token, expires_in: 28800 } }),
      );
    }
    const body = String(init.body);
    if (!verifyBaiwangSignature(credentials.appSecret, params, body, params.sign ?? "")) {
      return new Response(
        JSON.stringify({ success: false, errorResponse: { code: 100007, message: "签名错误" } }),
      );
    }
    calls.push({ method: params.method ?? "", token: params.token ?? "" });
    return new Response(answer(params.method ?? ""));
  };
  return { fetch, tokensIssued, calls };
}

describe("百望 provider over an injected fetch", () => {
  it("fetches a token once, signs every call, and refreshes the token before it expires", async () => {
    let now = 1_779_000_000_000;
    const { fetch, tokensIssued, calls } = platform(() => issued);
    const baiwang = createBaiwang({ credentials, sellerTaxId: invoice.seller.taxId, fetch, now: () => now });
    const first = await baiwang.issue({ requestKey: "SO-1", invoice });
    expect(first).toMatchObject({ status: "issued", number: "24442000000071309399" });
    await baiwang.issue({ requestKey: "SO-2", invoice });
    expect(tokensIssued).toHaveLength(1);
    now += 8 * 3600_000 - 11 * 60_000; // 11 minutes left: still good
    await baiwang.issue({ requestKey: "SO-3", invoice });
    expect(tokensIssued).toHaveLength(1);
    now += 2 * 60_000; // 9 minutes left: within the 10-minute margin
    await baiwang.issue({ requestKey: "SO-4", invoice });
    expect(tokensIssued).toHaveLength(2);
    expect(calls.map((c) => c.token)).toEqual([
      tokensIssued[0],
      tokensIssued[0],
      tokensIssued[0],
      tokensIssued[1],
    ]);
  });

  it("bad answers are unknown; no secret, token or password reaches an outcome", async () => {
    for (const text of ["<html>gateway</html>", '{"success":true,"resp', "oops"]) {
      const { fetch } = platform(() => text);
      const outcome = await createBaiwang({ credentials, sellerTaxId: "x", fetch }).issue({
        requestKey: "SO-1",
        invoice,
      });
      expect(outcome.status).toBe("unknown");
    }
    const { fetch } = platform(
      () => `<html>token-SHOULD-NOT-LEAK-1 ${credentials.appSecret} ${credentials.password}</html>`,
    );
    const outcome = await createBaiwang({ credentials, sellerTaxId: "x", fetch }).issue({
      requestKey: "SO-1",
      invoice,
    });
    expect(JSON.stringify(outcome)).not.toMatch(/SHOULD-NOT-LEAK/);
  });

  it("a refused token grant is an outcome with 百望's code", async () => {
    const fetch = async () =>
      new Response(JSON.stringify({ success: false, errorResponse: { code: 100007, message: "签名错误" } }));
    const outcome = await createBaiwang({ credentials, sellerTaxId: "x", fetch }).issue({
      requestKey: "SO-1",
      invoice,
    });
    expect(outcome).toMatchObject({ status: "rejected", reason: "credentials" });
  });

  it("prepares reproducible requests, the sign covering the exact body", () => {
    const fixed = { timestamp: "1779000000000", requestId: "req-1" };
    const a = prepareBaiwangIssue({ ...credentials, token: "tok" }, { requestKey: "SO-1", invoice }, fixed);
    const b = prepareBaiwangIssue({ ...credentials, token: "tok" }, { requestKey: "SO-1", invoice }, fixed);
    expect(a).toEqual(b);
    if (!a.ok) return;
    const params = Object.fromEntries(new URL(a.value.url).searchParams);
    expect(verifyBaiwangSignature(credentials.appSecret, params, a.value.body, params.sign ?? "")).toBe(true);
  });

  it("credentials: token or the password grant; a missing field is named", () => {
    expect(readBaiwangCredentials({ appKey: "k", appSecret: "s" }).diagnostics.map((d) => d.path)).toEqual([
      "token",
    ]);
    expect(
      readBaiwangCredentials({ appKey: "k", appSecret: "s", username: "u" }).diagnostics.map((d) => d.path),
    ).toEqual(["token"]);
    expect(readBaiwangCredentials({ appKey: "k", appSecret: "s", username: "u", password: "p" }).ok).toBe(
      true,
    );
  });
});

describe("password grant digest", () => {
  it("is sha1(md5(password + salt)) in hex: python3 hashlib vector", () => {
    // python3 -c "import hashlib; print(hashlib.sha1(hashlib.md5(b'password-1salt-1').hexdigest().encode()).hexdigest())"
    expect(grantPassword("password-1", "salt-1")).toBe("fac912f6bfebca49f84b15869f6dd421c6f26ffb");
  });
});
