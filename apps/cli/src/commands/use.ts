/**
 * `efapiao use list|confirm|cancel|records` — 用途确认 through @efapiao/receiving's workflow: every request
 * recorded (durably, in the use-store file) before it is sent, never sent twice; one JSON line per invoice.
 */
import { join } from "node:path";
import { UseConfirmation, type UseAction } from "@efapiao/receiving";
import { openUseFileStore } from "@efapiao/receiving/node";
import type { RunOf } from "../command.js";
import { type CliIO, EXIT, printJson, resolvePath, UsageError } from "../io.js";
import type { useCancelSpec, useConfirmSpec, useListSpec, useRecordsSpec } from "../specs/use.js";
import { useConfirmationOf } from "../verification-provider.js";

type Values = { provider?: string; url?: string; "tax-id"?: string; "use-store"?: string };

export const list: RunOf<typeof useListSpec> = async ({ values, positionals, io }) => {
  const use = await workflow(io, values);
  const listed = await use.list(period(positionals[0]));
  if (listed.status !== "ok") {
    printJson(io, { ok: false, diagnostics: listed.diagnostics });
    return EXIT.rejected;
  }
  printJson(io, listed.value);
  return EXIT.ok;
};

export const confirm: RunOf<typeof useConfirmSpec> = async ({ values, positionals, io }) =>
  apply(io, values, positionals, "confirm", values["no-deduct"] ? "no-deduct" : "deduct");

export const cancel: RunOf<typeof useCancelSpec> = async ({ values, positionals, io }) =>
  apply(io, values, positionals, "cancel");

export const records: RunOf<typeof useRecordsSpec> = async ({ values, positionals, io }) => {
  const taxId = values["tax-id"];
  if (taxId === undefined) throw new UsageError("需要 --tax-id", "--tax-id is needed");
  const store = openUseFileStore(storePath(io, values["use-store"]));
  const month = positionals[0] === undefined ? undefined : period(positionals[0]);
  for (const record of await store.list(taxId, month)) io.stdout(`${JSON.stringify(record)}\n`);
  return EXIT.ok;
};

async function apply(
  io: CliIO,
  values: Values,
  positionals: string[],
  action: UseAction,
  use?: "deduct" | "no-deduct",
): Promise<number> {
  const [month, ...numbers] = positionals;
  if (numbers.length === 0) {
    throw new UsageError(
      `use ${action} 需要所属期和至少一个发票号码`,
      `use ${action} takes a PERIOD and one or more NUMBERs`,
    );
  }
  const workflowFor = await workflow(io, values);
  // The issue dates come from the platform's list of the period: the numbers are all a clerk types.
  const listed = await workflowFor.list(period(month));
  const dates = new Map(listed.status === "ok" ? listed.value.map((i) => [i.number, i.issueDate]) : []);
  const reports = await workflowFor.apply(
    period(month),
    action,
    numbers.map((number) => ({ number, issueDate: dates.get(number) ?? "", ...(use ? { use } : {}) })),
  );
  for (const report of reports) io.stdout(`${JSON.stringify(report)}\n`);
  return reports.every((r) => r.status === "done" || r.status === "unchanged") ? EXIT.ok : EXIT.rejected;
}

async function workflow(io: CliIO, values: Values): Promise<UseConfirmation> {
  const capability = await useConfirmationOf(values);
  return new UseConfirmation({
    store: openUseFileStore(storePath(io, values["use-store"])),
    capability,
    buyerTaxId: values["tax-id"]!,
  });
}

function period(text: string | undefined): string {
  if (text === undefined || !/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) {
    throw new UsageError(
      `所属期应写作 YYYY-MM，收到 “${text ?? ""}”`,
      `The period is written YYYY-MM, got "${text ?? ""}"`,
    );
  }
  return text;
}

/** --use-store, else the data directory the issuing store also lives in. */
function storePath(io: CliIO, given: string | undefined): string {
  if (given !== undefined) return resolvePath(io, given);
  const data = io.env.XDG_DATA_HOME || join(io.env.HOME ?? ".", ".local", "share");
  return join(data, "efapiao", "use-confirmations.jsonl");
}
