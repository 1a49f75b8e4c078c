import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { FIELD_NAMES, findField } from "./field-names.js";
import { InvoiceSchema } from "./invoice.js";
import { IssuedInvoiceSchema } from "./issued.js";
import { SaleSchema } from "./sale.js";

/**
 * The field paths a schema defines, written as the field map writes them (`lines[].amount`): every field
 * that is not an object, plus arrays themselves. Wrappers (optional, nullable, default) are looked through.
 */
function fieldPaths(schema: z.core.$ZodType, prefix = ""): string[] {
  const def = schema._zod.def as {
    type: string;
    innerType?: z.core.$ZodType;
    shape?: object;
    element?: z.core.$ZodType;
  };
  if (def.innerType && ["optional", "nullable", "default", "prefault"].includes(def.type)) {
    return fieldPaths(def.innerType, prefix);
  }
  if (def.type === "object") {
    return Object.entries(def.shape as Record<string, z.core.$ZodType>).flatMap(([key, child]) =>
      fieldPaths(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  if (def.type === "array") return [prefix, ...fieldPaths(def.element!, `${prefix}[]`)];
  return [prefix];
}

describe("FIELD_NAMES", () => {
  it("has one entry per path and per platform name", () => {
    const paths = FIELD_NAMES.map((f) => f.path);
    const names = FIELD_NAMES.map((f) => f.zh);
    expect(new Set(paths).size).toBe(paths.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it("names every field of the sale document and of the invoice payload, and nothing else", () => {
    const defined = new Set([...fieldPaths(SaleSchema), ...fieldPaths(InvoiceSchema)]);
    const mapped = new Set(FIELD_NAMES.map((f) => f.path));
    // The walk reaches nested, optional and line fields (guards against an empty walk passing vacuously).
    for (const p of [
      "seller.taxId",
      "buyer.naturalPerson",
      "lines",
      "lines[].discount",
      "lines[].policy",
      "totals.total",
    ]) {
      expect(defined.has(p), p).toBe(true);
    }
    expect([...defined].filter((p) => !mapped.has(p))).toEqual([]);
    // 发票号码 and the red-letter references exist only once the platform has issued the invoice.
    const issuedOnly = [...mapped].filter((p) => !defined.has(p));
    expect(issuedOnly).toEqual(["number", "direction", "red.originalNumber", "red.confirmationFormNumber"]);
    // (the issued invoice holds recursive XML blocks, so its fields are looked up one by one, not walked)
    const { shape } = IssuedInvoiceSchema;
    expect(Object.keys(shape)).toEqual(expect.arrayContaining(["number", "direction", "red"]));
    const red = fieldPaths(shape.red, "red");
    expect(red).toEqual(expect.arrayContaining(["red.originalNumber", "red.confirmationFormNumber"]));
  });

  it("types money, rates and dates as the contract writes them", () => {
    const typeOf = (path: string) => findField(path)?.type;
    for (const path of ["lines[].amount", "lines[].tax", "totals.amount", "totals.tax", "totals.total"]) {
      expect(typeOf(path)).toBe("money");
    }
    expect(typeOf("lines[].taxRate")).toBe("rate");
    expect(typeOf("issueDate")).toBe("date");
    expect(typeOf("lines")).toBe("list");
  });

  it("writes line fields with the 明细. prefix", () => {
    for (const f of FIELD_NAMES) {
      expect(f.path.startsWith("lines[].")).toBe(f.zh.startsWith("明细."));
    }
  });
});

describe("findField", () => {
  it("finds a field by its platform name or its English path", () => {
    expect(findField("购买方纳税人识别号")?.path).toBe("buyer.taxId");
    expect(findField("明细.金额")?.path).toBe("lines[].amount");
    expect(findField("价税合计大写")?.path).toBe("totals.totalInWords");
    expect(findField("buyer.taxId")?.zh).toBe("购买方纳税人识别号");
    expect(findField("发票号码")?.path).toBe("number");
  });

  it("answers undefined for names it does not know", () => {
    expect(findField("buyer.taxid")).toBeUndefined();
    expect(findField("lines[0].amount")).toBeUndefined();
    expect(findField("")).toBeUndefined();
    expect(findField("购买方地址电话")).toBeUndefined(); // a combined field of the platform view
  });
});
