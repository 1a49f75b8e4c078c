import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMoney,
  cents,
  cstDateTime,
  cstIso,
  jsonAnswer,
  jsonNumber,
  jsonNumberText,
  mask,
  moneyText,
  parseCstDateTime,
  readCredentials,
  readableJson,
  readJson,
  redact,
  redactValue,
  rejection,
  meaning,
  send,
  stringifyJson,
  subtractMoney,
  toMoney,
  TokenCache,
  trimDecimal,
  withPlain,
  withQuery,
} from "./index.js";

describe("money text through cents", () => {
  it("adds and subtracts exactly (worked by hand)", () => {
    expect(addMoney("5.00", "0.65")).toBe("5.65");
    expect(addMoney("0.10", "0.20")).toBe("0.30"); // 0.1 + 0.2 as numbers is 0.30000000000000004
    expect(addMoney("-2.00", "-0.20")).toBe("-2.20");
    expect(subtractMoney("0.65", "5.65")).toBe("-5.00");
    expect(addMoney("99999999999999999.99", "0.01")).toBe("100000000000000000.00");
    expect(moneyText(-5n)).toBe("-0.05");
    expect(cents("-0.05")).toBe(-5n);
  });
  it("the short fast path adds exactly as cents do (property)", () => {
    const short = fc.bigInt({ min: -(10n ** 14n) + 1n, max: 10n ** 14n - 1n }).map(moneyText);
    fc.assert(fc.property(short, short, (a, b) => addMoney(a, b) === moneyText(cents(a) + cents(b))));
  });
  it("refuses text that is not money", () => {
    expect(() => cents("1.5")).toThrow(RangeError);
  });
  it("cents and text are inverse (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (n) => cents(moneyText(n)) === n),
    );
  });
  it("reads provider decimals as money when they have at most two decimals", () => {
    expect(toMoney("2")).toBe("2.00");
    expect(toMoney("0.2")).toBe("0.20");
    expect(toMoney("-0.650")).toBe("-0.65");
    expect(toMoney("-0")).toBe("0.00");
    expect(toMoney("2.005")).toBeUndefined();
    expect(toMoney("abc")).toBeUndefined();
  });
  it("trims decimals", () => {
    expect(trimDecimal("0.300000000000000000")).toBe("0.3");
    expect(trimDecimal("2.000000000000000000")).toBe("2");
    expect(trimDecimal("100")).toBe("100");
    expect(trimDecimal("-0.0")).toBe("0");
  });
});

describe("JSON with exact numbers", () => {
  it("writes marked decimals as literals and otherwise matches JSON.stringify", () => {
    expect(
      stringifyJson({ a: jsonNumber("2.00"), b: "燕麦", c: [jsonNumber("-0.10"), 1, null], d: undefined }),
    ).toBe('{"a":2.00,"b":"燕麦","c":[-0.10,1,null]}');
    const plain = { s: 'q"\\\n', n: 1.5, t: true, list: [{ x: "y" }] };
    expect(stringifyJson(plain)).toBe(JSON.stringify(plain));
    // Text that looks like a placeholder but lacks the per-process token stays text.
    const lookalike = { s: "\uE000abc:1.5\uE001" };
    expect(stringifyJson(lookalike)).toBe(JSON.stringify(lookalike));
    expect(readableJson({ a: jsonNumber("2.00") })).toEqual({ a: 2 });
    expect(stringifyJson({ a: [jsonNumber("2.00")] }, 2)).toBe('{\n  "a": [\n    2.00\n  ]\n}');
    expect(jsonNumberText(jsonNumber("-0.10"))).toBe("-0.10");
    expect(jsonNumberText("2.00")).toBeUndefined();
  });
  it("drops the marks wherever they stand: alone, side by side, first and last", () => {
    expect(stringifyJson(jsonNumber("3.5"))).toBe("3.5");
    expect(stringifyJson([jsonNumber("1"), jsonNumber("2.50")])).toBe("[1,2.50]");
    expect(stringifyJson({ a: jsonNumber("0"), b: "x", c: jsonNumber("-7.0") })).toBe(
      '{"a":0,"b":"x","c":-7.0}',
    );
  });
  it("shows a prepared request's plain object when read and when written as JSON", () => {
    const wire = { amount: jsonNumber("2.00") };
    const request = withPlain(
      { provider: "p", service: "s", method: "POST", url: "u", headers: {}, body: '{"amount":2.00}' },
      wire,
    );
    expect(request.plain).toEqual({ amount: 2 });
    expect(JSON.parse(JSON.stringify(request))).toEqual({
      provider: "p",
      service: "s",
      method: "POST",
      url: "u",
      headers: {},
      body: '{"amount":2.00}',
      plain: { amount: 2 },
    });
  });
  it("refuses text that is no number literal", () => {
    for (const bad of ["1e5", "01", "abc", "1.", "-"])
      expect(() => stringifyJson([jsonNumber(bad)])).toThrow(RangeError);
  });
});

describe("UTC+8 times", () => {
  it("formats and parses independent of the machine's zone", () => {
    expect(cstDateTime(new Date("2022-01-13T04:30:00Z"))).toBe("2022-01-13 12:30:00");
    expect(cstDateTime(new Date("2026-05-20T16:00:00Z"))).toBe("2026-05-21 00:00:00");
    // Odoo fixture invoiceTime 1790121600000 ms; python: datetime.fromtimestamp(1790121600, timezone(timedelta(hours=8)))
    expect(cstIso(new Date(1790121600000))).toBe("2026-09-23T08:00:00+08:00");
    expect(parseCstDateTime("20260521152632")?.toISOString()).toBe("2026-05-21T07:26:32.000Z");
    expect(parseCstDateTime("2026-05-21 15:26:32")?.toISOString()).toBe("2026-05-21T07:26:32.000Z");
    expect(parseCstDateTime("2026-02-30")).toBeUndefined();
  });
});

describe("reading answers", () => {
  it("classifies HTML, truncated, plain text and empty bodies", () => {
    const html = readJson("nuonuo", "<html><body>502 Bad Gateway</body></html>", 502);
    expect(html.ok === false && html.diagnostic.rule).toBe("PROVIDER_ANSWER_HTML");
    const cut = readJson("nuonuo", '{"code":"E0000","result":{"invoiceSe', 200);
    expect(cut.ok === false && cut.diagnostic.rule).toBe("PROVIDER_ANSWER_TRUNCATED");
    const text = readJson("nuonuo", "Service Unavailable", 503);
    expect(text.ok === false && text.diagnostic.rule).toBe("PROVIDER_ANSWER_NOT_JSON");
    const empty = readJson("nuonuo", "  ", 200);
    expect(empty.ok === false && empty.diagnostic.rule).toBe("PROVIDER_ANSWER_EMPTY");
    expect(readJson("nuonuo", '{"a":1}', 200)).toEqual({ ok: true, value: { a: 1 } });
  });
  it("an unreadable answer is unknown, and the excerpt carries no secret", () => {
    const outcome = jsonAnswer(
      "nuonuo",
      { ok: true, status: 500, text: "<html>token tk-SECRET-1 invalid</html>", contentType: "text/html" },
      ["tk-SECRET-1"],
    );
    expect(outcome.status).toBe("unknown");
    expect(JSON.stringify(outcome)).not.toContain("tk-SECRET-1");
    expect(jsonAnswer("x", { ok: true, status: 200, text: "[1]", contentType: "" }).status).toBe("unknown");
  });
});

describe("send", () => {
  const request = {
    method: "POST" as const,
    url: "https://p.example/api?token=tk-SECRET-1",
    headers: {},
    body: "{}",
  };
  it("returns status and text from the injected fetch", async () => {
    const answer = await send("x", request, {
      fetch: async (url, init) => {
        expect(url).toBe(request.url);
        expect(init.body).toBe("{}");
        return new Response('{"ok":true}', { status: 201, headers: { "content-type": "application/json" } });
      },
    });
    expect(answer).toEqual({ ok: true, status: 201, text: '{"ok":true}', contentType: "application/json" });
  });
  it("a timeout is a value naming the time, without the query (which may hold a token)", async () => {
    const never = (_: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    const answer = await send("x", request, { fetch: never, timeoutMs: 20 });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.diagnostic.rule).toBe("PROVIDER_TRANSPORT_TIMEOUT");
    expect(answer.diagnostic.messageEn).toContain("20 ms");
    expect(JSON.stringify(answer)).not.toContain("tk-SECRET-1");
  });
  it("a refused connection is a value", async () => {
    const answer = await send("x", request, {
      fetch: async () => {
        throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
      },
    });
    expect(answer.ok === false && answer.diagnostic.rule).toBe("PROVIDER_TRANSPORT_FAILED");
    expect(answer.ok === false && answer.diagnostic.messageEn).toContain("ECONNREFUSED");
  });
  it("cancellation by the caller is a value", async () => {
    const controller = new AbortController();
    const pending = send("x", request, {
      signal: controller.signal,
      fetch: (_u, init) =>
        new Promise<Response>((_r, reject) =>
          init.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
        ),
    });
    controller.abort();
    const answer = await pending;
    expect(answer.ok === false && answer.diagnostic.rule).toBe("PROVIDER_TRANSPORT_ABORTED");
  });
  it("query parameters are encoded in order", () => {
    expect(
      withQuery("https://x/s", [
        ["a", "1 2"],
        ["b", "/"],
      ]),
    ).toBe("https://x/s?a=1%202&b=%2F");
  });
});

describe("redaction", () => {
  it("masks every occurrence, plain or URL-encoded, and shows nothing of the secret", () => {
    const secret = "a+b/c=SECRETVALUE";
    const text = `x ${secret} y ${encodeURIComponent(secret)}`;
    const out = redact(text, [secret, undefined]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).toBe(`x ${mask(secret)} y ${mask(secret)}`);
    expect(redactValue({ h: [{ t: secret }] }, [secret])).toEqual({ h: [{ t: mask(secret) }] });
  });
});

describe("token cache", () => {
  it("refreshes before expiry and shares one refresh between callers", async () => {
    let now = 0;
    let fetched = 0;
    const cache = new TokenCache(
      async () => {
        fetched++;
        return { ok: true as const, token: { value: `t${fetched}`, expiresAt: now + 8 * 3600_000 } };
      },
      { now: () => now, marginMs: 60_000 },
    );
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(fetched).toBe(1);
    expect(a.ok && a.token.value).toBe("t1");
    expect(b.ok && b.token.value).toBe("t1");
    now = 8 * 3600_000 - 60_001; // just more than the margin left
    expect((await cache.get()).ok && fetched).toBe(1);
    now = 8 * 3600_000 - 59_999; // within the margin: refresh
    const c = await cache.get();
    expect(c.ok && c.token.value).toBe("t2");
    cache.invalidate();
    await cache.get();
    expect(fetched).toBe(3);
  });
  it("a failed fetch is returned, not cached", async () => {
    let calls = 0;
    const cache = new TokenCache(async () => {
      calls++;
      return { ok: false as const, failure: "bad" };
    });
    expect(await cache.get()).toEqual({ ok: false, failure: "bad" });
    await cache.get();
    expect(calls).toBe(2);
  });
});

describe("codes and credentials", () => {
  const table = { E9106: meaning("duplicate", false, "请求号已用过", "The request key was used before") };
  it("maps a published code and keeps an unknown one raw", () => {
    const known = rejection("nuonuo", table, "E9106", "订单编号或流水号不能重复");
    expect(known.reason).toBe("duplicate");
    expect(known.diagnostics[0]).toMatchObject({
      rule: "NUONUO_E9106",
      providerCode: "E9106",
      providerMessage: "订单编号或流水号不能重复",
    });
    const unknown = rejection("nuonuo", table, "E7777", "新错误");
    expect(unknown).toMatchObject({ reason: "refused", retryable: false });
    expect(unknown.diagnostics[0]).toMatchObject({
      rule: "NUONUO_UNKNOWN_CODE",
      providerCode: "E7777",
      providerMessage: "新错误",
    });
  });
  it("names each missing credentials field and never echoes values", () => {
    const result = readCredentials(
      "nuonuo",
      { appKey: "K-secret-1", appSecret: "" },
      ["appKey", "appSecret", "accessToken"],
      ["senid"],
    );
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.path)).toEqual(["appSecret", "accessToken"]);
    expect(JSON.stringify(result)).not.toContain("K-secret-1");
    expect(readCredentials("x", [], ["a"], []).diagnostics[0]?.rule).toBe("CREDENTIALS_NOT_OBJECT");
  });
});

describe("derived request keys", () => {
  it("depend on the content only, ignore a requestKey field, and are valid keys", async () => {
    const { deriveRequestKey } = await import("./request-key.js");
    const { isRequestKey } = await import("@efapiao/provider");
    const invoice = { kind: "general", lines: [{ amount: "1.00" }] } as never;
    const key = deriveRequestKey(invoice);
    expect(isRequestKey(key)).toBe(true);
    expect(key).toHaveLength(36);
    expect(deriveRequestKey({ ...(invoice as object), requestKey: "X" } as never)).toBe(key);
    expect(deriveRequestKey({ kind: "general", lines: [{ amount: "1.01" }] } as never)).not.toBe(key);
    // python3: hashlib.sha256(b'{"kind":"general","lines":[{"amount":"1.00"}]}').hexdigest()[:32]
    expect(key).toBe("efp-1fef5a01a08ada389e4674adb714cca7");
  });
});

describe("number literals, checked when marked", () => {
  it("accepts exactly -?(0|[1-9]\\d*)(\\.\\d+)? (JSON's grammar without exponent)", () => {
    for (const good of ["0", "-0", "7", "10", "0.5", "-12.340", "123456789012345678.90"])
      expect(stringifyJson([jsonNumber(good)])).toBe(`[${good}]`);
    for (const bad of ["", "-", "00", "-01", ".5", "5.", "1e5", "1.2.3", "+1", " 1", "1 ", "0x10", "１"])
      expect(() => stringifyJson([jsonNumber(bad)])).toThrow(RangeError);
  });
});
