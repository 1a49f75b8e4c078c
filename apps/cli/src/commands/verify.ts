/**
 * `efapiao verify FILE|NUMBER… --provider P [--url URL] [--tax-id ID] [--date D] [--total T]`
 * 查验 through the provider port (@efapiao/receiving does the asking and the comparing): one JSON line per
 * input with its status and, for `differs`, the fields.
 */
import { readFile } from "node:fs/promises";
import { isCalendarDate } from "@efapiao/model";
import type { VerifyCapability } from "@efapiao/provider";
import { verificationOf } from "../verification-provider.js";
import {
  describeVerification,
  readReceived,
  type Verification,
  verifyElements,
  verifyInvoice,
} from "@efapiao/receiving";
import type { RunOf } from "../command.js";
import { type CliIO, EXIT, resolvePath, UsageError } from "../io.js";
import type { verifySpec } from "../specs/verify.js";

export const verify: RunOf<typeof verifySpec> = async ({ values, positionals, io }) => {
  if (positionals.length === 0) {
    throw new UsageError("verify 需要至少一个文件或发票号码", "verify takes one or more FILEs or NUMBERs");
  }
  const capability = await verificationOf(values, io);
  let allGenuine = true;
  for (const input of positionals) {
    const line = /^\d{20}$/.test(input)
      ? await byNumber(capability, input, values)
      : await byFile(io, capability, input);
    if (line.status !== "genuine") allGenuine = false;
    io.stdout(`${JSON.stringify(line)}\n`);
  }
  return allGenuine ? EXIT.ok : EXIT.rejected;
};

interface Line {
  input: string;
  number?: string;
  status: string;
  summary?: string;
  differences?: Verification["differences"];
  diagnostics?: unknown[];
}

async function byFile(io: CliIO, capability: VerifyCapability, file: string): Promise<Line> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolvePath(io, file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`无法读取文件 ${file}（${reason}）`, `Cannot read file ${file} (${reason})`);
  }
  const read = readReceived(bytes);
  if (!read.ok) return { input: file, status: "unreadable", diagnostics: read.diagnostics };
  return line(file, read.value.invoice.number, await verifyInvoice(capability, read.value.invoice));
}

async function byNumber(
  capability: VerifyCapability,
  number: string,
  values: { date?: string; total?: string },
): Promise<Line> {
  if (values.date === undefined || !isCalendarDate(values.date)) {
    throw new UsageError(
      "按发票号码查验需要 --date YYYY-MM-DD（开票日期）",
      "Verifying by NUMBER needs --date YYYY-MM-DD (the issue date)",
    );
  }
  const query = {
    number,
    issueDate: values.date,
    ...(values.total !== undefined ? { total: values.total } : {}),
  };
  const held: Record<string, string | undefined> = {
    number,
    issueDate: values.date,
    "totals.total": values.total,
  };
  return line(number, number, await verifyElements(capability, query, (path) => held[path]));
}

function line(input: string, number: string, verification: Verification): Line {
  const out: Line = {
    input,
    number,
    status: verification.status,
    summary: describeVerification(verification),
  };
  if (verification.differences.length > 0) out.differences = verification.differences;
  if (verification.diagnostics.length > 0) out.diagnostics = verification.diagnostics;
  return out;
}
