/**
 * `efapiao validate FILE [--rules PATH]… [--profile strict|legacy] [--codes FILE]`
 * Runs the standard rule pack (plus company packs given with --rules, each on top of the previous) on a sale
 * document, an invoice payload, an issued invoice (JSON) or the platform's EInvoice XML, detected from the
 * text (contracts.md §3). Prints the Diagnostics JSON on stdout; exit 0 no errors, 1 errors, 2 usage.
 *
 * A sale document is checked twice: as written, and as the invoice efapiao builds from it, so the rules
 * that need computed fields (tax, totals, discount lines) run too. Findings on the built invoice are
 * reported at the sale's own paths (invoice line 2, the discount line of sale line 1, is `lines[0].discount`),
 * and a rule that fires on both is reported once.
 */
import { buildInvoice } from "@efapiao/calc";
import {
  type Diagnostic,
  type Invoice,
  InvoiceSchema,
  parseIssuedInvoice,
  parseJsonText,
  parseSale,
  type Result,
  type Sale,
  zodIssuesToDiagnostics,
} from "@efapiao/model";
import {
  BUILTIN_PARAMETERS,
  DEFAULT_PROFILE,
  formatSourceDiagnostic,
  loadStandardPack,
  type Pack,
  createValidator,
} from "@efapiao/rules";
import { loadPack } from "@efapiao/rules/node";
import { detectDocumentFormat, parseStaXml } from "@efapiao/sta-xml";
import { loadCodeTable } from "../code-table.js";
import type { RunOf } from "../command.js";
import { printDiagnostics } from "../human.js";
import { type CliIO, EXIT, printDiagnosticsJson, resolvePath, UsageError } from "../io.js";
import { readCommandInput, validateOfd } from "../ofd-input.js";
import type { validateSpec } from "../specs/validate.js";

type Check = (document: unknown) => { diagnostics: Diagnostic[] };
type Build = (sale: Sale) => Result<Invoice>;

export const validate: RunOf<typeof validateSpec> = async ({ values, positionals, io, format, style }) => {
  if (positionals.length !== 1) {
    throw new UsageError(
      "validate 需要一个输入文件（或 - 表示标准输入）；多个规则包请重复 --rules PATH",
      "validate takes one input FILE (or - for stdin); give several rule packs as --rules PATH --rules PATH",
    );
  }
  const packs = await loadPacks(io, values.rules ?? []);
  const profile = checkProfile(values.profile, packs);
  const codes = await loadCodeTable(io, values.codes);
  const input = await readCommandInput(io, positionals[0]!);
  io.stderr(
    `efapiao validate: 规则包 / packs ${packs.map((p) => p.name).join(" + ")} · 配置 / profile ${profile} · ` +
      `分类编码表 / code table ${codes.version} (${codes.source})\n`,
  );

  const check: Check = createValidator({ packs, profile, codes });
  const diagnostics = input.ofd
    ? validateOfd(input.ofd, check)
    : validateText(input.text, check, (sale) => buildInvoice(sale, { codes }));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (format === "human") {
    printDiagnostics(io, style, diagnostics);
    return errors === 0 ? EXIT.ok : EXIT.rejected;
  }
  printDiagnosticsJson(io, diagnostics);
  io.stderr(`${errors} 个错误，${warnings} 个警告 / ${errors} error(s), ${warnings} warning(s)\n`);
  return errors === 0 ? EXIT.ok : EXIT.rejected;
};

/** The standard pack, then each --rules pack on top of the ones before it. Broken rule files are usage errors. */
export async function loadPacks(io: CliIO, paths: string[]): Promise<Pack[]> {
  const packs = [await loadStandardPack()];
  for (const path of paths) packs.push(await loadPack(resolvePath(io, path), { extends: [...packs] }));
  let errors = 0;
  for (const pack of packs) {
    for (const d of pack.diagnostics) {
      io.stderr(`${formatSourceDiagnostic(d, pack.sources.find((s) => s.name === d.file)?.text)}\n`);
      if (d.severity === "error") errors++;
    }
  }
  if (errors > 0) {
    throw new UsageError(
      `规则文件有 ${errors} 处错误（见上），未进行校验`,
      `The rule files have ${errors} error(s) (above); nothing was validated`,
    );
  }
  return packs;
}

/** strict, legacy, or a profile one of the packs gives a parameter value for. */
export function checkProfile(profile: string | undefined, packs: Pack[]): string {
  if (profile === undefined) return DEFAULT_PROFILE;
  const known = new Set([DEFAULT_PROFILE]);
  for (const p of [...BUILTIN_PARAMETERS, ...packs.flatMap((pack) => pack.parameters)]) {
    for (const name of p.profiles.keys()) known.add(name);
  }
  if (known.has(profile)) return profile;
  const list = [...known].join(" | ");
  throw new UsageError(
    `选项 --profile 只能是 ${list}，收到 “${profile}”`,
    `Option --profile must be one of ${list}, got "${profile}"`,
  );
}

/** Detects what the text is and validates it. */
export function validateText(text: string, check: Check, build: Build): Diagnostic[] {
  const format = detectDocumentFormat(text);
  if (format === "sta-xml") {
    const read = parseStaXml(text);
    if (!read.ok) return read.diagnostics;
    return [...read.diagnostics, ...check(read.value).diagnostics];
  }
  if (format === "docbits-xml" || (format === "unknown" && text.trimStart().startsWith("<"))) {
    throw new UsageError(
      "validate 读取电子发票服务平台的 EInvoice XML、销售单据和发票 JSON；其他 XML 请先用 efapiao convert 转换",
      "validate reads the platform's EInvoice XML, sale documents and invoice JSON; convert other XML first (see efapiao convert)",
    );
  }
  const json = parseJsonText(text.replace(/^\uFEFF/, ""));
  if (!json.ok) return json.diagnostics;
  const document = json.value;
  if (!isInvoice(document)) return validateSale(document, check, build);
  const parsed = isIssued(document) ? parseIssuedInvoice(document) : parsePayload(document);
  // A payload that breaks the schema is still checked by the rules (they read what is there), so that one
  // run shows every problem; a rule finding at a path the schema already rejected is left out.
  return withoutRepeats(parsed.diagnostics, check(parsed.ok ? parsed.value : document).diagnostics);
}

/**
 * A sale as written, then the invoice built from it with its findings moved to the sale's paths. When the
 * build fails, its own diagnostics are shown where no rule has already reported an error at that path.
 */
function validateSale(document: unknown, check: Check, build: Build): Diagnostic[] {
  const sale = parseSale(document);
  if (!sale.ok) return withoutRepeats(sale.diagnostics, check(document).diagnostics);
  const out = check(sale.value).diagnostics;
  const built = build(sale.value);
  if (!built.ok) return withoutRepeats(out, built.diagnostics);
  const toSale = salePaths(built.value);
  const seen = new Set(out.map(key));
  for (const d of check(built.value).diagnostics) {
    const moved = { ...d, path: toSale(d.path) };
    if (seen.has(key(moved))) continue;
    seen.add(key(moved));
    out.push(moved);
  }
  return out;
}

function key(d: Diagnostic): string {
  return `${d.rule}\u0000${d.path}`;
}

/** `first`, then those of `then` not at (or inside) a path where `first` has an error. */
function withoutRepeats(first: Diagnostic[], then: Diagnostic[]): Diagnostic[] {
  const taken = first.filter((d) => d.severity === "error").map((d) => d.path);
  const covered = (path: string) =>
    taken.some((t) => t === "" || path === t || path.startsWith(`${t}.`) || path.startsWith(`${t}[`));
  return [...first, ...then.filter((d) => !covered(d.path))];
}

/**
 * Maps paths of an invoice built from a sale back to the sale: invoice line j comes from sale line i (a
 * discount line from the line before it, whose `discount` it carries); the printed name and 简称 come from
 * the sale line's `name`. Paths with no sale counterpart (totals) are kept.
 * @example
 * // sale lines [{…, discount: "50"}, {…}] → invoice lines [discounted, discount, normal]
 * salePaths(invoice)("lines[1].amount") // "lines[0].discount"
 * salePaths(invoice)("lines[2].tax")    // "lines[1].tax"
 */
export function salePaths(invoice: Invoice): (path: string) => string {
  const origin: { line: number; discount: boolean }[] = [];
  let line = -1;
  for (const l of invoice.lines) {
    const discount = l.nature === "discount";
    if (!discount) line++;
    origin.push({ line: Math.max(line, 0), discount });
  }
  return (path) => {
    const match = /^lines\[(\d+)\](?:\.(\w+))?(.*)$/.exec(path);
    const from = match ? origin[Number(match[1])] : undefined;
    if (!match || !from) return path;
    const field = match[2];
    let mapped = field;
    if (from.discount && (field === undefined || field === "amount" || field === "tax" || field === "nature"))
      mapped = "discount";
    else if (field === "itemName" || field === "shortName") mapped = "name";
    return `lines[${from.line}]${mapped === undefined ? "" : `.${mapped}`}${match[3]}`;
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The same test the rule runner uses: totals, a kind code, or lines with a nature make an invoice. */
function isInvoice(document: unknown): document is Record<string, unknown> {
  if (!isObject(document)) return false;
  if ("totals" in document || "kindCode" in document) return true;
  const lines = document.lines;
  return Array.isArray(lines) && lines.some((l) => isObject(l) && "nature" in l);
}

/** An issued invoice (as the XML reader or `convert` writes it) carries what only issuance adds. */
function isIssued(document: Record<string, unknown>): boolean {
  return "number" in document || "direction" in document || "issuedAt" in document;
}

function parsePayload(document: unknown): Result<Invoice> {
  const parsed = InvoiceSchema.safeParse(document);
  if (parsed.success) return { ok: true, value: parsed.data, diagnostics: [] };
  return { ok: false, diagnostics: zodIssuesToDiagnostics(parsed.error.issues, "INVOICE") };
}
