/**
 * `efapiao issue FILE… --provider P [--credentials C] [--store URL] [--wait S]` and `efapiao status [KEY…]`
 * (contracts.md §4). Every document is checked first; a refused document is reported and never stored or
 * sent. The rest go through @efapiao/issuing: recorded, sent, resolved, one JSON line each.
 */
import {
  type IssueReport,
  Issuer,
  type PreparedDocument,
  prepareDocument,
  terminalProgress,
} from "@efapiao/issuing";
import { parseJsonText } from "@efapiao/model";
import { createValidator, loadStandardPack } from "@efapiao/rules";
import { loadCodeTable } from "../code-table.js";
import type { RunOf } from "../command.js";
import { type CliIO, EXIT, readInput, UsageError } from "../io.js";
import { openIssuingStore, providerFor } from "../issuing-setup.js";
import type { issueSpec, statusSpec } from "../specs/issue.js";

export const issue: RunOf<typeof issueSpec> = async ({ values, positionals, io }) => {
  if (positionals.length === 0)
    throw new UsageError("issue 需要至少一个输入文件", "issue takes one or more input FILEs");
  const waitMs = secondsOption(values.wait) * 1000;
  const codes = await loadCodeTable(io, values.codes);
  const check = createValidator({ packs: [await loadStandardPack()], codes });
  const prepared: (PreparedDocument | IssueReport)[] = [];
  for (const file of positionals) {
    const json = parseJsonText((await readInput(io, file)).replace(/^\uFEFF/, ""));
    const documents = !json.ok ? [] : Array.isArray(json.value) ? json.value : [json.value];
    if (!json.ok) prepared.push({ requestKey: "", status: "rejected", diagnostics: json.diagnostics });
    for (const document of documents) {
      const result = prepareDocument(document, { codes, check });
      const key = (document as { requestKey?: unknown } | null)?.requestKey;
      prepared.push(
        result.ok
          ? result.value
          : {
              requestKey: typeof key === "string" ? key : "",
              status: "rejected",
              diagnostics: result.diagnostics,
            },
      );
    }
  }
  const valid = prepared.filter((p): p is PreparedDocument => "contentHash" in p);
  let reports = new Map<PreparedDocument, IssueReport>();
  if (valid.length > 0) {
    const store = await openIssuingStore(io, values.store);
    try {
      const setup = await providerFor(io, values, valid[0]!.invoice.seller.taxId, store);
      try {
        await setup.check?.(valid.map((p) => p.requestKey));
        const progress = io.stderrIsTTY
          ? terminalProgress({ isTTY: true, write: (t) => io.stderr(t) })
          : undefined;
        const issuer = new Issuer({
          store,
          provider: setup.provider,
          ...(progress && { onProgress: progress }),
        });
        const issued = await issuer.issue(valid, { waitMs });
        reports = new Map(valid.map((p, i) => [p, issued[i]!]));
      } finally {
        await setup.close();
      }
    } finally {
      await store.close();
    }
  }
  const lines = prepared.map((p) => ("contentHash" in p ? reports.get(p)! : p));
  return printReports(io, lines);
};

export const status: RunOf<typeof statusSpec> = async ({ values, positionals, io }) => {
  const store = await openIssuingStore(io, values.store);
  try {
    const records = await store.list(positionals.length > 0 ? positionals : undefined);
    const { reportOf } = await import("@efapiao/issuing");
    for (const record of records) io.stdout(`${JSON.stringify(reportOf(record))}\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
};

/** One JSON line per report; exit 1 when any was rejected or failed. */
export function printReports(io: CliIO, reports: readonly IssueReport[]): number {
  for (const report of reports) io.stdout(`${JSON.stringify(report)}\n`);
  const bad = reports.filter((r) => r.status === "rejected" || r.status === "failed").length;
  const issued = reports.filter((r) => r.status === "issued").length;
  io.stderr(`已开具 ${issued} 张，未成功 ${bad} 张 / ${issued} issued, ${bad} rejected or failed\n`);
  return bad === 0 ? EXIT.ok : EXIT.rejected;
}

export function secondsOption(text: string | undefined): number {
  const seconds = Number(text ?? "30");
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new UsageError(
      `--wait 应为非负秒数，收到 “${text}”`,
      `--wait must be a number of seconds, got "${text}"`,
    );
  }
  return seconds;
}
