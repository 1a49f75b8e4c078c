/**
 * Batch intake: a set of received files → one report. Each file is read (OFD, XML, JSON), checked by the
 * rule packs when a checker is given, verified (查验) when a provider is given, and invoices that occur
 * twice in the batch (same number, and invoice code for legacy ones) are marked on every copy.
 */
import type { Diagnostic } from "@efapiao/model";
import type { ReceivedInvoice } from "@efapiao/ofd";
import type { CallOptions, VerifyCapability } from "@efapiao/provider";
import { type ReceivedFormat, readReceived, ruleFindings } from "./read.js";
import { type Verification, verifyInvoice } from "./verify.js";

export interface IntakeFile {
  /** The file's name or path inside the batch (for the report). */
  name: string;
  bytes: Uint8Array;
}

export interface IntakeOptions {
  /** The rule packs as a checker (`createValidator` of @efapiao/rules); without it no rules run. */
  check?: (document: unknown) => { diagnostics: Diagnostic[] };
  /** A provider's 查验 capability; without it nothing is verified. */
  verify?: VerifyCapability;
  verifyOptions?: CallOptions;
  /** Called after each file, e.g. to draw a progress bar. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** One file of the batch. */
export interface IntakeEntry {
  file: string;
  /** `read`: an invoice came out of the file; `refused`: the diagnostics say why not. */
  status: "read" | "refused";
  format?: ReceivedFormat;
  invoice?: ReceivedInvoice;
  /** The reader's findings, then the rules'. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  verification?: Verification;
  /** The other files of the batch holding the same invoice. */
  duplicates: string[];
}

export interface IntakeReport {
  files: number;
  read: number;
  refused: number;
  /** Files whose invoice also occurs in another file of the batch. */
  duplicated: number;
  /** Files with rule or reader errors (refused files included). */
  withErrors: number;
  /** Count of entries by verification status (absent without a provider). */
  verification?: Record<string, number>;
  entries: IntakeEntry[];
}

/**
 * Reads, checks and verifies a batch.
 * @example
 * const report = await intake([{ name: "a.ofd", bytes }], { check: createValidator({ packs: [standard] }) });
 * report.entries[0].invoice.number // "24112000000048542163"
 */
export async function intake(
  files: readonly IntakeFile[],
  options: IntakeOptions = {},
): Promise<IntakeReport> {
  const entries: IntakeEntry[] = [];
  for (const [i, file] of files.entries()) {
    const entry = readEntry(file, options);
    if (entry.invoice && options.verify) {
      entry.verification = await verifyInvoice(options.verify, entry.invoice, options.verifyOptions);
    }
    entries.push(entry);
    options.onProgress?.(i + 1, files.length, file.name);
  }
  markDuplicates(entries);
  const count = (test: (e: IntakeEntry) => boolean) => entries.filter(test).length;
  const report: IntakeReport = {
    files: entries.length,
    read: count((e) => e.status === "read"),
    refused: count((e) => e.status === "refused"),
    duplicated: count((e) => e.duplicates.length > 0),
    withErrors: count((e) => e.errors > 0),
    entries,
  };
  if (options.verify) {
    report.verification = {};
    for (const e of entries) {
      const status = e.verification?.status ?? "not-verified";
      report.verification[status] = (report.verification[status] ?? 0) + 1;
    }
  }
  return report;
}

function readEntry(file: IntakeFile, options: IntakeOptions): IntakeEntry {
  const read = readReceived(file.bytes);
  const diagnostics = [...read.diagnostics];
  if (read.ok && options.check) diagnostics.push(...ruleFindings(read.value, options.check));
  const entry: IntakeEntry = {
    file: file.name,
    status: read.ok ? "read" : "refused",
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warning").length,
    duplicates: [],
  };
  if (read.ok) {
    entry.format = read.value.format;
    entry.invoice = read.value.invoice;
  }
  return entry;
}

/** The same invoice: the same number (and, for legacy invoices, the same invoice code). */
function markDuplicates(entries: IntakeEntry[]): void {
  const byKey = new Map<string, IntakeEntry[]>();
  for (const entry of entries) {
    if (!entry.invoice) continue;
    const key = `${entry.invoice.invoiceCode ?? ""}/${entry.invoice.number}`;
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const entry of group) entry.duplicates = group.filter((e) => e !== entry).map((e) => e.file);
  }
}
