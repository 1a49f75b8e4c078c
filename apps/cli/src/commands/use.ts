/**
 * `efapiao use list|confirm|cancel|records` — 用途确认 through @efapiao/receiving's workflow, its records in
 * the issuing store's database (--store, as `issue`): every request recorded durably before it is sent,
 * never sent twice; one JSON line per invoice. Records an earlier efapiao kept in a JSON-lines file in the
 * data directory are imported into the store the first time, and the file renamed `….imported`.
 */
import { dirname, join } from "node:path";
import type { Store } from "@efapiao/issuing";
import { defaultStorePath } from "@efapiao/issuing/node";
import { UseConfirmation, type UseAction } from "@efapiao/receiving";
import { importUseLines } from "@efapiao/receiving/node";
import type { RunOf } from "../command.js";
import { type CliIO, EXIT, printJson, UsageError } from "../io.js";
import { openIssuingStore } from "../issuing-setup.js";
import type { useCancelSpec, useConfirmSpec, useListSpec, useRecordsSpec } from "../specs/use.js";
import { useConfirmationOf } from "../verification-provider.js";

type Values = { provider?: string; url?: string; "tax-id"?: string; credentials?: string; store?: string };

export const list: RunOf<typeof useListSpec> = async ({ values, positionals, io }) => {
  const capability = await useConfirmationOf(values, io);
  const listed = await capability.listReceived({
    period: period(positionals[0]),
    buyerTaxId: values["tax-id"]!,
  });
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
  const month = positionals[0] === undefined ? undefined : period(positionals[0]);
  return withStore(io, values.store, async (store) => {
    for (const record of await store.uses.list(taxId, month)) io.stdout(`${JSON.stringify(record)}\n`);
    return EXIT.ok;
  });
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
  const capability = await useConfirmationOf(values, io);
  return withStore(io, values.store, async (store) => {
    const workflow = new UseConfirmation({ store: store.uses, capability, buyerTaxId: values["tax-id"]! });
    // The issue dates come from the platform's list of the period: the numbers are all a clerk types.
    const listed = await workflow.list(period(month));
    const dates = new Map(listed.status === "ok" ? listed.value.map((i) => [i.number, i.issueDate]) : []);
    const reports = await workflow.apply(
      period(month),
      action,
      numbers.map((number) => ({ number, issueDate: dates.get(number) ?? "", ...(use ? { use } : {}) })),
    );
    for (const report of reports) io.stdout(`${JSON.stringify(report)}\n`);
    return reports.every((r) => r.status === "done" || r.status === "unchanged") ? EXIT.ok : EXIT.rejected;
  });
}

/** Opens the store (importing an earlier efapiao's JSON-lines records once), runs `work`, closes it. */
async function withStore(
  io: CliIO,
  url: string | undefined,
  work: (store: Store) => Promise<number>,
): Promise<number> {
  const store = await openIssuingStore(io, url);
  try {
    const old = join(dirname(defaultStorePath(io.env)), "use-confirmations.jsonl");
    const added = await importUseLines(old, store.uses);
    if (added !== undefined) {
      io.stderr(
        `efapiao: 已将 ${old} 中的 ${added} 条用途确认记录导入开票库，原文件改名为 ….imported / imported ${added} use records from ${old} into the store; the file was renamed ….imported\n`,
      );
    }
    return await work(store);
  } finally {
    await store.close();
  }
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
