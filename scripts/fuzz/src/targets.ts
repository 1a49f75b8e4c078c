/**
 * The parsers under fuzz and what must hold for each. Two kinds of failure are reported: a crash (the parser
 * threw, where every bad input must come back as a diagnostic value) and a broken invariant (a value read
 * does not survive being written and read again, or a result breaks its own contract).
 */
import { readdirSync, readFileSync } from "node:fs";
import { buildInvoice } from "@efapiao/calc";
import { docbitsToInvoice, readDocbitsXml, writeDocbitsXml } from "@efapiao/docbits-xml";
import {
  type Diagnostic,
  InvoiceSchema,
  parseJsonText,
  parseSale,
  type Result,
  toInvoice,
} from "@efapiao/model";
import { compilePack, formatSourceDiagnostic } from "@efapiao/rules";
import { standardPackDir } from "@efapiao/rules/node";
import { decodeXmlBytes, parseStaXml, writeStaXml } from "@efapiao/sta-xml";
import { builtinCodeTable, parseCodePack } from "@efapiao/tables";
import { readCodeTableBytes } from "@efapiao/tables-import";
import fc from "fast-check";
import { COMMON_PIECES, mutated } from "./mutate.js";

/** One parser: inputs to try, and the check of one input (throws {@link Crash} or {@link InvariantBroken}). */
export interface FuzzTarget {
  name: string;
  inputs: fc.Arbitrary<string>;
  check(input: string): void | Promise<void>;
}

/** The parser threw. */
export class Crash extends Error {}
/** The parser answered, but the answer breaks a promise it makes. */
export class InvariantBroken extends Error {}

/** Runs a parser call; anything it throws is a crash. */
function call<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (error) {
    throw new Crash(`${what} threw: ${(error as Error)?.stack ?? String(error)}`);
  }
}

async function callAsync<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (error) {
    throw new Crash(`${what} threw: ${(error as Error)?.stack ?? String(error)}`);
  }
}

function holds(condition: boolean, message: () => string): void {
  if (!condition) throw new InvariantBroken(message());
}

/** A Result keeps its contract: an error explains every refusal; each diagnostic is complete and bounded. */
function wellFormed(what: string, result: Result<unknown>): void {
  holds(Array.isArray(result.diagnostics), () => `${what}: no diagnostics array`);
  if (!result.ok)
    holds(
      result.diagnostics.some((d) => d.severity === "error"),
      () => `${what}: refused without an error`,
    );
  for (const d of result.diagnostics) diagnosticWellFormed(what, d);
}

function diagnosticWellFormed(what: string, d: Diagnostic): void {
  const fields = [d.rule, d.path, d.message, d.messageEn];
  holds(
    fields.every((f) => typeof f === "string") && ["error", "warning", "info"].includes(d.severity),
    () => `${what}: incomplete diagnostic ${JSON.stringify(d).slice(0, 300)}`,
  );
  // Messages quote values clipped; a message far longer than any wording is an echo of the input.
  holds(
    d.message.length + d.messageEn.length < 4000,
    () => `${what}: unbounded message (${d.messageEn.slice(0, 200)}…)`,
  );
}

function sameJson(what: string, a: unknown, b: unknown): void {
  const [left, right] = [JSON.stringify(a), JSON.stringify(b)];
  holds(
    left === right,
    () =>
      `${what}: changed on the round trip\n  before ${left.slice(0, 600)}\n  after  ${right.slice(0, 600)}`,
  );
}

const repo = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, repo), "utf8");
const shared = (path: string) => read(`../shared/${path}`);

// ---------------------------------------------------------------------------------------------------------
// Sale JSON → sale → invoice

const SALE_SEEDS = [
  read("examples/sale.json"),
  ...["sale.json", "person-sale.json"].map((f) => read(`packages/rules/standard/examples/${f}`)),
];
const codes = builtinCodeTable();

export const saleJson: FuzzTarget = {
  name: "sale JSON",
  inputs: mutated(SALE_SEEDS, [
    ...COMMON_PIECES,
    "{",
    "}",
    "[",
    "]",
    ":",
    "null",
    "true",
    "[[[[[[[[[[[[[[[[",
    '"amount": 1.005',
    '"discount": "0.004"',
  ]),
  check(text) {
    const json = call("parseJsonText", () => parseJsonText(text));
    wellFormed("parseJsonText", json);
    if (!json.ok) return;
    const sale = call("parseSale", () => parseSale(json.value));
    wellFormed("parseSale", sale);
    if (!sale.ok) return;
    const built = call("buildInvoice", () => buildInvoice(sale.value, { codes }));
    wellFormed("buildInvoice", built);
    if (!built.ok) return;
    const schema = InvoiceSchema.safeParse(built.value);
    holds(
      schema.success,
      () => `buildInvoice emitted an invalid invoice: ${JSON.stringify(schema.error?.issues).slice(0, 400)}`,
    );
    const again = parseJsonText(JSON.stringify(built.value));
    holds(
      again.ok,
      () => `the built invoice's JSON does not read back: ${JSON.stringify(again.diagnostics)}`,
    );
    if (again.ok) sameJson("invoice JSON", built.value, again.value);
  },
};

// ---------------------------------------------------------------------------------------------------------
// Rule files

const RULE_SEEDS = readdirSync(standardPackDir())
  .filter((f) => f.endsWith(".rules"))
  .map((f) => readFileSync(`${standardPackDir()}/${f}`, "utf8"))
  // One rule at a time: whole files make every input cost a full pack compilation.
  .flatMap((text) => text.split(/\n(?=rule )/).slice(1, 4));

export const ruleFile: FuzzTarget = {
  name: "rule files",
  inputs: mutated(RULE_SEEDS, [
    ...COMMON_PIECES,
    "rule ",
    "assert ",
    "for each line in lines ",
    "(",
    ")",
    "not ",
    " and ",
    "matches(",
    "{",
    "}",
    'example "x"\n',
    "  set lines[0].amount to ",
    "expect fail at ",
    "#",
  ]),
  check(text) {
    const pack = call("compilePack", () => compilePack([{ name: "fuzz.rules", text }]));
    holds(
      Array.isArray(pack.diagnostics) && Array.isArray(pack.rules),
      () => "compilePack: no rules or diagnostics",
    );
    for (const d of pack.diagnostics) {
      const shown = call("formatSourceDiagnostic", () => formatSourceDiagnostic(d, text));
      holds(typeof shown === "string" && shown.length > 0, () => "formatSourceDiagnostic: empty");
    }
  },
};

// ---------------------------------------------------------------------------------------------------------
// Platform EInvoice XML

const XML_PIECES = [
  ...COMMON_PIECES,
  "<",
  "</",
  ">",
  "/>",
  "&amp;",
  "&#0;",
  "&#x1F600;",
  "&lt;",
  "<!DOCTYPE x>",
  "<![CDATA[",
  "]]>",
  "<!--",
  "-->",
  "<?pi?>",
  "<GeneralOrSpecialVAT/>",
  "<TotalAmWithoutTax>1.00</TotalAmWithoutTax>",
  "<Amount>-0.00</Amount>",
  "<TaxRate>0.060000</TaxRate>",
  "<TaxClassificationCode>3040xxxxxxxxxxxxxxx</TaxClassificationCode>",
  "<LabelCode></LabelCode>",
  '<?xml version="1.0" encoding="GBK"?>',
];
const STA_SEEDS = [
  shared("samples/sta-xml/gd-special-1pct-inclusive.xml"),
  shared("samples/sta-xml/mof-official-special.xml"),
];

export const platformXml: FuzzTarget = {
  name: "platform XML",
  inputs: mutated(STA_SEEDS, XML_PIECES),
  check(text) {
    const decoded = call("decodeXmlBytes", () => decodeXmlBytes(new TextEncoder().encode(text)));
    wellFormed("decodeXmlBytes", decoded);
    const parsed = call("parseStaXml", () => parseStaXml(text));
    wellFormed("parseStaXml", parsed);
    if (!parsed.ok) return;
    const written = call("writeStaXml", () => writeStaXml(parsed.value));
    wellFormed("writeStaXml", written);
    if (!written.ok) return;
    const again = call("parseStaXml (again)", () => parseStaXml(written.value));
    holds(
      again.ok,
      () => `what writeStaXml wrote does not read back: ${JSON.stringify(again.diagnostics).slice(0, 600)}`,
    );
    if (again.ok) sameJson("platform XML", parsed.value, again.value);
  },
};

// ---------------------------------------------------------------------------------------------------------
// DocBits XML

const gd = parseStaXml(STA_SEEDS[0]!);
const DOCBITS_SEEDS = gd.ok
  ? [writeDocbitsXml(gd.value), writeDocbitsXml(toInvoice(gd.value))].flatMap((w) => (w.ok ? [w.value] : []))
  : [];

export const docbitsXml: FuzzTarget = {
  name: "DocBits XML",
  inputs: mutated(DOCBITS_SEEDS, [
    ...XML_PIECES,
    "<amount>1.00</amount>",
    "<fapiao_type>电子发票</fapiao_type>",
    "<tax_rate>6</tax_rate>",
  ]),
  check(text) {
    const doc = call("readDocbitsXml", () => readDocbitsXml(text));
    wellFormed("readDocbitsXml", doc);
    if (!doc.ok) return;
    const invoice = call("docbitsToInvoice", () => docbitsToInvoice(doc.value, { kind: "general" }));
    wellFormed("docbitsToInvoice", invoice);
    if (!invoice.ok) return;
    const written = call("writeDocbitsXml", () => writeDocbitsXml(invoice.value));
    wellFormed("writeDocbitsXml", written);
    if (!written.ok) return;
    const again = call("readDocbitsXml (again)", () => readDocbitsXml(written.value));
    holds(
      again.ok,
      () =>
        `what writeDocbitsXml wrote does not read back: ${JSON.stringify(again.diagnostics).slice(0, 600)}`,
    );
    if (!again.ok) return;
    const back = docbitsToInvoice(again.value, { kind: "general" });
    holds(
      back.ok,
      () =>
        `the written DocBits file does not convert back: ${JSON.stringify(back.diagnostics).slice(0, 600)}`,
    );
    if (back.ok) sameJson("DocBits XML", invoice.value, back.value);
  },
};

// ---------------------------------------------------------------------------------------------------------
// Code-table files (CSV in the official layout, and packs)

const officialLines = shared("data/tax-codes/tax-codes-v32-2019-04-01.csv").split("\r\n");
/** The first six rows of the official table (货物 down to 稻谷), as version 30.0 (no official count) so that a complete cut imports. */
const TABLE_CSV = officialLines
  .slice(0, 7)
  .map((line, i) => (i === 0 ? line : line.replace(/^32\.0,/, "30.0,")))
  .join("\r\n");

export const tableFile: FuzzTarget = {
  name: "table files",
  inputs: mutated(
    [`${TABLE_CSV}\r\n`],
    [
      ...COMMON_PIECES,
      ",",
      "\r\n",
      "Y",
      "N",
      "13%",
      "免税",
      "3040201010000000000",
      "1000000000000000000",
      "20190401",
      "32.0",
      '"a,b"',
      '"unclosed',
    ],
  ),
  async check(text) {
    const result = await callAsync("readCodeTableBytes", () =>
      readCodeTableBytes(new TextEncoder().encode(text), "fuzz.csv"),
    );
    holds(
      Array.isArray(result.ok ? result.warnings : result.diagnostics),
      () => "readCodeTableBytes: no diagnostics",
    );
    if (!result.ok) {
      holds(
        result.diagnostics.some((d) => d.severity === "error"),
        () => "table refused without an error",
      );
      return;
    }
    for (const entry of result.table.entries())
      holds(/^\d{19}$/.test(entry.code), () => `imported a bad code ${entry.code}`);
    const again = call("parseCodePack", () => parseCodePack(JSON.stringify(result.pack), "fuzz.json"));
    holds(again.ok, () => `the pack written does not load: ${again.ok ? "" : again.message.en}`);
    if (again.ok) holds(again.table.size === result.table.size, () => "the pack lost rows");
  },
};

/** Every target, in the order the runner reports them. */
export const TARGETS: readonly FuzzTarget[] = [saleJson, ruleFile, platformXml, docbitsXml, tableFile];

/** The property fast-check runs for a target. */
export function property(target: FuzzTarget): fc.IAsyncProperty<[string]> {
  return fc.asyncProperty(target.inputs, async (input) => {
    await target.check(input);
  });
}

/** How many inputs per target: EFAPIAO_FUZZ_RUNS, else `fallback`. */
export function fuzzRuns(fallback: number): number {
  const runs = Number(process.env.EFAPIAO_FUZZ_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : fallback;
}
