import { jsonNumber } from "@efapiao/provider-utils";
import { describe, expect, it } from "vitest";
import { prepareBaiwangRequest } from "./client.js";
import { baiwangSignatureBase, signBaiwang, verifyBaiwangSignature } from "./sign.js";

describe("百望 sign (MD5)", () => {
  // Expected values from python3 hashlib (run outside this code):
  //   t = secret + ''.join(k + params[k] for k in sorted(params) if params[k].strip() != '' and k != 'sign') + body + secret
  //   hashlib.md5(t.encode()).hexdigest().upper()
  const params = {
    method: "baiwang.output.invoice.issue",
    version: "6.0",
    appKey: "10001234",
    format: "json",
    timestamp: "1779000000000",
    token: "tok-abc",
    type: "sync",
    requestId: "req-1",
    empty: "",
  };
  const body = '{"taxNo":"DB20240220YHCS1009","data":{"goodsName":"燕麦","goodsTotalPrice":2.00}}';

  it("builds the signed text: sorted name+value pairs, empty values skipped, body, secret", () => {
    expect(baiwangSignatureBase("bw-secret-9", params, body)).toBe(
      `bw-secret-9appKey10001234formatjsonmethodbaiwang.output.invoice.issuerequestIdreq-1timestamp1779000000000tokentok-abctypesyncversion6.0${body}bw-secret-9`,
    );
  });
  it("matches the python3 hashlib vector", () => {
    expect(signBaiwang("bw-secret-9", params, body)).toBe("33FCC33FAEA431FCE79BCB2A960F8EFF");
    // no parameters: echo -n 'Sm{}S' | md5sum → 9a5b1420a5991b76e722957be0099b8c
    expect(signBaiwang("S", {}, "m{}")).toBe("9A5B1420A5991B76E722957BE0099B8C");
  });
  it("ignores a sign parameter and verifies case-insensitively", () => {
    const sign = signBaiwang("bw-secret-9", params, body);
    expect(signBaiwang("bw-secret-9", { ...params, sign }, body)).toBe(sign);
    expect(verifyBaiwangSignature("bw-secret-9", { ...params, sign }, body, sign.toLowerCase())).toBe(true);
    expect(verifyBaiwangSignature("bw-secret-9", params, `${body} `, sign)).toBe(false);
  });
  it("signs a prepared request's URL with the same python3 vector (parameters written in name order)", () => {
    const prepared = prepareBaiwangRequest(
      { appKey: "10001234", appSecret: "bw-secret-9", token: "tok-abc" },
      "baiwang.output.invoice.issue",
      { taxNo: "DB20240220YHCS1009", data: { goodsName: "燕麦", goodsTotalPrice: jsonNumber("2.00") } },
      "tok-abc",
      { timestamp: "1779000000000", requestId: "req-1" },
    );
    expect(prepared.body).toBe(body);
    const url = new URL(prepared.url);
    expect([...url.searchParams.keys()]).toEqual([
      "appKey",
      "format",
      "method",
      "requestId",
      "timestamp",
      "token",
      "type",
      "version",
      "sign",
    ]);
    expect(url.searchParams.get("sign")).toBe("33FCC33FAEA431FCE79BCB2A960F8EFF");
  });
});
