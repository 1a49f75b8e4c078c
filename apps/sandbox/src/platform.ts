/**
 * The platform itself, independent of any provider's protocol: it validates and issues invoices under
 * request keys (once per key), assigns their numbers, keeps red-letter forms with their states and 72-hour
 * expiry, answers 查验 and keeps 用途确认. The protocol modules translate each provider's requests into
 * these calls and the results back into that provider's answers.
 */
import type { Diagnostic, Invoice } from "@efapiao/model";
import { createValidator, loadStandardPack } from "@efapiao/rules";
import Decimal from "decimal.js";
import { type Clock, HOUR, shanghaiDate, shanghaiIso } from "./clock.js";
import { formNumber, invoiceNumber, platformUuid } from "./numbers.js";
import type { SandboxStore, Table } from "./store.js";

/** The protocols the sandbox speaks. */
export type ProtocolName = "nuonuo" | "baiwang" | "leqi";

export type UseStatus = "unconfirmed" | "deduct" | "no-deduct";

/** An invoice the sandbox issued (or is issuing). */
export interface InvoiceRecord {
  provider: ProtocolName;
  requestKey: string;
  sellerTaxId: string;
  /** The provider's own id of the request (Nuonuo invoiceSerialNum, 乐企 受理流水号). */
  ref: string;
  number: string;
  /** `seal-failed`: issued, but the seal failed; a re-seal makes it `issued`. */
  status: "issued" | "seal-failed";
  /** Queries that will still answer "being issued" (asynchronous protocols). */
  pendingPolls: number;
  reseals: number;
  issuedAt: string;
  /** The invoice as issued (its issueDate is the day of issue). */
  invoice: Invoice;
  direction: "blue" | "red";
  red?: { originalNumber: string; formUuid: string; formNumber: string };
  /** Sum of the red invoices issued against this one (negative text, "0.00" when none). */
  reversedAmount: string;
  useStatus: UseStatus;
  usePeriod?: string;
}

/** 红字确认单 states (domain-facts.md). */
export const FORM_STATES = {
  noConfirmation: "01",
  sellerEntered: "02",
  buyerEntered: "03",
  confirmed: "04",
  buyerRefused: "05",
  sellerRefused: "06",
  expired: "07",
  withdrawn: "08",
  withdrawnAfterConfirmation: "09",
  abnormal: "10",
} as const;

export interface FormLine {
  originalIndex: number;
  itemName: string;
  code: string;
  quantity?: string;
  unitPrice?: string;
  amount: string;
  taxRate: string;
  tax: string;
}

/** A red-letter form. */
export interface FormRecord {
  uuid: string;
  number: string;
  provider: ProtocolName;
  requestKey: string;
  initiator: "seller" | "buyer";
  state: string;
  originalNumber: string;
  reason: string;
  sellerTaxId: string;
  buyerTaxId: string;
  amount: string;
  tax: string;
  lines: FormLine[];
  /** Milliseconds since the epoch: the 72 hours run from here. */
  createdAt: number;
  answeredAt?: number;
  redNumber?: string;
}

/** One invoice as `GET /sandbox/invoices` lists it. */
export interface SandboxInvoice {
  requestKey: string;
  number: string;
  provider: ProtocolName;
  /** `pending` while queries still answer "being issued"; `seal-failed` until re-sealed. */
  status: "issued" | "pending" | "seal-failed";
  issuedAt: string;
}

/** Names a red-letter form: by UUID, number, or the key it was applied under. */
export interface FormRef {
  formUuid?: string;
  formNumber?: string;
  applicationKey?: { provider: ProtocolName; key: string };
}

/** What a caller learns from an issuing attempt. */
export type IssueResult =
  | { kind: "issued"; record: InvoiceRecord }
  | { kind: "duplicate"; record: InvoiceRecord }
  | { kind: "refused"; code: RefusalCode; diagnostics: Diagnostic[] };

/** A refusal, with the platform's reason and the diagnostics. */
export type Refusal = Extract<IssueResult, { kind: "refused" }>;

/** Why the platform refused; each protocol maps these to its own error codes. */
export type RefusalCode =
  | "invalid"
  | "unknown-number"
  | "form-not-usable"
  | "form-mismatch"
  | "over-reversal"
  | "not-found"
  | "state";

export interface IssueInput {
  provider: ProtocolName;
  requestKey: string;
  sellerTaxId: string;
  invoice: Invoice;
  /** The seal fails: the invoice needs re-sealing. */
  sealFault?: boolean;
  /** A number the platform pre-assigned (乐企 QDFPPLFM); otherwise the platform assigns one. */
  number?: string;
  /** For a red invoice: the form it is issued from (or the blue invoice, when it has one usable form). */
  red?: FormRef & { originalNumber?: string };
  /** The provider's own id of the request, when the protocol makes one up front. */
  ref?: string;
  /** The protocol answers issuing asynchronously (queries say "being issued" at first). Default true. */
  async?: boolean;
}

export interface FormApplication {
  provider: ProtocolName;
  requestKey: string;
  initiator: "seller" | "buyer";
  originalNumber: string;
  reason: string;
  /** Negative totals; absent: all that remains of the blue invoice. */
  amount?: string;
  tax?: string;
  lines: FormLine[];
}

export interface PlatformOptions {
  clock: Clock;
  store: SandboxStore;
  /** Queries that answer "being issued" before an asynchronous result is final (default 1). */
  pendingPolls?: number;
  /**
   * When a seller-raised form needs the buyer's confirmation: `when-used` (the platform's rule: only once
   * the buyer has confirmed the blue invoice's use, else state 01) or `always` (state 02 every time).
   */
  redConfirmation?: "when-used" | "always";
}

/** The forms that still count against what remains of a blue invoice. */
const ACTIVE_FORM_STATES = new Set(["01", "02", "03", "04"]);
const FORM_LIFETIME_MS = 72 * HOUR;

function diagnostic(rule: string, path: string, zh: string, en: string): Diagnostic {
  return { rule, severity: "error", path, message: zh, messageEn: en };
}

function refused(code: RefusalCode, d: Diagnostic): Refusal {
  return { kind: "refused", code, diagnostics: [d] };
}

/**
 * The sandbox platform's state and rules. Every change is written to the store before the call returns.
 */
export class Platform {
  private readonly invoicesByKey = new Map<string, InvoiceRecord>();
  private readonly invoicesByNumber = new Map<string, InvoiceRecord>();
  private readonly invoicesByRef = new Map<string, InvoiceRecord>();
  private readonly forms = new Map<string, FormRecord>();
  /** 乐企 pre-assigned numbers: number → seller tax id. */
  private readonly reserved = new Map<string, string>();
  /** What protocols remember between requests (乐企 uploads by 受理流水号, number batches by 业务流水号). */
  private readonly memo = new Map<string, unknown>();
  private counters = { invoice: 0, form: 0, ref: 0 };
  private validate!: (document: unknown) => { valid: boolean; diagnostics: Diagnostic[] };
  private readonly pendingPolls: number;

  private constructor(private readonly options: PlatformOptions) {
    this.pendingPolls = options.pendingPolls ?? 1;
  }

  /** Opens the platform on a store, replaying what the store holds. */
  static async open(options: PlatformOptions): Promise<Platform> {
    const platform = new Platform(options);
    const pack = await loadStandardPack();
    platform.validate = createValidator({ packs: [pack] });
    for (const { table, id, record } of options.store.load()) platform.replay(table, id, record);
    return platform;
  }

  private replay(table: Table, id: string, record: unknown): void {
    if (table === "invoices") this.index(record as InvoiceRecord);
    else if (table === "forms") this.forms.set(id, record as FormRecord);
    else if (table === "numbers") this.reserved.set(id, record as string);
    else if (table === "meta" && id === "counters") this.counters = record as typeof this.counters;
    else if (table === "memo") this.memo.set(id, record);
  }

  private index(record: InvoiceRecord): void {
    this.invoicesByKey.set(keyOf(record.provider, record.sellerTaxId, record.requestKey), record);
    this.invoicesByNumber.set(record.number, record);
    this.invoicesByRef.set(`${record.provider}|${record.ref}`, record);
  }

  private saveInvoice(record: InvoiceRecord): void {
    this.options.store.put(
      "invoices",
      `${record.provider}|${record.sellerTaxId}|${record.requestKey}`,
      record,
    );
  }

  private saveForm(form: FormRecord): void {
    this.options.store.put("forms", form.uuid, form);
  }

  private next(counter: keyof Platform["counters"]): number {
    this.counters[counter] += 1;
    this.options.store.put("meta", "counters", this.counters);
    return this.counters[counter];
  }

  /** The platform's current time (ms). */
  now(): number {
    return this.options.clock.now();
  }

  /** A new provider-side request id (Nuonuo invoiceSerialNum style: 20 digits, time-based then a counter). */
  newRef(): string {
    const stamp = shanghaiIso(this.now()).replace(/\D/g, "").slice(0, 14);
    return `${stamp}${String(this.next("ref")).padStart(6, "0")}`;
  }

  // ---------------------------------------------------------------- issuing

  /**
   * Issues an invoice once per (provider, seller, request key): a key used before answers `duplicate` with
   * the invoice issued under it, whatever the content. Invalid invoices are refused before anything is kept.
   */
  issue(input: IssueInput): IssueResult {
    const key = keyOf(input.provider, input.sellerTaxId, input.requestKey);
    const existing = this.invoicesByKey.get(key);
    if (existing) return { kind: "duplicate", record: existing };

    const now = this.now();
    let invoice: Invoice = { ...input.invoice, issueDate: shanghaiDate(now) };
    let red: InvoiceRecord["red"];
    let form: FormRecord | undefined;
    if (input.red) {
      const usable = this.usableForm(input.red, invoice);
      if ("kind" in usable) return usable;
      form = usable;
      red = { originalNumber: form.originalNumber, formUuid: form.uuid, formNumber: form.number };
      // The platform itself writes the red invoice's references into its remarks.
      invoice = {
        ...invoice,
        remarks: `被红冲蓝字数电票号码：${form.originalNumber} 红字发票信息确认单编号：${form.number}`,
      };
    } else if (new Decimal(invoice.totals.total).isNegative()) {
      return refused(
        "form-not-usable",
        diagnostic(
          "SANDBOX_RED_WITHOUT_FORM",
          "red",
          "红字发票须依据红字确认单开具",
          "A red invoice can only be issued from a red-letter confirmation form",
        ),
      );
    }
    const checked = this.validate(invoice);
    const errors = checked.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) return { kind: "refused", code: "invalid", diagnostics: errors };

    if (input.number !== undefined && this.reserved.get(input.number) !== input.sellerTaxId) {
      return refused(
        "unknown-number",
        diagnostic(
          "SANDBOX_NUMBER_NOT_ASSIGNED",
          "number",
          `发票号码 ${input.number} 不是平台为该销售方预赋的号码`,
          `The invoice number ${input.number} was not pre-assigned to this seller`,
        ),
      );
    }

    const year = Number(shanghaiDate(now).slice(0, 4));
    const record: InvoiceRecord = {
      provider: input.provider,
      requestKey: input.requestKey,
      sellerTaxId: input.sellerTaxId,
      ref: input.ref ?? this.newRef(),
      number: input.number ?? invoiceNumber(year, input.sellerTaxId, this.next("invoice")),
      status: input.sealFault ? "seal-failed" : "issued",
      pendingPolls: input.async === false ? 0 : this.pendingPolls,
      reseals: 0,
      issuedAt: shanghaiIso(now),
      invoice,
      direction: red ? "red" : "blue",
      reversedAmount: "0.00",
      useStatus: "unconfirmed",
    };
    if (red) record.red = red;
    this.index(record);
    this.saveInvoice(record);
    if (form) {
      form.redNumber = record.number;
      this.saveForm(form);
      const blue = this.invoicesByNumber.get(form.originalNumber);
      if (blue) {
        blue.reversedAmount = new Decimal(blue.reversedAmount).plus(invoice.totals.amount).toFixed(2);
        this.saveInvoice(blue);
      }
    }
    return { kind: "issued", record };
  }

  private usableForm(ref: FormRef & { originalNumber?: string }, invoice: Invoice): FormRecord | IssueResult {
    const named =
      ref.formUuid !== undefined || ref.formNumber !== undefined || ref.applicationKey !== undefined;
    const form = named
      ? this.findForm(ref)
      : this.listForms({ originalNumber: ref.originalNumber ?? "" }).find(
          (f) => (f.state === "01" || f.state === "04") && f.redNumber === undefined,
        );
    if (!form) {
      return refused(
        "not-found",
        diagnostic(
          "SANDBOX_FORM_NOT_FOUND",
          "red",
          "红字确认单不存在",
          "No such red-letter confirmation form",
        ),
      );
    }
    if ((form.state !== "01" && form.state !== "04") || form.redNumber !== undefined) {
      return refused(
        "form-not-usable",
        diagnostic(
          "SANDBOX_FORM_NOT_USABLE",
          "red",
          `红字确认单 ${form.number} 状态为 ${form.state}${form.redNumber ? `，已开具红字发票 ${form.redNumber}` : ""}，不能开具红字发票`,
          `The red-letter form ${form.number} is in state ${form.state}${form.redNumber ? ` and already has red invoice ${form.redNumber}` : ""}; it cannot be used for a red invoice`,
        ),
      );
    }
    if (
      !new Decimal(invoice.totals.amount).equals(form.amount) ||
      !new Decimal(invoice.totals.tax).equals(form.tax)
    ) {
      return refused(
        "form-mismatch",
        diagnostic(
          "SANDBOX_FORM_AMOUNT_MISMATCH",
          "totals",
          `红字发票金额 ${invoice.totals.amount}、税额 ${invoice.totals.tax} 与红字确认单（${form.amount}、${form.tax}）不一致`,
          `The red invoice's amount ${invoice.totals.amount} and tax ${invoice.totals.tax} differ from the form's (${form.amount}, ${form.tax})`,
        ),
      );
    }
    return form;
  }

  /** The invoice issued under a request key, if any. */
  find(provider: ProtocolName, sellerTaxId: string, requestKey: string): InvoiceRecord | undefined {
    return this.invoicesByKey.get(keyOf(provider, sellerTaxId, requestKey));
  }

  /** The invoice a provider knows by its own request id (Nuonuo invoiceSerialNum, 乐企 受理流水号). */
  findByRef(provider: ProtocolName, ref: string): InvoiceRecord | undefined {
    return this.invoicesByRef.get(`${provider}|${ref}`);
  }

  /** The invoice with a number, if the sandbox issued it. */
  findByNumber(number: string): InvoiceRecord | undefined {
    return this.invoicesByNumber.get(number);
  }

  /**
   * What an asynchronous query sees: "pending" for the first few queries, then the record's status.
   * Each query uses up one pending answer.
   */
  observe(record: InvoiceRecord): "pending" | InvoiceRecord["status"] {
    if (record.pendingPolls > 0) {
      record.pendingPolls -= 1;
      this.saveInvoice(record);
      return "pending";
    }
    return record.status;
  }

  /** Re-seals an invoice whose seal failed; the number stays the same. */
  reseal(record: InvoiceRecord): void {
    record.reseals += 1;
    if (record.status === "seal-failed") record.status = "issued";
    this.saveInvoice(record);
  }

  /** Everything issued, oldest first. */
  invoices(): InvoiceRecord[] {
    return [...this.invoicesByNumber.values()];
  }

  /** Everything issued as `GET /sandbox/invoices` lists it. */
  listing(): SandboxInvoice[] {
    return this.invoices().map((r) => ({
      requestKey: r.requestKey,
      number: r.number,
      provider: r.provider,
      status: r.pendingPolls > 0 ? "pending" : r.status,
      issuedAt: r.issuedAt,
    }));
  }

  /** Keeps a protocol's note (durably, like everything else). */
  remember(kind: string, id: string, value: unknown): void {
    this.memo.set(`${kind}:${id}`, value);
    this.options.store.put("memo", `${kind}:${id}`, value);
  }

  /** A note kept by {@link remember}. */
  recall<T>(kind: string, id: string): T | undefined {
    return this.memo.get(`${kind}:${id}`) as T | undefined;
  }

  // ---------------------------------------------------------------- 乐企 pre-assigned numbers

  /** Pre-assigns `count` numbers to a seller (乐企 QDFPPLFM). */
  reserveNumbers(sellerTaxId: string, count: number): string[] {
    const year = Number(shanghaiDate(this.now()).slice(0, 4));
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const number = invoiceNumber(year, sellerTaxId, this.next("invoice"));
      this.reserved.set(number, sellerTaxId);
      this.options.store.put("numbers", number, sellerTaxId);
      out.push(number);
    }
    return out;
  }

  // ---------------------------------------------------------------- red-letter forms

  /**
   * Raises a red-letter form against an issued blue invoice. The same application key answers the form
   * raised under it. A reversal beyond what remains of the blue invoice is refused.
   */
  applyForm(app: FormApplication): { kind: "ok" | "duplicate"; form: FormRecord } | Refusal {
    const earlier = [...this.forms.values()].find(
      (f) => f.provider === app.provider && f.requestKey === app.requestKey,
    );
    if (earlier) return { kind: "duplicate", form: this.refresh(earlier) };
    const blue = this.invoicesByNumber.get(app.originalNumber);
    if (!blue || blue.direction !== "blue") {
      return refused(
        "not-found",
        diagnostic(
          "SANDBOX_BLUE_NOT_FOUND",
          "originalNumber",
          `未找到蓝字发票 ${app.originalNumber}`,
          `No blue invoice ${app.originalNumber} was issued`,
        ),
      );
    }
    // Without amounts the form reverses all that remains (Nuonuo's quick reversal sends none).
    const { amount: remainingAmount, tax: remainingTax } = this.remaining(blue);
    const amount = app.amount !== undefined ? new Decimal(app.amount) : remainingAmount.negated();
    const tax = app.tax !== undefined ? new Decimal(app.tax) : remainingTax.negated();
    if (app.amount !== undefined && (!amount.lessThan(0) || tax.greaterThan(0))) {
      return refused(
        "invalid",
        diagnostic(
          "SANDBOX_FORM_NOT_NEGATIVE",
          "amount",
          "红字确认单的金额应为负数",
          "A red-letter form's amount must be negative",
        ),
      );
    }
    if (
      !amount.lessThan(0) ||
      amount.abs().greaterThan(remainingAmount) ||
      tax.abs().greaterThan(remainingTax)
    ) {
      return refused(
        "over-reversal",
        diagnostic(
          "SANDBOX_OVER_REVERSAL",
          "amount",
          `蓝字发票 ${blue.number} 剩余可冲红金额 ${remainingAmount.toFixed(2)}、税额 ${remainingTax.toFixed(2)}，不足以冲红 ${amount.abs().toFixed(2)}、${tax.abs().toFixed(2)}`,
          `Blue invoice ${blue.number} has ${remainingAmount.toFixed(2)} (tax ${remainingTax.toFixed(2)}) left to reverse, less than ${amount.abs().toFixed(2)} (tax ${tax.abs().toFixed(2)})`,
        ),
      );
    }
    const now = this.now();
    const needsConfirmation =
      app.initiator === "buyer" ||
      this.options.redConfirmation === "always" ||
      blue.useStatus !== "unconfirmed";
    const form: FormRecord = {
      uuid: platformUuid(),
      number: formNumber(Number(shanghaiDate(now).slice(0, 4)), blue.sellerTaxId, this.next("form")),
      provider: app.provider,
      requestKey: app.requestKey,
      initiator: app.initiator,
      state: !needsConfirmation ? "01" : app.initiator === "seller" ? "02" : "03",
      originalNumber: blue.number,
      reason: app.reason,
      sellerTaxId: blue.sellerTaxId,
      buyerTaxId: blue.invoice.buyer.taxId ?? "",
      amount: amount.toFixed(2),
      tax: tax.toFixed(2),
      lines: app.lines,
      createdAt: now,
    };
    this.forms.set(form.uuid, form);
    this.saveForm(form);
    return { kind: "ok", form };
  }

  /** A form by UUID, number or application key, with its expiry applied. */
  findForm(ref: FormRef): FormRecord | undefined {
    const { formUuid, formNumber, applicationKey: app } = ref;
    const form =
      (formUuid !== undefined ? this.forms.get(formUuid) : undefined) ??
      [...this.forms.values()].find(
        (f) =>
          (formNumber !== undefined && f.number === formNumber) ||
          (app !== undefined && f.provider === app.provider && f.requestKey === app.key),
      );
    return form ? this.refresh(form) : undefined;
  }

  /** What remains of a blue invoice to reverse: its totals less every active form's (negative) totals. */
  remaining(blue: InvoiceRecord): { amount: Decimal; tax: Decimal } {
    const taken = [...this.forms.values()].filter(
      (f) => f.originalNumber === blue.number && ACTIVE_FORM_STATES.has(this.refresh(f).state),
    );
    return {
      amount: taken.reduce((sum, f) => sum.plus(f.amount), new Decimal(blue.invoice.totals.amount)),
      tax: taken.reduce((sum, f) => sum.plus(f.tax), new Decimal(blue.invoice.totals.tax)),
    };
  }

  /** Forms waiting for the other side expire 72 hours after they were raised (state 07). */
  private refresh(form: FormRecord): FormRecord {
    if ((form.state === "02" || form.state === "03") && this.now() - form.createdAt >= FORM_LIFETIME_MS) {
      form.state = FORM_STATES.expired;
      form.answeredAt = form.createdAt + FORM_LIFETIME_MS;
      this.saveForm(form);
    }
    return form;
  }

  /**
   * The other side confirms or refuses a form, or its initiator withdraws it (before or after confirmation,
   * as long as no red invoice was issued from it).
   */
  answerForm(
    ref: FormRef,
    action: "confirm" | "refuse" | "cancel",
  ): { kind: "ok"; form: FormRecord } | Refusal {
    const form = this.findForm(ref);
    if (!form) {
      return refused(
        "not-found",
        diagnostic(
          "SANDBOX_FORM_NOT_FOUND",
          "form",
          "红字确认单不存在",
          "No such red-letter confirmation form",
        ),
      );
    }
    const waiting = form.state === "02" || form.state === "03";
    let next: string | undefined;
    if (action === "confirm" && waiting) next = FORM_STATES.confirmed;
    else if (action === "refuse" && waiting) next = form.state === "02" ? "05" : "06";
    else if (action === "cancel" && waiting) next = FORM_STATES.withdrawn;
    else if (action === "cancel" && (form.state === "04" || form.state === "01") && !form.redNumber) {
      next = form.state === "04" ? FORM_STATES.withdrawnAfterConfirmation : FORM_STATES.withdrawn;
    }
    if (next === undefined) {
      return refused(
        "state",
        diagnostic(
          "SANDBOX_FORM_STATE",
          "form",
          `红字确认单 ${form.number} 当前状态 ${form.state}，不能${action === "confirm" ? "确认" : action === "refuse" ? "否认" : "撤销"}`,
          `The red-letter form ${form.number} is in state ${form.state} and cannot be ${action === "confirm" ? "confirmed" : action === "refuse" ? "refused" : "withdrawn"}`,
        ),
      );
    }
    form.state = next;
    form.answeredAt = this.now();
    this.saveForm(form);
    return { kind: "ok", form };
  }

  /** Forms raised between two days (YYYY-MM-DD, inclusive), optionally for one blue invoice or state. */
  listForms(filter: { from?: string; to?: string; originalNumber?: string; state?: string; taxId?: string }) {
    return [...this.forms.values()]
      .map((f) => this.refresh(f))
      .filter((f) => {
        const day = shanghaiDate(f.createdAt);
        if (filter.from && day < filter.from) return false;
        if (filter.to && day > filter.to) return false;
        if (filter.originalNumber && f.originalNumber !== filter.originalNumber) return false;
        if (filter.state && f.state !== filter.state) return false;
        if (filter.taxId && f.sellerTaxId !== filter.taxId && f.buyerTaxId !== filter.taxId) return false;
        return true;
      });
  }

  /** Marks a form abnormal (state 10), as the tax bureau may. */
  markAbnormal(uuid: string): FormRecord | undefined {
    const form = this.forms.get(uuid);
    if (!form) return undefined;
    form.state = FORM_STATES.abnormal;
    this.saveForm(form);
    return form;
  }

  // ---------------------------------------------------------------- 查验

  /**
   * 查验: the invoice with this number and issue date, with its fields in canonical names and how much of
   * it was reversed; `undefined` when the platform has no such invoice.
   */
  verify(number: string, issueDate?: string): VerifiedInvoice | undefined {
    const record = this.invoicesByNumber.get(number);
    if (!record || record.pendingPolls > 0) return undefined;
    if (issueDate !== undefined && record.invoice.issueDate !== issueDate) return undefined;
    return { record, fields: fieldsOf(record), redStatus: redStatusOf(record) };
  }

  // ---------------------------------------------------------------- 用途确认

  /** Special invoices issued to a buyer in a month (YYYY-MM), optionally by use status. */
  received(buyerTaxId: string, period: string, useStatus?: UseStatus): InvoiceRecord[] {
    return this.invoices().filter(
      (r) =>
        r.direction === "blue" &&
        r.invoice.kind === "special" &&
        r.invoice.buyer.taxId === buyerTaxId &&
        r.invoice.issueDate.startsWith(period) &&
        (useStatus === undefined || r.useStatus === useStatus),
    );
  }

  /**
   * Confirms (抵扣 / 不抵扣) or cancels the use of a received special invoice for a tax period.
   * Returns the refusal in words, or undefined when done.
   */
  setUse(
    buyerTaxId: string,
    period: string,
    number: string,
    use: UseStatus,
  ): { code: string; zh: string; en: string } | undefined {
    const record = this.invoicesByNumber.get(number);
    if (!record || record.invoice.buyer.taxId !== buyerTaxId || record.direction !== "blue") {
      return {
        code: "NOT_FOUND",
        zh: `未找到受票方的发票 ${number}`,
        en: `No invoice ${number} received by this buyer`,
      };
    }
    if (record.invoice.kind !== "special") {
      return {
        code: "NOT_SPECIAL",
        zh: `发票 ${number} 不是专用发票`,
        en: `Invoice ${number} is not a special invoice`,
      };
    }
    if (record.invoice.issueDate.slice(0, 7) > period) {
      return {
        code: "PERIOD",
        zh: `发票 ${number} 开具于 ${record.invoice.issueDate}，晚于所属期 ${period}`,
        en: `Invoice ${number} was issued on ${record.invoice.issueDate}, after the period ${period}`,
      };
    }
    if (use === "unconfirmed") {
      if (record.useStatus === "unconfirmed" || record.usePeriod !== period) {
        return {
          code: "NOT_CONFIRMED",
          zh: `发票 ${number} 在所属期 ${period} 未做用途确认，无需撤销`,
          en: `Invoice ${number} has no use confirmation in period ${period} to cancel`,
        };
      }
      record.useStatus = "unconfirmed";
      delete record.usePeriod;
    } else {
      if (record.useStatus !== "unconfirmed") {
        return {
          code: "ALREADY_CONFIRMED",
          zh: `发票 ${number} 已于所属期 ${record.usePeriod} 确认用途`,
          en: `Invoice ${number} was already confirmed for period ${record.usePeriod}`,
        };
      }
      record.useStatus = use;
      record.usePeriod = period;
    }
    this.saveInvoice(record);
    return undefined;
  }
}

/** An answer to 查验. */
export interface VerifiedInvoice {
  record: InvoiceRecord;
  fields: Record<string, string>;
  redStatus: "none" | "partial" | "full";
}

function keyOf(provider: ProtocolName, sellerTaxId: string, requestKey: string): string {
  return `${provider}|${sellerTaxId}|${requestKey}`;
}

/** The fields 查验 returns, in efapiao's canonical names. */
export function fieldsOf(record: InvoiceRecord): Record<string, string> {
  const { invoice } = record;
  const fields: Record<string, string> = {
    number: record.number,
    issueDate: invoice.issueDate,
    kind: invoice.kind,
    "seller.taxId": invoice.seller.taxId,
    "buyer.name": invoice.buyer.name,
    "totals.amount": invoice.totals.amount,
    "totals.tax": invoice.totals.tax,
    "totals.total": invoice.totals.total,
  };
  if (invoice.buyer.taxId) fields["buyer.taxId"] = invoice.buyer.taxId;
  // A seller named by its tax id is one whose name the protocol did not carry: the platform cannot vouch for it.
  if (invoice.seller.name !== invoice.seller.taxId) fields["seller.name"] = invoice.seller.name;
  return fields;
}

function redStatusOf(record: InvoiceRecord): "none" | "partial" | "full" {
  const reversed = new Decimal(record.reversedAmount).abs();
  if (reversed.isZero()) return "none";
  return reversed.greaterThanOrEqualTo(record.invoice.totals.amount) ? "full" : "partial";
}
