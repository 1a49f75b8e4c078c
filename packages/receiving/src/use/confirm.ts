/**
 * 用途确认 / 勾选 as a workflow, crash-safe like issuance: record the intent → send → record the answer.
 * Before anything is sent, requests left unfinished by an earlier run (`recorded`, `unknown`) are resolved
 * by listing the period's received invoices: if the platform shows the effect, the request is done and is
 * not sent again; if not, it is sent now. A request equal to what the platform already shows, or to the
 * last request recorded for the invoice, is not sent at all.
 */
import { type Diagnostic, error } from "@efapiao/model";
import type {
  CallOptions,
  ReceivedInvoice as PlatformInvoice,
  UseConfirmationCapability,
  UseConfirmationItem,
} from "@efapiao/provider";
import type { UseAction, UseRecord, UseStore } from "./store.js";

export interface UseRequest {
  number: string;
  issueDate: string;
  /** For confirm; default deduct. */
  use?: "deduct" | "no-deduct";
}

/** What became of one request. `unchanged`: not sent, because the platform or the record already shows it. */
export interface UseReport {
  number: string;
  action: UseAction;
  status: "done" | "refused" | "unknown" | "unchanged";
  providerCode?: string;
  providerMessage?: string;
  diagnostics: Diagnostic[];
}

export interface UseConfirmationOptions {
  store: UseStore;
  capability: UseConfirmationCapability;
  /** This company: the buyer. */
  buyerTaxId: string;
  now?: () => number;
  callOptions?: CallOptions;
  /** Invoices per call to the platform (default 100): each batch is recorded, sent and answered in turn. */
  batchSize?: number;
}

/**
 * @example
 * const use = new UseConfirmation({ store, capability: provider.useConfirmation, buyerTaxId });
 * await use.list("2026-05");                                   // the platform's received special invoices
 * await use.apply("2026-05", "confirm", [{ number, issueDate: "2026-05-18" }]);
 * // [{ number, action: "confirm", status: "done", diagnostics: [] }] — and again: status "unchanged"
 */
export class UseConfirmation {
  private readonly now: () => number;

  constructor(private readonly options: UseConfirmationOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The buyer's received special invoices of a period as the platform lists them. */
  async list(period: string, useStatus?: PlatformInvoice["useStatus"]) {
    const { capability, buyerTaxId, callOptions } = this.options;
    return capability.listReceived({ period, buyerTaxId, ...(useStatus ? { useStatus } : {}) }, callOptions);
  }

  /** The records of a period, for review. */
  records(period?: string): Promise<UseRecord[]> {
    return this.options.store.list(this.options.buyerTaxId, period);
  }

  /** Confirms or cancels the use of invoices in a period; each is sent at most once. */
  async apply(period: string, action: UseAction, requests: readonly UseRequest[]): Promise<UseReport[]> {
    const { store, buyerTaxId } = this.options;
    const listed = await this.list(period);
    if (listed.status !== "ok") {
      return requests.map((r) => ({
        number: r.number,
        action,
        status: "unknown",
        diagnostics: listed.diagnostics,
      }));
    }
    const platform = new Map(listed.value.map((i) => [i.number, i]));
    const records = await store.list(buyerTaxId, period);
    const resolved = await this.resolveUnfinished(records, platform);

    const reports: UseReport[] = [];
    const toSend: UseRecord[] = [];
    for (const request of requests) {
      const use = action === "confirm" ? (request.use ?? "deduct") : undefined;
      const shown = platform.get(request.number);
      const last = latest(records, request.number);
      if (shown && effectShown(action, use, shown.useStatus)) {
        reports.push({ number: request.number, action, status: "unchanged", diagnostics: [] });
        continue;
      }
      if (
        last &&
        last.action === action &&
        last.use === use &&
        (last.status === "done" || last.status === "unknown")
      ) {
        // Resolved just now (found applied, or sent again): that outcome; else an earlier run's.
        reports.push(
          resolved.get(request.number) ?? {
            number: request.number,
            action,
            status: "unchanged",
            diagnostics: [],
          },
        );
        continue;
      }
      const record: UseRecord = {
        key: `${buyerTaxId}/${period}/${request.number}/${records.filter((r) => r.number === request.number).length + 1}`,
        buyerTaxId,
        period,
        number: request.number,
        issueDate: request.issueDate,
        action,
        ...(use ? { use } : {}),
        status: "recorded",
        diagnostics: [],
        sends: 0,
        createdAt: this.now(),
        updatedAt: this.now(),
      };
      await store.insert(record); // durable before anything is sent
      records.push(record);
      toSend.push(record);
    }
    reports.push(...(await this.sendInBatches(period, action, toSend)));
    const order = new Map(requests.map((r, i) => [r.number, i]));
    return reports.sort((a, b) => (order.get(a.number) ?? 0) - (order.get(b.number) ?? 0));
  }

  /**
   * Unfinished records: done when the platform shows their effect, else sent again now.
   * @returns what became of each, by invoice number
   */
  private async resolveUnfinished(
    records: UseRecord[],
    platform: Map<string, PlatformInvoice>,
  ): Promise<Map<string, UseReport>> {
    const open = records.filter((r) => r.status === "recorded" || r.status === "unknown");
    const again: UseRecord[] = [];
    const resolved = new Map<string, UseReport>();
    for (const record of open) {
      const shown = platform.get(record.number);
      if (shown && effectShown(record.action, record.use, shown.useStatus)) {
        record.status = "done";
        record.diagnostics = [];
        record.updatedAt = this.now();
        await this.options.store.update(record);
        resolved.set(record.number, {
          number: record.number,
          action: record.action,
          status: "done",
          diagnostics: [],
        });
      } else again.push(record);
    }
    for (const action of ["confirm", "cancel"] as const) {
      const batch = again.filter((r) => r.action === action);
      if (batch.length === 0) continue;
      for (const report of await this.sendInBatches(batch[0]!.period, action, batch)) {
        resolved.set(report.number, report);
      }
    }
    return resolved;
  }

  /** {@link send} batch by batch, at most `batchSize` invoices a call. */
  private async sendInBatches(period: string, action: UseAction, records: UseRecord[]): Promise<UseReport[]> {
    const size = Math.max(1, this.options.batchSize ?? 100);
    const reports: UseReport[] = [];
    for (let i = 0; i < records.length; i += size) {
      reports.push(...(await this.send(period, action, records.slice(i, i + size))));
    }
    return reports;
  }

  /** One call for the batch; every record's answer is written before the reports return. */
  private async send(period: string, action: UseAction, records: UseRecord[]): Promise<UseReport[]> {
    if (records.length === 0) return [];
    const { store, capability, callOptions } = this.options;
    const items: UseConfirmationItem[] = records.map((r) => ({
      number: r.number,
      issueDate: r.issueDate,
      ...(r.use ? { use: r.use } : {}),
    }));
    for (const r of records) {
      r.sends += 1;
      r.updatedAt = this.now();
      await store.update(r); // counted before the call: a crash during it leaves "recorded", resolved next time
    }
    const outcome =
      action === "confirm"
        ? await capability.confirmUse(period, items, callOptions)
        : await capability.cancelUse(period, items, callOptions);
    const reports: UseReport[] = [];
    for (const record of records) {
      if (outcome.status !== "ok") {
        record.status = "unknown";
        record.diagnostics = outcome.diagnostics;
      } else {
        const answer = outcome.value.find((a) => a.number === record.number);
        record.status = answer?.ok ? "done" : answer ? "refused" : "unknown";
        if (answer?.providerCode) record.providerCode = answer.providerCode;
        if (answer?.providerMessage) record.providerMessage = answer.providerMessage;
        record.diagnostics = answer ? [] : [missingAnswer(record.number)];
      }
      record.updatedAt = this.now();
      await store.update(record);
      reports.push({
        number: record.number,
        action,
        status: record.status as UseReport["status"],
        ...(record.providerCode ? { providerCode: record.providerCode } : {}),
        ...(record.providerMessage ? { providerMessage: record.providerMessage } : {}),
        diagnostics: record.diagnostics,
      });
    }
    return reports;
  }
}

/** The newest record about an invoice. */
function latest(records: readonly UseRecord[], number: string): UseRecord | undefined {
  return records.filter((r) => r.number === number).at(-1);
}

/** Whether the platform's use status already is what the action would make it. */
function effectShown(
  action: UseAction,
  use: UseRecord["use"],
  status: PlatformInvoice["useStatus"],
): boolean {
  return action === "cancel" ? status === "unconfirmed" : status === use;
}

function missingAnswer(number: string): Diagnostic {
  return error("USE_NO_ANSWER", number, {
    zh: `平台的答复中没有发票 ${number}：下次运行时将按平台列表核实`,
    en: `The platform's answer does not mention invoice ${number}: it is checked against the platform's list next time`,
  });
}
