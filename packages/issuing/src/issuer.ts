/**
 * The issuance workflow: validate → record the intent under the request key (durably, before anything is
 * sent) → send → record the outcome. What could not be settled at once is resolved later by the same loop:
 *
 * - an ambiguous answer (timeout, reset, 5xx, "duplicate key") is resolved by querying the provider by key;
 *   a request is sent again (under the same key) only when the provider says it has never seen it;
 * - a record found still `recorded` after an earlier claim (its worker died between claim and answer) may
 *   have been sent, so it is queried first too;
 * - pending outcomes are polled with back-off; seal failures are re-sealed, never re-issued;
 * - a request key reused with other content is refused, the stored record left as it is.
 *
 * Records are leased to one worker at a time (PostgreSQL: `FOR UPDATE SKIP LOCKED`), so any number of
 * workers can drain one store, and a restarted process resumes whatever is unfinished.
 */
import { hostname } from "node:os";
import { type Diagnostic, error } from "@efapiao/model";
import type { PreparedDocument } from "./prepare.js";
import {
  isAmbiguous,
  type IssueOutcome,
  type IssuingProvider,
  ProviderFailure,
  type RedOrigin,
} from "./provider.js";
import {
  FINAL_STATUSES,
  type IssuanceRecord,
  type RecordUpdate,
  type Store,
  UNFINISHED_STATUSES,
} from "./store/types.js";

/** One line of `efapiao issue` / `status` output (contracts.md §4). */
export interface IssueReport {
  requestKey: string;
  status: "issued" | "pending" | "rejected" | "failed";
  number?: string;
  issuedAt?: string;
  diagnostics: Diagnostic[];
}

export interface Progress {
  done: number;
  total: number;
  issued: number;
}

export interface IssuerOptions {
  store: Store;
  provider: IssuingProvider;
  /** The clock (ms since the epoch); injectable for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Who this worker is in leases (default: host/pid/random). */
  owner?: string;
  /** How long a claim holds a record (default 60 s); a dead worker's records come free after it. */
  leaseMs?: number;
  /** Provider calls in flight at once (default 8). */
  concurrency?: number;
  /** Delay before the `attempt`-th retry or poll of a record (default: 250 ms doubling to 15 s, ±20 %). */
  backoff?: (attempt: number) => number;
  onProgress?: (progress: Progress) => void;
}

/** A document ready to be recorded: prepared, and for a red invoice the blue invoice and form it reverses. */
export type Submission = Pick<PreparedDocument, "requestKey" | "contentHash" | "invoice"> & {
  red?: RedOrigin;
};

export interface RunOptions {
  /** How long to wait for pending outcomes before reporting them as pending (default 30 s). */
  waitMs?: number;
}

const defaultBackoff = (attempt: number) =>
  Math.min(250 * 2 ** Math.max(0, attempt - 1), 15_000) * (0.8 + Math.random() * 0.4);

/**
 * Issues invoices exactly once through a provider, on a store.
 * @example
 * const issuer = new Issuer({ store: await openStore(undefined), provider });
 * const [report] = await issuer.issue([prepared]); // { requestKey, status: "issued", number: "2631…", … }
 */
export class Issuer {
  private readonly store: Store;
  private readonly provider: IssuingProvider;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly backoff: (attempt: number) => number;
  private readonly onProgress?: (progress: Progress) => void;

  constructor(options: IssuerOptions) {
    this.store = options.store;
    this.provider = options.provider;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.owner = options.owner ?? `${hostname()}/${process.pid}/${Math.random().toString(36).slice(2, 10)}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.concurrency = options.concurrency ?? 8;
    this.backoff = options.backoff ?? defaultBackoff;
    this.onProgress = options.onProgress;
  }

  /**
   * Records every submission (one transaction), then works until each is final or `waitMs` has passed.
   * A key already stored with the same content is not sent again: its stored outcome is returned (and
   * resolved first when unfinished). A key stored with other content is refused.
   */
  async issue(submissions: readonly Submission[], options: RunOptions = {}): Promise<IssueReport[]> {
    const refusals = new Map<number, IssueReport>();
    const seen = new Map<string, string>();
    const fresh: Submission[] = [];
    submissions.forEach((s, i) => {
      const hash = seen.get(s.requestKey);
      if (hash === undefined) {
        seen.set(s.requestKey, s.contentHash);
        fresh.push(s);
      } else if (hash !== s.contentHash) refusals.set(i, keyReused(s.requestKey));
    });
    const recorded = await this.store.record(
      fresh.map((s) => ({ ...s, provider: this.provider.name })),
      this.now(),
    );
    const conflicts = new Map<string, IssueReport>();
    for (const { record } of recorded) {
      const submitted = seen.get(record.requestKey)!;
      if (record.contentHash !== submitted) conflicts.set(record.requestKey, keyReused(record.requestKey));
      else if (record.provider !== this.provider.name && !FINAL_STATUSES.includes(record.status))
        conflicts.set(record.requestKey, otherProvider(record));
    }
    const keys = recorded.map((r) => r.record.requestKey).filter((k) => !conflicts.has(k));
    await this.drain(keys, options);
    const stored = new Map((await this.store.list(keys)).map((r) => [r.requestKey, reportOf(r)]));
    return submissions.map(
      (s, i) => refusals.get(i) ?? conflicts.get(s.requestKey) ?? stored.get(s.requestKey)!,
    );
  }

  /** Works on every unfinished record of the store (after a crash, or as a worker) until done or `waitMs`. */
  async resume(options: RunOptions = {}): Promise<IssueReport[]> {
    const unfinished = (await this.store.list()).filter((r) => UNFINISHED_STATUSES.includes(r.status));
    const mine = unfinished.filter((r) => r.provider === this.provider.name).map((r) => r.requestKey);
    await this.drain(mine, options);
    return (await this.store.list(mine)).map(reportOf);
  }

  /** The stored records with these keys (all when none are given), as `status` prints them. */
  async status(keys?: readonly string[]): Promise<IssueReport[]> {
    return (await this.store.list(keys && keys.length > 0 ? keys : undefined)).map(reportOf);
  }

  /** Claims and works on the records with these keys until all are final or the wait is over. */
  private async drain(keys: readonly string[], options: RunOptions): Promise<void> {
    if (keys.length === 0) return;
    const deadline = this.now() + (options.waitMs ?? 30_000);
    await this.freeDeadLeases();
    const total = keys.length;
    let finished = await this.store.progress(keys);
    this.report(finished, total);
    // Every record is worked on at least once; after that, the wait decides.
    const worked = new Set(
      (await this.store.list(keys)).filter((r) => FINAL_STATUSES.includes(r.status)).map((r) => r.requestKey),
    );
    for (;;) {
      if (worked.size >= keys.length && this.now() >= deadline) break;
      const claimed = await this.store.claim({
        owner: this.owner,
        now: this.now(),
        leaseMs: this.leaseMs,
        limit: this.concurrency * 8,
        keys,
      });
      if (claimed.length > 0) {
        const updates = await this.workOn(claimed);
        for (const record of claimed) worked.add(record.requestKey);
        finished.done += updates.filter((u) => FINAL_STATUSES.includes(u.status)).length;
        finished.issued += updates.filter((u) => u.status === "issued").length;
        this.report(finished, total);
        continue;
      }
      // Nothing to claim: wait for the next record to come due (or for a lease to come free).
      finished = await this.store.progress(keys);
      const now = this.now();
      if (finished.open === 0 || now >= deadline) break;
      const due = (finished.nextAttemptAt ?? now) - now;
      if (due <= 0) await this.freeDeadLeases();
      await this.sleep(Math.min(Math.max(due, 20), deadline - now, 1_000));
    }
  }

  private report(finished: { done: number; issued: number }, total: number): void {
    this.onProgress?.({ done: finished.done, issued: finished.issued, total });
  }

  /**
   * Works on claimed records, `concurrency` at a time. Outcomes are saved in groups — one durable commit for
   * all those that came in during the last {@link SAVE_EVERY_MS}, and the rest at the end — before this
   * returns: nothing acts on an outcome before it is stored (a record's next move starts from its stored
   * state), and a crash before a commit leaves those records claimed but unanswered, which a restart
   * resolves by query, never by sending again.
   */
  private async workOn(records: IssuanceRecord[]): Promise<RecordUpdate[]> {
    const writer = new GroupWriter((updates) => this.store.save(updates, this.owner, this.now()), this.now);
    const answers = await this.queryTogether(records);
    const updates: RecordUpdate[] = [];
    let next = 0;
    const worker = async () => {
      // A failed commit stops the batch: its records are resolved by query after the store is back.
      while (next < records.length && !writer.failed) {
        const record = records[next++]!;
        const update = await this.step(record, answers.get(record.requestKey));
        updates.push(update);
        writer.add(update);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.concurrency, records.length) }, worker));
    } finally {
      // Whatever was answered is kept, even when a worker failed on a programming error.
      await writer.finish();
    }
    return updates;
  }

  /**
   * Asks about every claimed record whose next move is a query (pending, or perhaps sent) in one batched
   * call when the provider offers one: polling a batch is then a few calls, not one per record.
   */
  private async queryTogether(records: readonly IssuanceRecord[]): Promise<Map<string, QueryAnswer>> {
    const answers = new Map<string, QueryAnswer>();
    const keys = records.filter((r) => nextMoveIsQuery(r)).map((r) => r.requestKey);
    if (!this.provider.queryMany || keys.length < 2) return answers;
    try {
      const outcomes = await this.provider.queryMany(keys);
      keys.forEach((key, i) => {
        const outcome = outcomes[i];
        if (outcome === undefined) return; // not answered: the record asks on its own
        answers.set(key, outcome instanceof ProviderFailure ? { failure: outcome } : { outcome });
      });
    } catch (failure) {
      for (const key of keys) answers.set(key, { failure });
    }
    return answers;
  }

  /**
   * One move of one record: ask the provider what its state calls for, and say what to store. `answer` is
   * the record's part of a batched query made for it just before (see {@link queryTogether}).
   */
  private async step(record: IssuanceRecord, answer?: QueryAnswer): Promise<RecordUpdate> {
    const attempts = record.attempts + 1;
    const mayHaveBeenSent = mayHaveBeenSentBefore(record);
    let sent = false;
    try {
      let outcome: IssueOutcome;
      if (record.status === "seal-failed") outcome = await this.provider.reseal(record.requestKey);
      else if (nextMoveIsQuery(record)) {
        if (answer && "failure" in answer) throw answer.failure;
        outcome = answer ? answer.outcome : await this.provider.query(record.requestKey);
      } else {
        sent = true;
        outcome = await this.send(record);
      }
      if (outcome.status === "not-found" && !sent) {
        // The provider has never seen the key: sending now (under the same key) cannot issue it twice.
        sent = true;
        outcome = await this.send(record);
      }
      if (outcome.status === "duplicate") outcome = await this.provider.query(record.requestKey);
      return this.updateFor(record, attempts, outcome);
    } catch (failure) {
      if (!isAmbiguous(failure) && sent && !mayHaveBeenSent && record.status === "recorded") {
        // Refused before it took effect (bad credentials, malformed request): nothing was issued.
        return {
          ...base(record, attempts, this.now()),
          status: "failed",
          diagnostics: [failureDiagnostic(failure)],
        };
      }
      return {
        ...base(record, attempts, this.now() + this.backoff(attempts)),
        status: record.status === "recorded" ? "unknown" : record.status,
        diagnostics: [failureDiagnostic(failure)],
      };
    }
  }

  private send(record: IssuanceRecord): Promise<IssueOutcome> {
    return this.provider.issue({
      requestKey: record.requestKey,
      invoice: record.invoice,
      ...(record.red && { red: record.red }),
    });
  }

  private updateFor(record: IssuanceRecord, attempts: number, outcome: IssueOutcome): RecordUpdate {
    const later = base(record, attempts, this.now() + this.backoff(attempts));
    switch (outcome.status) {
      case "issued":
        return {
          ...base(record, attempts, this.now()),
          status: "issued",
          number: outcome.number,
          issuedAt: outcome.issuedAt,
          diagnostics: [],
        };
      case "rejected":
        return {
          ...base(record, attempts, this.now()),
          status: "rejected",
          diagnostics: outcome.diagnostics,
        };
      case "pending":
        return { ...later, status: "pending", diagnostics: [] };
      case "seal-failed":
        return {
          ...later,
          status: "seal-failed",
          diagnostics: [],
          ...(outcome.number && { number: outcome.number }),
        };
      default:
        // Still "duplicate" or "not-found" after a query: the provider has not settled it yet; ask again later.
        return { ...later, status: "unknown", diagnostics: [] };
    }
  }

  /** Leases held by processes of this machine that no longer run are freed at once, not after they expire. */
  private async freeDeadLeases(): Promise<void> {
    const host = hostname();
    const dead = (await this.store.leaseOwners(this.now())).filter((owner) => {
      const [ownerHost, pid] = owner.split("/");
      return owner !== this.owner && ownerHost === host && pid !== undefined && !isRunning(Number(pid));
    });
    if (dead.length > 0) await this.store.releaseLeases(dead);
  }
}

/** A record's part of a batched query: its outcome, or the failure that left it unanswered. */
type QueryAnswer = { outcome: IssueOutcome } | { failure: unknown };

/** Sent before and not answered for sure: an `unknown` record, or one claimed again while `recorded`. */
function mayHaveBeenSentBefore(record: IssuanceRecord): boolean {
  return record.status === "unknown" || (record.status === "recorded" && record.claims > 1);
}

/** The record's next move is to ask the provider (never to send): it is pending, or may have been sent. */
function nextMoveIsQuery(record: IssuanceRecord): boolean {
  return record.status === "pending" || mayHaveBeenSentBefore(record);
}

function base(record: IssuanceRecord, attempts: number, nextAttemptAt: number) {
  return { requestKey: record.requestKey, attempts, nextAttemptAt };
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The contract's view of a record: everything unfinished is `pending`. */
export function reportOf(record: IssuanceRecord): IssueReport {
  const status = FINAL_STATUSES.includes(record.status)
    ? (record.status as IssueReport["status"])
    : "pending";
  return {
    requestKey: record.requestKey,
    status,
    ...(record.number !== undefined && status === "issued" && { number: record.number }),
    ...(record.issuedAt !== undefined && status === "issued" && { issuedAt: record.issuedAt }),
    diagnostics: record.diagnostics,
  };
}

function keyReused(requestKey: string): IssueReport {
  return {
    requestKey,
    status: "rejected",
    diagnostics: [
      error("ISSUE_KEY_REUSED", "requestKey", {
        zh: `请求键 ${requestKey} 已用于内容不同的发票，未发送；请换一个 requestKey`,
        en: `The request key ${requestKey} was already used for different content; nothing was sent. Use another requestKey`,
      }),
    ],
  };
}

function otherProvider(record: IssuanceRecord): IssueReport {
  return {
    requestKey: record.requestKey,
    status: "rejected",
    diagnostics: [
      error("ISSUE_KEY_OTHER_PROVIDER", "requestKey", {
        zh: `请求键 ${record.requestKey} 正在通过 ${record.provider} 开具，未发送；请用 --provider ${record.provider} 继续`,
        en: `The request key ${record.requestKey} is being issued through ${record.provider}; nothing was sent. Continue with --provider ${record.provider}`,
      }),
    ],
  };
}

/** A provider failure as a diagnostic: its kind and message, never the credentials (adapters keep them out). */
function failureDiagnostic(failure: unknown): Diagnostic {
  const message = failure instanceof Error ? failure.message : String(failure);
  const code = failure instanceof ProviderFailure && failure.code ? ` [${failure.code}]` : "";
  const ambiguous = isAmbiguous(failure);
  return {
    rule: ambiguous ? "ISSUE_PROVIDER_UNANSWERED" : "ISSUE_PROVIDER_FAILED",
    severity: ambiguous ? "warning" : "error",
    path: "",
    message: ambiguous
      ? `服务商未给出明确答复，稍后按请求键查询：${message}${code}`
      : `服务商拒绝了请求：${message}${code}`,
    messageEn: ambiguous
      ? `The provider gave no clear answer; it will be queried by request key: ${message}${code}`
      : `The provider refused the request: ${message}${code}`,
  };
}

/** How long an outcome may wait for its group's commit while the rest of a claimed batch is worked on. */
const SAVE_EVERY_MS = 1_000;

/**
 * Saves outcomes in groups: when {@link SAVE_EVERY_MS} have passed since the last commit, the outcomes
 * that came in meanwhile go out in one commit (commits one after the other); `finish` commits the rest and
 * resolves once everything is stored, or rejects with the first failure. A slow provider's batch thus keeps
 * nobody's outcome unsaved for long, and a fast one costs a few commits, not one per outcome.
 */
class GroupWriter {
  private queue: RecordUpdate[] = [];
  private saving: Promise<void> = Promise.resolve();
  private failure: unknown;
  private lastFlush: number;

  constructor(
    private readonly save: (updates: RecordUpdate[]) => Promise<void>,
    private readonly now: () => number,
  ) {
    this.lastFlush = now();
  }

  /** True once a commit failed. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  add(update: RecordUpdate): void {
    this.queue.push(update);
    if (this.now() - this.lastFlush >= SAVE_EVERY_MS) this.flush();
  }

  async finish(): Promise<void> {
    this.flush();
    await this.saving;
    if (this.failure !== undefined) throw this.failure;
  }

  private flush(): void {
    this.lastFlush = this.now();
    if (this.queue.length === 0) return;
    const group = this.queue;
    this.queue = [];
    this.saving = this.saving.then(() =>
      this.save(group).catch((e: unknown) => {
        this.failure ??= e;
      }),
    );
  }
}
