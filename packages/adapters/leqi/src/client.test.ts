import type { Invoice } from "@efapiao/model";
import { describe, expect, it } from "vitest";
import { buildLeqiAnswer } from "./answers.js";
import { createLeqi, memoryLeqiState, readLeqiCredentials } from "./client.js";
import { sm4Decrypt } from "./sm4.js";

const KEY = "00112233445566778899aabbccddeeff";
const credentials = {
  sm4Key: KEY,
  jrdwptbh: "P0001",
  sydwptbh: "P0002",
  nlbm: "NL01",
  url: "http://sandbox.test",
};
const invoice: Invoice = {
  kind: "general",
  kindCode: "02",
  issueDate: "2026-05-21",
  seller: { name: "Seller Company", taxId: "91310115MA1K3XYZ7A" },
  buyer: { name: "张三", naturalPerson: true },
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

describe("乐企 provider over an injected fetch", () => {
  it("uploads under a pre-assigned number, remembers the acceptance, then reads the result", async () => {
    const seen: { fwbm: string; plain: unknown }[] = [];
    const fetch = async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      expect(url).toBe(`http://sandbox.test/access/v2/invoke/NL01/${headers.fwbm}`);
      const plain = sm4Decrypt(KEY, String(init.body));
      if (!plain.ok) return Response.json({ Response: { Error: { Code: "400", Message: "解密失败" } } });
      seen.push({ fwbm: headers.fwbm ?? "", plain: JSON.parse(plain.text) });
      if (headers.fwbm === "QDFPSC") return Response.json(buildLeqiAnswer(KEY, { sllsh: "SL-1" }));
      return Response.json(
        buildLeqiAnswer(KEY, { sczt: "1", fphm: "24442000000071309399", kprq: "2026-05-21 15:26:32" }),
      );
    };
    const state = memoryLeqiState(["24442000000071309399", "24442000000071309400"]);
    const leqi = createLeqi({ credentials, sellerTaxId: invoice.seller.taxId, state, fetch });
    expect(await leqi.query("SO-1")).toMatchObject({ status: "rejected", reason: "not-found" });
    expect(await leqi.issue({ requestKey: "SO-1", invoice })).toMatchObject({
      status: "pending",
      providerRef: "SL-1",
    });
    expect(await leqi.query("SO-1")).toMatchObject({ status: "issued", number: "24442000000071309399" });
    expect((seen[0]?.plain as { fphm: string; gmfzrrbz: string }[])[0]).toMatchObject({
      fphm: "24442000000071309399",
      gmfzrrbz: "Y",
    });
    expect(seen[1]).toEqual({ fwbm: "CXQDFPSCJG", plain: { sllsh: "SL-1" } });
    // The same key keeps its number: a resend is the same invoice, never a second one.
    expect(await state.numberFor("SO-1")).toBe("24442000000071309399");
  });

  it("bad answers are unknown and the key never appears in an outcome", async () => {
    for (const body of ["<html>502</html>", '{"Response":{"Da', `{"Response":{"Data":"${KEY}"}}`]) {
      const leqi = createLeqi({
        credentials,
        sellerTaxId: "x",
        state: memoryLeqiState(["24442000000071309399"]),
        fetch: async () => new Response(body),
      });
      const outcome = await leqi.issue({ requestKey: "SO-1", invoice });
      expect(outcome.status).toBe("unknown");
      expect(JSON.stringify(outcome)).not.toContain(KEY);
    }
  });

  it("no number left is a limit, nothing is sent", async () => {
    let sent = 0;
    const leqi = createLeqi({
      credentials,
      sellerTaxId: "x",
      state: memoryLeqiState([]),
      fetch: async () => {
        sent++;
        return new Response("{}");
      },
    });
    expect(await leqi.issue({ requestKey: "SO-1", invoice })).toMatchObject({
      status: "rejected",
      reason: "limit",
    });
    expect(sent).toBe(0);
  });

  it("credentials: each missing field is named, the key must be 32 hex digits", () => {
    expect(readLeqiCredentials({ sm4Key: "xyz", nlbm: "N" }).diagnostics.map((d) => d.path)).toEqual([
      "jrdwptbh",
      "sydwptbh",
      "sm4Key",
    ]);
    expect(readLeqiCredentials(credentials).ok).toBe(true);
  });
});
