/**
 * `efapiao convert FILE --to sta-xml|docbits-xml|canonical [issuance options] [--codes FILE] [--words 圆|元]`
 * Between the invoice model and the platform's and DocBits' XML (contracts.md §3). The input is detected:
 * a sale document (built first, as `build` does), a canonical invoice, an issued invoice (JSON), the
 * platform's EInvoice XML, or DocBits XML.
 *
 * The platform XML is an issued file: it needs the number, issue time and tax bureau, which come from an
 * issued input or from --number, --issued-at, --bureau-code and --bureau-name (options win). Without them
 * the command stops with exit 2 and says which are missing. Rejected input prints the diagnostics JSON
 * on stdout (exit 1); warnings about what a format cannot carry go to stderr.
 *
 * --codes and --words apply when the input is a sale (as for `build`); --kind special|general gives the
 * kind of a DocBits file whose fapiao_type (电子发票) does not say it. A file is refused only when its
 * structure or amounts cannot be read; what is read with a warning (an empty kind label, a masked code) is
 * converted, unless --strict, which refuses any input read with warnings.
 */
import { buildInvoiceFromJson } from "@efapiao/calc";
import { docbitsToInvoice, readDocbitsXml, writeDocbitsXml } from "@efapiao/docbits-xml";
import {
  type Diagnostic,
  type Invoice,
  InvoiceSchema,
  type IssuedInvoice,
  parseIssuedInvoice,
  parseJsonText,
  type Result,
  toInvoice,
  withIssuance,
  zodIssuesToDiagnostics,
} from "@efapiao/model";
import { DEFAULT_VERSION, detectDocumentFormat, parseStaXml, writeStaXml } from "@efapiao/sta-xml";
import { stringifyJson } from "@efapiao/provider-utils";
import { loadCodeTable } from "../code-table.js";
import {
  detectProviderRequest,
  fromProviderRequest,
  isProvider,
  plainRequest,
  requestKeyOf,
} from "../providers.js";
import type { RunOf } from "../command.js";
import { boundDiagnostics, type CliIO, EXIT, printDiagnosticsJson, printJson, UsageError } from "../io.js";
import { convertOfd, readCommandInput } from "../ofd-input.js";
import { CONVERT_TARGETS as TARGETS, type convertSpec } from "../specs/convert.js";

/** The issuance options, by the name the user types. */
const ISSUANCE_OPTIONS = ["number", "issued-at", "bureau-code", "bureau-name"] as const;
type IssuanceValues = Partial<Record<(typeof ISSUANCE_OPTIONS)[number], string>>;

/** What was read: the canonical invoice, and the issued one when the input was issued. */
export type Read = { invoice: Invoice; issued?: IssuedInvoice };

export const convert: RunOf<typeof convertSpec> = async ({ values, positionals, io }) => {
  if (positionals.length !== 1) {
    throw new UsageError(
      "convert 需要一个输入文件（或 - 表示标准输入）",
      "convert takes one input FILE (or - for stdin)",
    );
  }
  if (values.to === undefined) {
    throw new UsageError(`convert 需要 --to ${TARGETS.join("|")}`, `convert needs --to ${TARGETS.join("|")}`);
  }
  const { to, words, kind } = values;

  const input = await readCommandInput(io, positionals[0]!);
  if (input.ofd) return convertOfd(io, input.ofd, to, values.strict === true);
  const text = input.text;
  const read = await readDocument(io, text, {
    codes: values.codes,
    words,
    kind,
  });
  if (!read.ok) return reject(io, read.diagnostics);
  // What was read with a warning (an inferred kind, a masked code) is converted; --strict refuses it instead.
  if (values.strict && read.diagnostics.some((d) => d.severity === "warning")) {
    return reject(io, strictly(read.diagnostics));
  }
  report(io, read.diagnostics);

  if (isProvider(to)) {
    const requestKey = requestKeyOf(text, read.value.invoice);
    const plain = plainRequest(to, { requestKey, invoice: read.value.invoice }, values.number);
    if (!plain.ok) return reject(io, plain.diagnostics);
    report(io, plain.diagnostics);
    // Money as the exact literals the provider receives (2.00, never a rounded double).
    io.stdout(`${stringifyJson(plain.value, 2)}\n`);
    return EXIT.ok;
  }
  const issuance: IssuanceValues = Object.fromEntries(ISSUANCE_OPTIONS.map((name) => [name, values[name]]));
  const given = ISSUANCE_OPTIONS.some((name) => issuance[name] !== undefined);
  if (to === "canonical") {
    const document = given ? applyIssuance(read.value, issuance) : (read.value.issued ?? read.value.invoice);
    printJson(io, document);
    return EXIT.ok;
  }
  const written =
    to === "sta-xml"
      ? writeStaXml(given || !read.value.issued ? applyIssuance(read.value, issuance) : read.value.issued)
      : writeDocbitsXml(
          given ? applyIssuance(read.value, issuance) : (read.value.issued ?? read.value.invoice),
        );
  if (!written.ok) return reject(io, written.diagnostics);
  report(io, written.diagnostics);
  io.stdout(written.value);
  return EXIT.ok;
};

/** Detects the input's format and reads it into the model (shared with `payload`). */
export async function readDocument(
  io: CliIO,
  text: string,
  options: { codes?: string; words: "圆" | "元"; kind?: "special" | "general"; command?: string },
): Promise<Result<Read>> {
  switch (detectDocumentFormat(text)) {
    case "sta-xml":
      return issuedRead(parseStaXml(text));
    case "docbits-xml": {
      const doc = readDocbitsXml(text);
      if (!doc.ok) return doc;
      const invoice = docbitsToInvoice(doc.value, { kind: options.kind });
      return invoiceRead({ ...invoice, diagnostics: [...doc.diagnostics, ...invoice.diagnostics] });
    }
    case "json": {
      const json = parseJsonText(text);
      if (!json.ok) return json;
      return readJson(io, json.value, options);
    }
    default:
      // XML of another kind: the platform reader says what is wrong with it (root, well-formedness).
      if (/^\uFEFF?\s*</.test(text)) return issuedRead(parseStaXml(text));
      return {
        ok: false,
        diagnostics: [
          {
            rule: "CONVERT_UNKNOWN_FORMAT",
            severity: "error",
            path: "",
            message:
              "无法识别输入格式：应为 JSON（销售数据、发票或已开具发票）、平台 EInvoice XML 或 DocBits XML",
            messageEn:
              "Unrecognised input: expected JSON (sale data, an invoice or an issued invoice), the platform's EInvoice XML or DocBits XML",
          },
        ],
      };
  }
}

/** JSON is an issued invoice when it has a number, a canonical invoice when it has totals, else sale data. */
async function readJson(
  io: CliIO,
  json: unknown,
  options: { codes?: string; words: "圆" | "元"; command?: string },
): Promise<Result<Read>> {
  const has = (key: string) => json !== null && typeof json === "object" && key in json;
  const provider = detectProviderRequest(json);
  if (provider) {
    // A provider's request: back to the canonical invoice, 简称 from the code table in use.
    const codes = await loadCodeTable(io, options.codes);
    const read = fromProviderRequest(provider, json, (code) => codes.get(code)?.shortName);
    return read.ok ? { ...read, value: { invoice: read.value.invoice } } : read;
  }
  if (has("number")) return issuedRead(parseIssuedInvoice(json));
  if (has("totals")) {
    const parsed = InvoiceSchema.safeParse(json);
    return parsed.success
      ? { ok: true, value: { invoice: parsed.data }, diagnostics: [] }
      : { ok: false, diagnostics: zodIssuesToDiagnostics(parsed.error.issues, "INVOICE") };
  }
  const codes = await loadCodeTable(io, options.codes);
  io.stderr(
    `efapiao ${options.command ?? "convert"}: 分类编码表 / code table ${codes.version} (${codes.source})\n`,
  );
  return invoiceRead(buildInvoiceFromJson(json, { codes, words: options.words }));
}

function issuedRead(result: Result<IssuedInvoice>): Result<Read> {
  return result.ok
    ? { ...result, value: { invoice: toInvoice(result.value), issued: result.value } }
    : result;
}

function invoiceRead(result: Result<Invoice>): Result<Read> {
  return result.ok ? { ...result, value: { invoice: result.value } } : result;
}

/**
 * The issued invoice to write: the issued input with the options laid over it, or the invoice with the
 * options. Missing or malformed issuance details are usage errors: they come from the command line.
 */
function applyIssuance(read: Read, options: IssuanceValues): IssuedInvoice {
  const { issued } = read;
  const number = options.number ?? issued?.number;
  const issuedAt = options["issued-at"] ?? issued?.issuedAt;
  const code = options["bureau-code"] ?? issued?.taxBureau.code;
  const name = options["bureau-name"] ?? issued?.taxBureau.name;
  const missing = ISSUANCE_OPTIONS.filter((_, i) => [number, issuedAt, code, name][i] === undefined);
  if (missing.length > 0) {
    const list = missing.map((m) => `--${m}`).join(" ");
    throw new UsageError(
      `平台 XML 是已开具的发票：需要发票号码、开票时间和税务机关，请给出 ${list}（或输入已开具的发票）`,
      `The platform XML is an issued invoice: it needs the number, issue time and tax bureau; give ${list} (or an issued invoice as input)`,
    );
  }
  const result = issued
    ? parseIssuedInvoice({
        ...issued,
        number,
        issuedAt,
        issueDate: issuedAt!.slice(0, 10),
        taxBureau: { code, name },
      })
    : withIssuance(read.invoice, {
        number: number!,
        issuedAt: issuedAt!,
        taxBureau: { code: code!, name: name! },
        version: DEFAULT_VERSION,
      });
  if (!result.ok) {
    const lines = result.diagnostics.map((d) => `  ${d.path}: ${d.message} / ${d.messageEn}`).join("\n");
    throw new UsageError(
      `发票号码、开票时间或税务机关有误：\n${lines}`,
      `Invalid issuance details:\n${lines}`,
    );
  }
  return result.value;
}

/** Warnings and notes of a success go to stderr, one line each (bounded); a rejection prints them as JSON. */
function report(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  for (const d of boundDiagnostics(diagnostics.filter((x) => x.severity !== "error"))) {
    io.stderr(`efapiao convert: ${d.severity} ${d.rule} ${d.path}: ${d.message} / ${d.messageEn}\n`);
  }
}

/** Under --strict the warnings are the reasons for refusing: shown as errors. */
function strictly(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.severity === "warning" ? { ...d, severity: "error" } : d));
}

function reject(io: CliIO, diagnostics: Diagnostic[]): number {
  printDiagnosticsJson(io, diagnostics);
  return EXIT.rejected;
}
