import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nuonuoSignatureBase, signNuonuo, verifyNuonuoSignature } from "./sign.js";

const fixtures = JSON.parse(
  readFileSync(
    new URL("../../../../../shared/samples/providers/nuonuo-odoo-test-fixtures.json", import.meta.url),
    "utf8",
  ),
);

describe("X-Nuonuo-Sign", () => {
  it("matches the published test vector (Odoo's tests)", () => {
    const v = fixtures["signature.testVector"];
    const parts = {
      appKey: v.app_key,
      senid: v.senid,
      nonce: v.nonce,
      timestamp: v.timestamp,
      body: v.content,
    };
    expect(signNuonuo(v.app_secret, parts)).toBe(v["X-Nuonuo-Sign"]);
    expect(verifyNuonuoSignature(v.app_secret, parts, v["X-Nuonuo-Sign"])).toBe(true);
    expect(verifyNuonuoSignature("OTHER", parts, v["X-Nuonuo-Sign"])).toBe(false);
    expect(verifyNuonuoSignature(v.app_secret, { ...parts, body: '{"a":2}' }, v["X-Nuonuo-Sign"])).toBe(
      false,
    );
  });
  it("signs UTF-8 bodies: vector computed with python3 hmac/hashlib", () => {
    // python3 -c "import hmac,hashlib,base64; m='a=services&l=v1&p=open&k=K1&i=S1&n=87654321&t=1779000000&f={\"goodsName\":\"燕麦\"}';
    //   print(base64.b64encode(hmac.new(b'app-secret-1', m.encode(), hashlib.sha1).digest()).decode())"
    const parts = {
      appKey: "K1",
      senid: "S1",
      nonce: "87654321",
      timestamp: "1779000000",
      body: '{"goodsName":"燕麦"}',
    };
    expect(nuonuoSignatureBase(parts)).toBe(
      'a=services&l=v1&p=open&k=K1&i=S1&n=87654321&t=1779000000&f={"goodsName":"燕麦"}',
    );
    expect(signNuonuo("app-secret-1", parts)).toBe("Nm5y90kihIMEXuyI8HfxsofPVN8=");
  });
});
