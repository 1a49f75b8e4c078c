/**
 * fast-check generators of issue requests, for the adapters' round-trip properties (canonical → provider
 * request → canonical). Exported as `@efapiao/provider-utils/testing`; needs fast-check.
 *
 * The invoices are consistent (totals are the sums of the lines, discount lines follow their discounted
 * line with the same name, code and rate) and use only what every provider can carry: names without `*`,
 * bank accounts without spaces, unit prices with at most 8 decimals.
 */
import { totalsOf } from "@efapiao/calc";
import type { Invoice, InvoiceLine } from "@efapiao/model";
import type { IssueRequest } from "@efapiao/provider";
import fc from "fast-check";

const RATES = ["0.13", "0.09", "0.06", "0.03", "0.01", "0.015", "0.05", "0"];
const SHORT_NAMES = ["信息技术服务", "谷物", "电子烟", "餐饮服务", "运输服务"];

const word = fc.string({
  unit: fc.constantFrom(..."甲乙丙丁软件开发服务费abcXYZ0123-（）"),
  minLength: 1,
  maxLength: 12,
});
const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
const money = (positive: boolean) =>
  fc.bigInt({ min: positive ? 1n : 0n, max: 99_999_999n }).map((c) => {
    const text = c.toString().padStart(3, "0");
    return `${text.slice(0, -2)}.${text.slice(-2)}`;
  });
const decimal = (decimals: number) =>
  fc.tuple(fc.integer({ min: 0, max: 99999 }), digits(0, decimals)).map(([i, f]) => {
    const fraction = f.replace(/0+$/, "");
    const text = fraction ? `${i}.${fraction}` : String(i);
    return text === "0" ? "1" : text;
  });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const requestKey = fc.string({
  unit: fc.constantFrom(..."ABCXYZabcxyz0123456789-_"),
  minLength: 1,
  maxLength: 40,
});

function withoutUndefined<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) if (record[key] === undefined) delete record[key];
  return record;
}

const contact = fc
  .record({
    address: optional(word),
    phone: optional(digits(7, 12)),
    bank: optional(fc.tuple(word, digits(8, 19))),
  })
  .map(({ address, phone, bank }) =>
    withoutUndefined({ address, phone, bankName: bank?.[0], bankAccount: bank?.[1] }),
  );

const baseLine = fc.record({
  name: word,
  code: digits(19, 19),
  spec: optional(word),
  unit: optional(word),
  priced: optional(fc.tuple(decimal(6), decimal(8))),
  amount: money(true),
  tax: money(false),
  taxRate: fc.constantFrom(...RATES),
  policy: fc.option(fc.constantFrom("01", "03", "04", "09", "18"), { nil: null }),
  discount: optional(money(true)),
});

/** One 简称 per code, as in a code table. */
function shortNameOfCode(code: string): string {
  return SHORT_NAMES[Number(code.slice(-1)) % SHORT_NAMES.length]!;
}

/** An invoice line list: each generated line, followed by its discount line when it has one. */
const lines = fc.array(baseLine, { minLength: 1, maxLength: 6 }).map((bases) => {
  const out: InvoiceLine[] = [];
  for (const base of bases) {
    const shortName = shortNameOfCode(base.code);
    const shared = {
      itemName: `*${shortName}*${base.name}`,
      name: base.name,
      shortName,
      code: base.code,
      taxRate: base.taxRate,
      policy: base.policy,
    };
    out.push(
      withoutUndefined({
        index: out.length + 1,
        nature: base.discount ? ("discounted" as const) : ("normal" as const),
        ...shared,
        spec: base.spec,
        unit: base.unit,
        quantity: base.priced?.[0],
        unitPrice: base.priced?.[1],
        amount: base.amount,
        tax: base.tax,
      }),
    );
    if (base.discount) {
      out.push({
        index: out.length + 1,
        nature: "discount",
        ...shared,
        amount: `-${base.discount}`,
        tax: "-0.01",
      });
    }
  }
  return out;
});

/** A canonical invoice consistent enough for every provider mapping. */
export const arbitraryInvoice: fc.Arbitrary<Invoice> = fc
  .record({
    kind: fc.constantFrom("special" as const, "general" as const),
    day: fc.integer({ min: 0, max: 3000 }),
    seller: fc.record({ name: word, taxId: digits(18, 18), contact }),
    buyer: fc.record({ name: word, taxId: optional(digits(18, 18)), naturalPerson: fc.boolean(), contact }),
    lines,
    remarks: optional(word),
    drawer: optional(word),
  })
  .map(({ kind, day, seller, buyer, lines, remarks, drawer }) =>
    withoutUndefined({
      kind,
      kindCode: kind === "special" ? ("01" as const) : ("02" as const),
      issueDate: new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10),
      seller: { name: seller.name, taxId: seller.taxId, ...seller.contact },
      buyer: withoutUndefined({
        name: buyer.name,
        taxId: buyer.taxId,
        naturalPerson: buyer.naturalPerson,
        ...buyer.contact,
      }),
      lines,
      totals: totalsOf(lines),
      remarks,
      drawer,
    }),
  );

/** An issue request: key, invoice, and sometimes red references (with a reason) — specific business is up to the adapter's test. */
export const arbitraryIssueRequest: fc.Arbitrary<IssueRequest> = fc
  .record({
    requestKey,
    invoice: arbitraryInvoice,
    red: optional(
      fc.record({
        originalNumber: digits(20, 20),
        formNumber: digits(16, 20),
        reason: fc.constantFrom("01" as const, "02" as const, "03" as const, "04" as const),
      }),
    ),
  })
  .map((request) => withoutUndefined(request));

/** A short-name look-up that knows the names used in an invoice (as a code table would). */
export function shortNamesOf(invoice: Invoice): (code: string) => string | undefined {
  const names = new Map(invoice.lines.map((line) => [line.code, line.shortName]));
  return (code) => names.get(code);
}
