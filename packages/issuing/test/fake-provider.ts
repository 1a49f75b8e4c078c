/**
 * A provider in memory for the workflow's tests: it dedupes by request key as real providers do, counts
 * how many invoices it really issued per key, and plays scripted faults — each `issue` call takes the next
 * fault from `faults` (none when empty):
 * - `timeout`: issues, then fails ambiguously (the answer was lost);
 * - `5xx`: fails ambiguously without issuing;
 * - `pending`: accepts; queries answer pending `pendingPolls` times, then issued;
 * - `seal`: issues with a seal failure; `reseal` fixes it;
 * - `refuse-credentials`: fails definitely (nothing issued).
 * A key already issued answers `duplicate`, whatever the fault.
 */
import type { Invoice } from "@efapiao/model";
import {
  type IssueOutcome,
  type IssueRequest,
  type IssuingProvider,
  ProviderFailure,
  type RedFormAction,
  type RedFormOutcome,
  type RedFormRequest,
  type RedFormState,
} from "../src/index.js";

export type Fault = "timeout" | "5xx" | "pending" | "seal" | "refuse-credentials" | "none";

interface Issued {
  number: string;
  invoice: Invoice;
  red?: IssueRequest["red"];
  sealed: boolean;
  polls: number;
}

interface Form {
  formId: string;
  state: RedFormState;
  request: RedFormRequest;
}

export class FakeProvider implements IssuingProvider {
  readonly name = "fake";
  faults: Fault[] = [];
  pendingPolls = 2;
  /** Every invoice really issued, in order (a key twice here would be a double issuance). */
  readonly issuedKeys: string[] = [];
  readonly calls = { issue: 0, query: 0, reseal: 0 };
  private readonly issued = new Map<string, Issued>();
  private readonly forms = new Map<string, Form>();
  private sequence = 0;
  /** The state a new form gets: 02 (seller applied, buyer to confirm) or 01 (no confirmation needed). */
  formState: RedFormState = "02";
  /** Faults of the next applyRedForm calls. */
  formFaults: ("timeout" | "5xx" | "none")[] = [];

  async issue(request: IssueRequest): Promise<IssueOutcome> {
    this.calls.issue++;
    const fault = this.faults.shift() ?? "none";
    if (this.issued.has(request.requestKey)) return { status: "duplicate" };
    if (fault === "5xx") throw new ProviderFailure("ambiguous", "HTTP 500", "500");
    if (fault === "refuse-credentials") throw new ProviderFailure("definite", "bad signature", "100007");
    if (request.invoice.buyer.name.includes("拒收")) {
      return {
        status: "rejected",
        diagnostics: [
          {
            rule: "E9999",
            severity: "error",
            path: "buyer.name",
            message: "购买方拒收",
            messageEn: "refused",
          },
        ],
      };
    }
    const record: Issued = {
      number: `2631200000${String(++this.sequence).padStart(10, "0")}`,
      invoice: request.invoice,
      sealed: fault !== "seal",
      polls: fault === "pending" ? this.pendingPolls : 0,
      ...(request.red && { red: request.red }),
    };
    this.issued.set(request.requestKey, record);
    this.issuedKeys.push(request.requestKey);
    if (fault === "timeout") throw new ProviderFailure("ambiguous", "timed out");
    return this.outcomeOf(record, false);
  }

  async query(requestKey: string): Promise<IssueOutcome> {
    this.calls.query++;
    const record = this.issued.get(requestKey);
    if (!record) return { status: "not-found" };
    return this.outcomeOf(record, true);
  }

  async reseal(requestKey: string): Promise<IssueOutcome> {
    this.calls.reseal++;
    const record = this.issued.get(requestKey);
    if (!record) return { status: "not-found" };
    record.sealed = true;
    return this.outcomeOf(record, false);
  }

  /** The invoice issued under a key (to check what was sent). */
  issuedUnder(requestKey: string): Issued | undefined {
    return this.issued.get(requestKey);
  }

  private outcomeOf(record: Issued, polling: boolean): IssueOutcome {
    if (record.polls > 0) {
      if (polling) record.polls--;
      return { status: "pending" };
    }
    if (!record.sealed) return { status: "seal-failed", number: record.number };
    return { status: "issued", number: record.number, issuedAt: "2026-05-18T10:21:07+08:00" };
  }

  async applyRedForm(request: RedFormRequest): Promise<RedFormOutcome> {
    const fault = this.formFaults.shift() ?? "none";
    if (fault === "5xx") throw new ProviderFailure("ambiguous", "HTTP 502");
    const existing = [...this.forms.values()].find((f) => f.request.requestKey === request.requestKey);
    const form = existing ?? {
      formId: `HZ${String(this.forms.size + 1).padStart(6, "0")}`,
      state: this.formState,
      request,
    };
    this.forms.set(form.formId, form);
    if (fault === "timeout") throw new ProviderFailure("ambiguous", "timed out");
    return { status: "ok", formId: form.formId, state: form.state };
  }

  async queryRedForm(request: RedFormRequest): Promise<RedFormOutcome> {
    const form = [...this.forms.values()].find((f) => f.request.requestKey === request.requestKey);
    return form ? { status: "ok", formId: form.formId, state: form.state } : { status: "not-found" };
  }

  async operateRedForm(formId: string, action: RedFormAction): Promise<RedFormOutcome> {
    const form = this.forms.get(formId);
    if (!form) return { status: "not-found" };
    const next: Record<RedFormAction, RedFormState> = {
      confirm: "04",
      refuse: form.state === "03" ? "06" : "05",
      cancel: form.state === "04" ? "09" : "08",
    };
    form.state = next[action];
    return { status: "ok", formId, state: form.state };
  }

  /** The forms it holds, as the platform sees them. */
  formRequests(): RedFormRequest[] {
    return [...this.forms.values()].map((f) => f.request);
  }
}

/**
 * The same provider with a batched query (like Nuonuo's queryInvoiceResult with a list): `queryMany`
 * answers many keys in one call; `manyFaults` scripts a whole call failing (`5xx`).
 */
export class BatchingFakeProvider extends FakeProvider {
  readonly batches: string[][] = [];
  manyFaults: ("5xx" | "none")[] = [];

  async queryMany(requestKeys: readonly string[]): Promise<(IssueOutcome | ProviderFailure)[]> {
    this.batches.push([...requestKeys]);
    if ((this.manyFaults.shift() ?? "none") === "5xx") throw new ProviderFailure("ambiguous", "HTTP 502");
    const outcomes: IssueOutcome[] = [];
    // Not counted as single queries: calls.query stays the number of one-key queries.
    for (const key of requestKeys) {
      outcomes.push(await super.query(key));
      this.calls.query--;
    }
    return outcomes;
  }
}
