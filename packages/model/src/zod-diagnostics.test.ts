import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseSale } from "./sale.js";
import { zodIssuesToDiagnostics } from "./zod-diagnostics.js";

/** Parses as the package's readers do (with the input reported) and converts the issues. */
function diagnose(schema: z.ZodType, value: unknown, prefix = "T") {
  const parsed = schema.safeParse(value, { reportInput: true });
  return parsed.success ? [] : zodIssuesToDiagnostics(parsed.error.issues, prefix);
}

const hasChinese = /[\u4e00-\u9fff]/;

describe("zodIssuesToDiagnostics", () => {
  it("reports each unknown key as its own diagnostic, at the key's path", () => {
    const schema = z.strictObject({ lines: z.array(z.strictObject({ a: z.string() })) });
    const diagnostics = diagnose(schema, { lines: [{ a: "x", taxid: 1, Amount: 2 }] }, "SALE");
    expect(diagnostics).toMatchObject([
      { rule: "SALE_UNKNOWN_FIELD", severity: "error", path: "lines[0].taxid" },
      { rule: "SALE_UNKNOWN_FIELD", severity: "error", path: "lines[0].Amount" },
    ]);
    expect(diagnostics[0]!.message).toContain("taxid");
    expect(diagnostics[1]!.messageEn).toContain('"Amount"');
  });

  it("tells a missing field from one of the wrong type", () => {
    const schema = z.object({ name: z.string(), count: z.number() });
    expect(diagnose(schema, { count: 1 })).toMatchObject([{ rule: "T_REQUIRED", path: "name" }]);
    const wrong = diagnose(schema, { name: 5, count: null });
    expect(wrong).toMatchObject([
      { rule: "T_WRONG_TYPE", path: "name" },
      { rule: "T_WRONG_TYPE", path: "count" },
    ]);
    expect(wrong[0]!.message).toContain("文本");
    expect(wrong[0]!.message).toContain("数字");
    expect(wrong[0]!.messageEn).toBe('Field "name" must be text, got a number');
    expect(wrong[1]!.messageEn).toBe('Field "count" must be a number, got null');
  });

  it("names integers as integers", () => {
    const [d] = diagnose(z.object({ index: z.number().int() }), { index: 1.5 });
    expect(d).toMatchObject({ rule: "T_WRONG_TYPE", path: "index" });
    expect(d!.message).toContain("整数");
    expect(d!.messageEn).toContain("an integer");
  });

  it("lists the allowed values of an enum", () => {
    const [d] = diagnose(z.object({ kind: z.enum(["special", "general"]) }), { kind: "vip" });
    expect(d).toMatchObject({ rule: "T_INVALID_VALUE", path: "kind" });
    expect(d!.message).toContain('"special"、"general"');
    expect(d!.messageEn).toContain('"special", "general"');
  });

  it("words list sizes, empty text and text length", () => {
    const schema = z.object({ lines: z.array(z.string()).min(1).max(2), name: z.string().min(1).max(3) });
    expect(diagnose(schema, { lines: [], name: "" })).toMatchObject([
      { rule: "T_TOO_FEW", path: "lines" },
      { rule: "T_EMPTY", path: "name" },
    ]);
    const big = diagnose(schema, { lines: ["a", "b", "c"], name: "abcd" });
    expect(big).toMatchObject([
      { rule: "T_TOO_MANY", path: "lines" },
      { rule: "T_TOO_LONG", path: "name" },
    ]);
    expect(big[0]!.messageEn).toContain("2");
    expect(big[1]!.message).toContain("3 个字符");
  });

  it("words bounds on numbers as ranges, not as lengths", () => {
    const schema = z.object({ index: z.number().positive(), share: z.number().min(0).max(100) });
    const diagnostics = diagnose(schema, { index: 0, share: 101 });
    expect(diagnostics).toMatchObject([
      { rule: "T_OUT_OF_RANGE", path: "index" },
      { rule: "T_OUT_OF_RANGE", path: "share" },
    ]);
    expect(diagnostics[0]!.messageEn).toBe('Field "index" must be greater than 0');
    expect(diagnostics[1]!.messageEn).toBe('Field "share" must be at most 100');
    expect(diagnose(schema, { index: 1, share: -1 })[0]!.message).toContain("不能小于 0");
  });

  it("uses the rule and Chinese wording a custom check attaches", () => {
    const schema = z.object({
      date: z
        .string()
        .refine(() => false, { message: "Bad date", params: { zh: "日期无效", rule: "X_DATE" } }),
      other: z.string().refine(() => false, { message: "Just wrong" }),
    });
    expect(diagnose(schema, { date: "x", other: "y" })).toEqual([
      { rule: "X_DATE", severity: "error", path: "date", message: "日期无效", messageEn: "Bad date" },
      { rule: "T_INVALID", severity: "error", path: "other", message: "Just wrong", messageEn: "Just wrong" },
    ]);
  });

  it("gives zod's own format checks a generic Chinese message", () => {
    const [d] = diagnose(z.object({ mail: z.email() }), { mail: "no" });
    expect(d).toMatchObject({ rule: "T_FORMAT", path: "mail" });
    expect(d!.message).toMatch(hasChinese);
    expect(d!.message).toContain("mail");
  });

  it("falls back to a generic diagnostic for other issues, and names the document at the root", () => {
    const [union] = diagnose(z.object({ v: z.union([z.string(), z.number()]) }), { v: true });
    expect(union).toMatchObject({ rule: "T_INVALID", path: "v" });
    expect(union!.message).toMatch(hasChinese);
    const [root] = diagnose(z.object({}), "text");
    expect(root).toMatchObject({ rule: "T_WRONG_TYPE", path: "" });
    expect(root!.messageEn).toContain("(document)");
  });
});

describe("through parseSale", () => {
  const sale = {
    kind: "general",
    seller: { name: "S", taxId: "91330100716105852F" },
    buyer: { name: "B" },
    lines: [{ name: "x", code: "3040201010000000000", amount: "1.00", taxRate: "6%" }],
  };

  it("reports a field of the wrong type as such, not as missing", () => {
    expect(parseSale({ ...sale, remarks: 5 }).diagnostics).toMatchObject([
      { rule: "SALE_WRONG_TYPE", path: "remarks" },
    ]);
    expect(parseSale({ ...sale, buyer: { name: "B", naturalPerson: "no" } }).diagnostics).toMatchObject([
      { rule: "SALE_WRONG_TYPE", path: "buyer.naturalPerson" },
    ]);
  });

  it("never throws on any JSON value, and explains every rejection in both languages", () => {
    const anySale = fc.record(
      {
        kind: fc.oneof(fc.constantFrom("special", "general"), fc.jsonValue()),
        seller: fc.oneof(fc.constant(sale.seller), fc.jsonValue()),
        buyer: fc.oneof(fc.constant(sale.buyer), fc.jsonValue()),
        lines: fc.oneof(
          fc.constant(sale.lines),
          fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 3 }),
        ),
        remarks: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(anySale, fc.jsonValue()), (json) => {
        const result = parseSale(json);
        if (result.ok) return;
        expect(result.diagnostics.length).toBeGreaterThan(0);
        for (const d of result.diagnostics) {
          expect(d.severity).toBe("error");
          expect(d.message).toMatch(hasChinese);
          expect(d.messageEn.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
