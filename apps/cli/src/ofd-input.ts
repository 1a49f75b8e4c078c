/**
 * OFD input for `convert`, `validate` and `preview`: an OFD is a zip, told from text input by its first
 * bytes ({@link readCommandInput}, the one place the commands decide it), and read by @efapiao/ofd into
 * the received-invoice model (with each field's source). Kept here so that the commands only route to it.
 */
import type { Diagnostic } from "@efapiao/model";
import { describeSource, looksLikeOfd, type OfdReading, readOfd } from "@efapiao/ofd";
import { readReceived, ruleFindings } from "@efapiao/receiving";
import { writeDocbitsXml } from "@efapiao/docbits-xml";
import { writeStaXml } from "@efapiao/sta-xml";
import {
  boundDiagnostics,
  type CliIO,
  decodeInput,
  EXIT,
  InputRejected,
  printDiagnosticsJson,
  printJson,
  readInputBytes,
  UsageError,
} from "./io.js";

/** A command's input: the bytes of an OFD, or text (decoded as `readInput` decodes it). */
export type CommandInput = { ofd: Uint8Array; text?: undefined } | { text: string; ofd?: undefined };

/**
 * Reads FILE (or `-`) and tells an OFD from text; text that cannot be decoded is rejected with its
 * diagnostics.
 * @example
 * const input = await readCommandInput(io, "invoice.ofd"); // { ofd: Uint8Array }
 */
export async function readCommandInput(io: CliIO, file: string): Promise<CommandInput> {
  const bytes = await readInputBytes(io, file);
  if (looksLikeOfd(bytes)) return { ofd: bytes };
  const text = decodeInput(bytes);
  if (!text.ok) throw new InputRejected(text.diagnostics);
  return { text: text.value };
}

/**
 * `convert FILE.ofd --to …`: canonical prints the invoice read (the issued invoice when the OFD attaches
 * the platform's XML); the XML formats need that complete issued invoice.
 */
export function convertOfd(io: CliIO, bytes: Uint8Array, to: string, strict = false): number {
  const read = readOfd(bytes);
  if (!read.ok) {
    printDiagnosticsJson(io, read.diagnostics);
    return EXIT.rejected;
  }
  // As for the other formats: --strict refuses what was read with warnings (sources that disagree …).
  if (strict && read.diagnostics.some((d) => d.severity === "warning")) {
    printDiagnosticsJson(
      io,
      read.diagnostics.map((d) => (d.severity === "warning" ? { ...d, severity: "error" as const } : d)),
    );
    return EXIT.rejected;
  }
  note(io, "convert", read.diagnostics);
  sources(io, read.value);
  const { issued, invoice } = read.value;
  if (to === "canonical") {
    printJson(io, issued ?? invoice);
    return EXIT.ok;
  }
  if (!issued) {
    throw new UsageError(
      "这个 OFD 只有版式上的发票数据（没有附带平台 XML），缺少税收分类编码等，只能转换为 --to canonical",
      "This OFD has only the printed invoice data (no platform XML attached): it lacks classification codes and more, so it converts to --to canonical only",
    );
  }
  const written = to === "sta-xml" ? writeStaXml(issued) : writeDocbitsXml(issued);
  if (!written.ok) {
    printDiagnosticsJson(io, written.diagnostics);
    return EXIT.rejected;
  }
  note(io, "convert", written.diagnostics);
  io.stdout(written.value);
  return EXIT.ok;
}

/**
 * `validate FILE.ofd`: the reader's findings, then the rule packs on the invoice read (see
 * `ruleFindings` of @efapiao/receiving for what a printed fapiao cannot carry).
 */
export function validateOfd(
  bytes: Uint8Array,
  check: (document: unknown) => { diagnostics: Diagnostic[] },
): Diagnostic[] {
  const read = readReceived(bytes);
  if (!read.ok) return read.diagnostics;
  return [...read.diagnostics, ...ruleFindings(read.value, check)];
}

function note(io: CliIO, command: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of boundDiagnostics(diagnostics.filter((x) => x.severity !== "error"))) {
    io.stderr(`efapiao ${command}: ${d.severity} ${d.rule} ${d.path}: ${d.message} / ${d.messageEn}\n`);
  }
}

/** One stderr line per source, naming the fields it gave. */
function sources(io: CliIO, reading: OfdReading): void {
  const bySource = new Map<string, string[]>();
  for (const [path, source] of Object.entries(reading.sources)) {
    const key =
      source.from === "custom-tag"
        ? `custom-tag ${source.part}`
        : source.from === "attachment"
          ? `attachment ${source.part}`
          : describeSource(source);
    bySource.set(key, [...(bySource.get(key) ?? []), path]);
  }
  for (const [source, paths] of bySource)
    io.stderr(`efapiao convert: 来源 / source ${source}: ${paths.join(", ")}\n`);
}
