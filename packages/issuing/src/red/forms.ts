/**
 * The red-letter (红字) life cycle: a confirmation form (红字发票信息确认单) is applied for against an issued
 * blue invoice, the other side confirms or refuses it (or nobody needs to: state 01), and a confirmed form
 * becomes a red invoice, issued exactly once through the {@link Issuer}. A form left unconfirmed for 72
 * hours is void (07); a void form gives back what it reserved of the blue invoice.
 *
 * States (domain-facts.md): 01 无需确认, 02 销方录入待购方确认, 03 购方录入待销方确认, 04 购销双方已确认,
 * 05 作废（销方录入购方否认）, 06 作废（购方录入销方否认）, 07 作废（超72小时未确认）, 08 作废（发起方已撤销）,
 * 09 作废（确认后撤销）, 10 作废（异常凭证）; and 00 before the provider has answered the application.
 */
import { randomUUID } from "node:crypto";
import { todayInShanghai } from "@efapiao/calc";
import { type Diagnostic, error, type Invoice, type Result } from "@efapiao/model";
import type { IssueReport, Issuer } from "../issuer.js";
import { hashContent } from "../prepare.js";
import {
  isAmbiguous,
  type IssuingProvider,
  type RedFormAction,
  type RedFormOutcome,
  type RedFormState,
  type RedReason,
} from "../provider.js";
import type { RedFormRecord, Store } from "../store/types.js";
import { planReversal, type Reversal } from "./reversal.js";

/** Forms in these states are void: what they reserved of the blue invoice is free again. */
export const VOID_STATES: readonly string[] = ["05", "06", "07", "08", "09", "10"];
/** A form awaiting the other side's answer; it expires after {@link EXPIRY_MS}. */
export const AWAITING_STATES: readonly string[] = ["02", "03"];
/** A red invoice may be issued from a form in these states. */
export const USABLE_STATES: readonly string[] = ["01", "04"];
export const EXPIRY_MS = 72 * 3600 * 1000;

const TRANSITIONS: Record<RedFormAction, Partial<Record<string, RedFormState>>> = {
  confirm: { "02": "04", "03": "04" },
  refuse: { "02": "05", "03": "06" },
  cancel: { "01": "08", "02": "08", "03": "08", "04": "09" },
};

export interface RedLetterOptions {
  store: Store;
  provider: IssuingProvider;
  issuer: Issuer;
  now?: () => number;
}

export interface ApplyRequest {
  blueNumber: string;
  reversal: Reversal;
  reason: RedReason;
}

/** One line of the `red` form commands' output (contracts.md §4). */
export interface FormReport {
  form: string;
  state: RedFormState | "00";
  number: string;
  reason: RedReason;
  amount: string;
  tax: string;
  total: string;
  redRequestKey?: string;
  diagnostics: Diagnostic[];
}

/**
 * @example
 * const red = new RedLetter({ store, provider, issuer });
 * const form = await red.apply({ blueNumber: "26312000000012345678", reversal: { kind: "full" }, reason: "01" });
 * if (form.ok) await red.issue(form.value.form);
 */
export class RedLetter {
  private readonly store: Store;
  private readonly provider: IssuingProvider;
  private readonly issuer: Issuer;
  private readonly now: () => number;

  constructor(options: RedLetterOptions) {
    this.store = options.store;
    this.provider = options.provider;
    this.issuer = options.issuer;
    this.now = options.now ?? Date.now;
  }

  /** Records the form (refusing an over-reversal), then applies for it with the provider. */
  async apply(request: ApplyRequest): Promise<Result<FormReport>> {
    const blue = await this.store.findByNumber(request.blueNumber);
    if (!blue || blue.red) {
      return refuse("RED_BLUE_UNKNOWN", "number", {
        zh: `开票库中没有已开具的蓝字发票 ${request.blueNumber}`,
        en: `The store has no issued blue invoice ${request.blueNumber}`,
      });
    }
    const now = this.now();
    const today = todayInShanghai(new Date(now));
    const made = await this.store.insertForm(request.blueNumber, (existing) => {
      // Planned inside the store's transaction, against the forms as they are at that moment.
      const live = existing.filter((f) => isLive(this.expired(f, now)));
      const plan = planReversal(
        blue.invoice,
        request.reversal,
        live.map((f) => f.reversed),
        today,
      );
      if (!plan.ok) return plan.diagnostics;
      return {
        formKey: `rf${randomUUID().replaceAll("-", "")}`,
        provider: this.provider.name,
        blueNumber: request.blueNumber,
        reason: request.reason,
        state: "00",
        invoice: plan.value.invoice,
        reversed: plan.value.reversed,
        diagnostics: [],
        createdAt: now,
        updatedAt: now,
      };
    });
    if (Array.isArray(made)) return { ok: false, diagnostics: made };
    return this.submit(made, blue.invoice);
  }

  /** Applies for a recorded form (state 00); an ambiguous answer is read back by the form's key. */
  private async submit(form: RedFormRecord, blue: Invoice): Promise<Result<FormReport>> {
    const request = {
      requestKey: form.formKey,
      blueNumber: form.blueNumber,
      blue,
      reason: form.reason,
      invoice: form.invoice,
      originalLineIndexes: form.reversed.map((r) => r.index),
    };
    let outcome: RedFormOutcome;
    try {
      outcome = await this.provider.applyRedForm(request);
    } catch (failure) {
      if (!isAmbiguous(failure))
        return this.settle(form, { status: "rejected", diagnostics: [failed(failure)] });
      outcome = await this.provider.queryRedForm(request).catch(() => ({ status: "not-found" as const }));
      if (outcome.status === "not-found") {
        form.diagnostics = [failed(failure)];
        await this.store.saveForm({ ...form, updatedAt: this.now() });
        return { ok: false, diagnostics: form.diagnostics };
      }
    }
    return this.settle(form, outcome);
  }

  private async settle(form: RedFormRecord, outcome: RedFormOutcome): Promise<Result<FormReport>> {
    const updated: RedFormRecord = { ...form, updatedAt: this.now() };
    if (outcome.status === "ok") {
      updated.formId = outcome.formId;
      updated.state = outcome.state;
      updated.diagnostics = [];
    } else {
      // Refused by the provider: the form is void from the start and reserves nothing.
      updated.diagnostics =
        outcome.status === "rejected"
          ? outcome.diagnostics
          : [
              error("RED_FORM_UNKNOWN", "form", {
                zh: "服务商找不到该确认单",
                en: "The provider does not know the form",
              }),
            ];
    }
    await this.store.saveForm(updated);
    const report = reportOf(updated);
    return outcome.status === "ok"
      ? { ok: true, value: report, diagnostics: [] }
      : { ok: false, diagnostics: report.diagnostics };
  }

  /** Confirms, refuses or cancels a form, as the provider answers; an expired form can no longer move. */
  async operate(id: string, action: RedFormAction): Promise<Result<FormReport>> {
    const form = await this.current(id);
    if (!form.ok) return form;
    const record = form.value;
    const target = TRANSITIONS[action][record.state];
    if (!target || record.redKey) return this.refuseState(record, action);
    let outcome: RedFormOutcome;
    try {
      outcome = await this.provider.operateRedForm(record.formId!, action);
    } catch (failure) {
      return { ok: false, diagnostics: [failed(failure)] };
    }
    if (outcome.status !== "ok")
      return { ok: false, diagnostics: outcome.status === "rejected" ? outcome.diagnostics : [] };
    const updated = { ...record, state: outcome.state, updatedAt: this.now() };
    await this.store.saveForm(updated);
    return { ok: true, value: reportOf(updated), diagnostics: [] };
  }

  /** Issues the red invoice of a usable form (01, 04), exactly once. */
  async issue(id: string, options: { waitMs?: number } = {}): Promise<Result<IssueReport>> {
    const form = await this.current(id);
    if (!form.ok) return form;
    let record = form.value;
    if (!USABLE_STATES.includes(record.state)) return this.refuseState(record, "issue");
    const blue = await this.store.findByNumber(record.blueNumber);
    if (!record.redKey) {
      record = { ...record, redKey: `red${record.formKey.slice(2)}`, updatedAt: this.now() };
      await this.store.saveForm(record);
    }
    const [report] = await this.issuer.issue(
      [
        {
          requestKey: record.redKey!,
          contentHash: hashContent(record.invoice),
          invoice: record.invoice,
          red: {
            originalNumber: record.blueNumber,
            originalIssueDate: blue?.invoice.issueDate ?? record.invoice.issueDate,
            formId: record.formId!,
            reason: record.reason,
            originalLineIndexes: record.reversed.map((r) => r.index),
          },
        },
      ],
      options,
    );
    return { ok: true, value: report!, diagnostics: [] };
  }

  /** Every form (of one blue invoice when given), with expiry applied. */
  async list(blueNumber?: string): Promise<FormReport[]> {
    const now = this.now();
    const forms = await this.store.listForms(blueNumber);
    const out: FormReport[] = [];
    for (const form of forms) {
      const current = this.expired(form, now);
      if (current !== form) await this.store.saveForm(current);
      out.push(reportOf(current));
    }
    return out;
  }

  /** The form by efapiao's key or the provider's id, expired (and saved so) when its 72 hours are over. */
  private async current(id: string): Promise<Result<RedFormRecord>> {
    const form = await this.store.getForm(id);
    if (!form) {
      return refuse("RED_FORM_UNKNOWN", "form", {
        zh: `开票库中没有确认单 ${id}`,
        en: `The store has no form ${id}`,
      });
    }
    const current = this.expired(form, this.now());
    if (current !== form) await this.store.saveForm(current);
    return { ok: true, value: current, diagnostics: [] };
  }

  /** The form with state 07 when it has waited for an answer for more than 72 hours; else the form itself. */
  private expired(form: RedFormRecord, now: number): RedFormRecord {
    if (!AWAITING_STATES.includes(form.state) || now - form.createdAt <= EXPIRY_MS) return form;
    return { ...form, state: "07", updatedAt: now };
  }

  private refuseState<T>(form: RedFormRecord, action: RedFormAction | "issue"): Result<T> {
    const expired = form.state === "07";
    return refuse(expired ? "RED_FORM_EXPIRED" : "RED_FORM_STATE", "form", {
      zh: expired
        ? `确认单 ${formName(form)} 超过 72 小时未确认，已作废（07），不能再使用`
        : form.redKey
          ? `确认单 ${formName(form)} 已开具红字发票，不能再 ${action}`
          : `确认单 ${formName(form)} 处于状态 ${form.state}，不能 ${action}`,
      en: expired
        ? `Form ${formName(form)} was not confirmed within 72 hours and is void (07); it cannot be used`
        : form.redKey
          ? `Form ${formName(form)} already has its red invoice; it cannot ${action}`
          : `Form ${formName(form)} is in state ${form.state}; it cannot ${action}`,
    });
  }
}

/** A form reserves its amounts unless void, or refused when applied for. */
function isLive(form: RedFormRecord): boolean {
  if (VOID_STATES.includes(form.state)) return false;
  return !(form.state === "00" && form.diagnostics.some((d) => d.severity === "error"));
}

function formName(form: RedFormRecord): string {
  return form.formId ?? form.formKey;
}

export function reportOf(form: RedFormRecord): FormReport {
  return {
    form: formName(form),
    state: form.state,
    number: form.blueNumber,
    reason: form.reason,
    amount: form.invoice.totals.amount,
    tax: form.invoice.totals.tax,
    total: form.invoice.totals.total,
    ...(form.redKey && { redRequestKey: form.redKey }),
    diagnostics: form.diagnostics,
  };
}

function failed(failure: unknown): Diagnostic {
  const message = failure instanceof Error ? failure.message : String(failure);
  return error("RED_PROVIDER_FAILED", "", {
    zh: `服务商未能处理确认单：${message}`,
    en: `The provider could not handle the form: ${message}`,
  });
}

function refuse<T>(rule: string, path: string, message: { zh: string; en: string }): Result<T> {
  return { ok: false, diagnostics: [error(rule, path, message)] };
}
