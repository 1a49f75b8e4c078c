/**
 * Raw fields from every source → one received invoice. Sources are taken in order of trust (an attached
 * invoice XML, then the custom tags, then recognisable page text, then the DocInfo metadata): the first
 * that has a field gives it, and a later source that says something else is reported — an OFD whose page
 * and metadata disagree has been edited by someone, and the buyer should know.
 */
import { amountInWords } from "@efapiao/calc";
import { type Diagnostic, error, KIND_CODES, type Result, warning } from "@efapiao/model";
import { compact, inferLineNatures, splitItemName } from "@efapiao/sta-xml";
import { info } from "./diagnostics.js";
import { normalizerFor } from "./fields/normalize.js";
import { describeSource, type FieldSource, type RawField } from "./fields/source.js";
import { parseReceivedInvoice, type ReceivedInvoice } from "./received.js";

/** A field's value in the model's text form, and where it came from. */
interface Value {
  text: string;
  source: FieldSource;
}

/**
 * Normalises and merges fields, first source first.
 * @returns the values by path, with errors for unreadable values and warnings for disagreements
 */
export function mergeFields(fields: readonly RawField[]): {
  values: Map<string, Value>;
  diagnostics: Diagnostic[];
} {
  const values = new Map<string, Value>();
  const diagnostics: Diagnostic[] = [];
  for (const field of fields) {
    const read = normalizerFor(field.path)(field.text);
    const known = values.get(field.path);
    const where = describeSource(field.source);
    if (!read.ok) {
      const message = {
        zh: `${field.path}（${where}）：${read.message.zh}`,
        en: `${field.path} (${where}): ${read.message.en}`,
      };
      // Unreadable where it would be used: an error; in a source that would only have confirmed it: a warning.
      diagnostics.push(
        known ? warning("OFD_FIELD", field.path, message) : error("OFD_FIELD", field.path, message),
      );
      continue;
    }
    if (read.text === "") continue;
    if (!known) values.set(field.path, { text: read.text, source: field.source });
    else if (known.text !== read.text) {
      diagnostics.push(
        warning("OFD_SOURCES_DISAGREE", field.path, {
          zh: `${field.path} 的来源不一致：${describeSource(known.source)} 为 “${known.text}”，${where} 为 “${read.text}”；采用前者`,
          en: `Sources disagree on ${field.path}: ${describeSource(known.source)} says "${known.text}", ${where} says "${read.text}"; the first is used`,
        }),
      );
    }
  }
  return { values, diagnostics };
}

/** The fields an invoice cannot do without, whatever the file's layout. */
const REQUIRED = [
  "number",
  "issueDate",
  "seller.name",
  "buyer.name",
  "totals.amount",
  "totals.tax",
  "totals.total",
];
const REQUIRED_LINE = ["itemName", "amount", "taxRate", "tax"];

/**
 * Builds the received invoice from merged values.
 * @returns the invoice and each field's source, or errors naming what is missing
 */
export function assemble(
  values: Map<string, Value>,
): Result<{ invoice: ReceivedInvoice; sources: Record<string, FieldSource> }> {
  const diagnostics: Diagnostic[] = [];
  const sources: Record<string, FieldSource> = {};
  const get = (path: string): string | undefined => {
    const value = values.get(path);
    if (value) sources[path] = value.source;
    return value?.text;
  };
  const lineCount = Math.max(
    0,
    ...[...values.keys()].map((k) => Number(/^lines\[(\d+)\]/.exec(k)?.[1] ?? -1) + 1),
  );
  const missing = [
    ...REQUIRED.filter((p) => !values.has(p)),
    ...(lineCount === 0 ? ["lines"] : []),
    ...Array.from({ length: lineCount }, (_, i) =>
      REQUIRED_LINE.map((f) => `lines[${i}].${f}`).filter((p) => !values.has(p)),
    ).flat(),
  ];
  for (const path of missing) {
    diagnostics.push(
      error("OFD_MISSING", path, {
        zh: `OFD 中找不到发票的 ${path}（附件 XML、自定义标签和文档元数据中都没有）`,
        en: `The OFD does not give the invoice's ${path} (neither an attached XML, the custom tags nor the metadata has it)`,
      }),
    );
  }
  if (missing.length > 0) return { ok: false, diagnostics };

  const total = get("totals.total")!;
  const lines = Array.from({ length: lineCount }, (_, i) => line(i, get, diagnostics));
  const direction = total.startsWith("-") && /[1-9]/.test(total) ? "red" : "blue";
  const natures = inferLineNatures(
    lines as { itemName: string; code: string; taxRate: string; amount: string }[],
    direction,
  );
  const kind = get("kind") as ReceivedInvoice["kind"];
  if (!kind) {
    diagnostics.push(
      warning("OFD_KIND_UNKNOWN", "kind", {
        zh: "OFD 没有说明发票种类（专用发票或普通发票）：页面标题和附件中都没有",
        en: "The OFD does not say the invoice kind (special or general): neither the page title nor an attachment does",
      }),
    );
  }
  const candidate = {
    kind,
    kindCode: kind && KIND_CODES[kind],
    issueDate: get("issueDate"),
    seller: party("seller", get),
    buyer: { ...party("buyer", get), naturalPerson: false },
    lines: lines.map((l, i) => ({ ...l, nature: natures[i] })),
    totals: {
      amount: get("totals.amount"),
      tax: get("totals.tax"),
      total,
      totalInWords: words(total, get("totals.totalInWords"), sources, diagnostics),
    },
    remarks: get("remarks"),
    drawer: get("drawer"),
    number: get("number"),
    invoiceCode: get("invoiceCode"),
    checkCode: get("checkCode"),
    machineNumber: get("machineNumber"),
    direction,
    payee: get("payee"),
    reviewer: get("reviewer"),
  };
  if (lines.every((l) => l.code === undefined)) {
    diagnostics.push(
      info("OFD_NO_CODE", "lines", {
        zh: "发票版式上不印税收分类编码：读出的明细行没有 code",
        en: "The printed fapiao does not show classification codes: the lines read have no code",
      }),
    );
  }
  const checked = parseReceivedInvoice(compact(candidate));
  if (!checked.ok) return { ok: false, diagnostics: [...diagnostics, ...checked.diagnostics] };
  return { ok: true, value: { invoice: checked.value, sources }, diagnostics };
}

function line(i: number, get: (path: string) => string | undefined, diagnostics: Diagnostic[]) {
  const at = (field: string) => get(`lines[${i}].${field}`);
  const itemName = at("itemName")!;
  const parts = splitItemName(itemName);
  if (!parts) {
    diagnostics.push(
      warning("OFD_ITEM_NAME", `lines[${i}].itemName`, {
        zh: `项目名称 “${itemName}” 不是 *简称*名称 的形式`,
        en: `The item name "${itemName}" does not read *short name*name`,
      }),
    );
  }
  return {
    index: i + 1,
    itemName,
    name: parts?.name,
    shortName: parts?.shortName,
    code: at("code"),
    spec: at("spec"),
    unit: at("unit"),
    quantity: at("quantity"),
    unitPrice: at("unitPrice"),
    amount: at("amount")!,
    taxRate: at("taxRate")!,
    tax: at("tax")!,
    policy: null,
  };
}

function party(role: "seller" | "buyer", get: (path: string) => string | undefined) {
  const field = (name: string) => get(`${role}.${name}`);
  return {
    name: field("name"),
    taxId: field("taxId"),
    addressAndPhone: field("addressAndPhone"),
    bankAndAccount: field("bankAndAccount"),
  };
}

/**
 * The total in capitals as printed, checked against the total; computed from the total (with a warning)
 * when the page does not show it where it can be found.
 */
function words(
  total: string,
  printed: string | undefined,
  sources: Record<string, FieldSource>,
  diagnostics: Diagnostic[],
): string {
  if (printed === undefined) {
    const computed = amountInWords(total);
    sources["totals.totalInWords"] = { from: "computed", basis: "totals.total" };
    diagnostics.push(
      warning("OFD_WORDS_COMPUTED", "totals.totalInWords", {
        zh: `OFD 中找不到价税合计大写，已按价税合计写出：${computed}`,
        en: `The total in capitals is not in the OFD; written from the total: ${computed}`,
      }),
    );
    return computed;
  }
  const yuan = printed.includes("元") ? "元" : "圆";
  const expected = amountInWords(total, yuan);
  if (printed !== expected) {
    diagnostics.push(
      warning("OFD_WORDS_MISMATCH", "totals.totalInWords", {
        zh: `印刷的价税合计大写 “${printed}” 与价税合计 ${total}（${expected}）不符`,
        en: `The printed total in capitals "${printed}" does not match the total ${total} (${expected})`,
      }),
    );
  }
  return printed;
}
