/**
 * fast-check generators for the round-trip properties: XML element trees and issued invoices whose text
 * is as hostile as XML allows (markup characters, `]]>`, CR/LF/tab, CJK, astral characters, edge spaces).
 * Generated invoices are valid IssuedInvoices whose line natures follow the discount-line layout, since
 * that layout is all a file can say about them.
 */
import { amountInWords } from "@efapiao/calc";
import type { InvoiceLine, IssuedInvoice, XmlBlock } from "@efapiao/model";
import fc from "fast-check";
import { compact } from "../src/compact.js";
import { inferLineNatures } from "../src/line-nature.js";

const PIECES = [
  "a",
  "Z",
  "0",
  "9",
  " ",
  "-",
  ".",
  "，",
  "（",
  "）",
  "&",
  "<",
  ">",
  '"',
  "'",
  "&amp;",
  "]]>",
  "#",
  ";",
  "/",
  "*",
  "\n",
  "\t",
  "\r",
  "\r\n",
  "中",
  "国",
  "软件",
  "开发",
  "有限公司",
  "发票",
  "😀",
  "𠮷",
  "\u00a0",
  "=",
] as const;

/** Any text a field may hold: at least one non-space character (blank text reads as absent). */
export const text = (maxPieces = 8) =>
  fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: maxPieces })
    .map((parts) => parts.join(""))
    .filter((s) => s.trim() !== "");

/** Text that may also be empty or blank (attribute values, label parts, leaf text of kept blocks). */
const anyText = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((parts) => parts.join(""));

const digits = (length: number) =>
  fc.array(fc.constantFrom(..."0123456789"), { minLength: length, maxLength: length }).map((d) => d.join(""));

const NAMES = ["Toll", "PlateNumber", "起止日期", "Item", "efp:code", "Reference", "A_b-c.d"] as const;
const ATTRIBUTE_NAMES = ["URI", "id", "类型", "xml:lang"] as const;

/** XML element trees as the reader builds them (see xml/read.ts for the whitespace conventions). */
export const xmlBlock: fc.Arbitrary<XmlBlock> = fc.letrec<{ block: XmlBlock }>((tie) => ({
  block: fc
    .record(
      {
        name: fc.constantFrom(...NAMES),
        attributes: fc.dictionary(fc.constantFrom(...ATTRIBUTE_NAMES), anyText, { minKeys: 1, maxKeys: 2 }),
        leafText: anyText.filter((s) => s !== ""),
        mixedText: text(3),
        children: fc.array(tie("block"), { minLength: 1, maxLength: 3 }),
        shape: fc.constantFrom("empty", "leaf", "parent", "mixed"),
        withAttributes: fc.boolean(),
      },
      { requiredKeys: ["name", "shape", "withAttributes", "leafText", "mixedText"] },
    )
    .map(({ name, attributes, leafText, mixedText, children, shape, withAttributes }) => {
      const block: XmlBlock = { name };
      if (withAttributes && attributes) block.attributes = attributes;
      if (shape === "leaf") block.text = leafText;
      if ((shape === "parent" || shape === "mixed") && children) block.children = children;
      if (shape === "mixed" && children) block.text = mixedText;
      return block;
    }),
})).block;

/** Money in the canonical form, up to 11 integer digits, so a line's amount + tax stays within the 12 read. */
export const money = (sign: "any" | "positive" | "negative" = "any") =>
  fc
    .bigInt({
      min: sign === "positive" ? 1n : -(10n ** 13n) + 1n,
      max: sign === "negative" ? -1n : 10n ** 13n - 1n,
    })
    .map((cents) => {
      const abs = cents < 0n ? -cents : cents;
      const body = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
      return cents < 0n ? `-${body}` : body;
    });

const decimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 12n - 1n }), fc.option(digits(6), { nil: undefined }))
  .map(([negative, int, fraction]) => {
    const trimmed = fraction?.replace(/0+$/, "") ?? "";
    const body = trimmed ? `${int}.${trimmed}` : `${int}`;
    return negative && body !== "0" ? `-${body}` : body;
  });

const rate = fc.constantFrom("0", "0.01", "0.015", "0.03", "0.05", "0.06", "0.09", "0.13");

const dateText = fc
  .date({ min: new Date("2021-12-01T00:00:00Z"), max: new Date("2030-12-31T23:59:59Z"), noInvalidDate: true })
  .map((d) => d.toISOString());
const dateTime = fc
  .tuple(dateText, fc.boolean())
  .map(([iso, withTime]) => (withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10)));

/** 20 digits: year 22–29, a province code 11–65, a channel and a sequence. */
export const invoiceNumber = fc
  .tuple(fc.integer({ min: 22, max: 29 }), fc.integer({ min: 11, max: 65 }), digits(16))
  .map(([year, province, rest]) => `${year}${province}${rest}`);

const itemParts = fc.record({
  shortName: text(4).filter((s) => !s.includes("*")),
  name: text(6),
  code: digits(19),
  taxRate: rate,
  spec: fc.option(text(3), { nil: undefined }),
  unit: fc.option(text(2), { nil: undefined }),
  quantity: fc.option(decimal, { nil: undefined }),
  unitPrice: fc.option(decimal, { nil: undefined }),
});

type Layout = Omit<InvoiceLine, "index" | "nature">;

/** A normal line, or a discounted line followed by its discount line (same name, code and rate). */
const lineGroup: fc.Arbitrary<Layout[]> = fc
  .tuple(itemParts, money(), money(), fc.boolean(), money("negative"), money("negative"))
  .map(([parts, amount, tax, discounted, discountAmount, discountTax]) => {
    const { quantity, unitPrice, spec, unit, ...rest } = parts;
    const line: Layout = compact({
      ...rest,
      itemName: `*${parts.shortName}*${parts.name}`,
      spec,
      unit,
      quantity,
      unitPrice,
      amount,
      tax,
      policy: null,
    });
    if (!discounted || !/[1-9]/.test(amount) || amount.startsWith("-")) return [line];
    const discount: Layout = {
      ...rest,
      itemName: line.itemName,
      amount: discountAmount,
      tax: discountTax,
      policy: null,
    };
    return [line, discount];
  });

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const party = fc.record(
  {
    name: text(),
    taxId: text(3),
    address: text(),
    phone: text(3),
    bankName: text(),
    bankAccount: text(3),
  },
  { requiredKeys: ["name"] },
);

/** Valid IssuedInvoices, blue or red, with every optional part present or absent. */
export const issuedInvoice: fc.Arbitrary<IssuedInvoice> = fc
  .record({
    kind: fc.constantFrom("special" as const, "general" as const),
    seller: party.chain((p) => text(3).map((taxId) => ({ ...p, taxId }))),
    buyer: party,
    groups: fc.array(lineGroup, { minLength: 1, maxLength: 4 }),
    totals: fc.tuple(money(), money(), money()),
    yuan: fc.constantFrom("圆" as const, "元" as const),
    remarks: optional(text(12)),
    drawer: optional(text(3)),
    number: invoiceNumber,
    issuedAt: dateTime,
    taxBureau: fc.record({ code: digits(11), name: text(6) }),
    direction: fc.constantFrom("blue" as const, "red" as const),
    red: optional(fc.record({ originalNumber: invoiceNumber, confirmationFormNumber: digits(20) })),
    taxpayerType: optional(fc.record({ code: fc.constantFrom("1", "2", "3"), name: text(3) })),
    eInvoiceType: optional(fc.record({ code: fc.constantFrom("01", "02"), name: text(3) })),
    tag: optional(digits(4).map((d) => `SWEI${d}`)),
    labels: fc.array(fc.record({ type: anyText, code: anyText, name: anyText }), { maxLength: 3 }),
    specificBusiness: optional(fc.array(xmlBlock, { minLength: 1, maxLength: 2 })),
    sellerAuthentication: optional(xmlBlock.map((b) => ({ ...b, name: "SellerAuthentication" }))),
    signature: optional(xmlBlock.map((b) => ({ ...b, name: "TaxBureauSignature" }))),
    requestTime: dateTime,
    version: fc.constantFrom("0.2", "0.31", "0.33"),
  })
  .map(({ groups, totals, yuan, kind, direction, red, ...rest }) => {
    const layout = groups.flat();
    const natures = inferLineNatures(layout, direction);
    const lines = layout.map((line, i) => ({ index: i + 1, nature: natures[i]!, ...line }));
    const [amount, tax, total] = totals;
    const invoice = {
      ...rest,
      kind,
      kindCode: kind === "special" ? ("01" as const) : ("02" as const),
      issueDate: rest.issuedAt.slice(0, 10),
      buyer: { ...rest.buyer, naturalPerson: false },
      lines,
      totals: { amount, tax, total, totalInWords: amountInWords(total, yuan) },
      direction,
      red: direction === "red" ? red : undefined,
    };
    return compact(invoice) as IssuedInvoice;
  });
