import { describe, expect, it } from "vitest";
import { InvoiceSchema } from "./invoice.js";
import { parseSale } from "./sale.js";

const sale = {
  kind: "general",
  seller: { name: "上海示例科技有限公司", taxId: "91310115MA1K3XYZ7A" },
  buyer: { name: "张三" },
  lines: [{ name: "软件开发", code: "3040201010000000000", amount: "100", taxRate: "6%" }],
};

describe("requestKey (contracts.md §4: 1–40 of A–Z a–z 0–9 - _)", () => {
  it("is optional and kept on sale documents", () => {
    expect(parseSale(sale).ok).toBe(true);
    const keyed = parseSale({ ...sale, requestKey: "SO-2026_0518" });
    expect(keyed.ok && keyed.value.requestKey).toBe("SO-2026_0518");
  });
  it("refuses other characters and lengths, naming the field in both languages", () => {
    for (const bad of ["", "a".repeat(41), "订单1", "a b", 12]) {
      const read = parseSale({ ...sale, requestKey: bad });
      expect(read.ok).toBe(false);
      expect(read.diagnostics[0]).toMatchObject({ path: "requestKey" });
      expect(read.diagnostics[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it("is accepted on invoice payloads", () => {
    const shape = InvoiceSchema.shape.requestKey;
    expect(shape.safeParse("K-1").success).toBe(true);
    expect(shape.safeParse("K.1").success).toBe(false);
    expect(shape.safeParse(undefined).success).toBe(true);
  });
});
