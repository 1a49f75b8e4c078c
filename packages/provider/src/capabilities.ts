/**
 * The optional capabilities of a provider beyond issuing: red-letter forms (红字确认单), verification of
 * received invoices (查验) and deduction-use confirmation (用途确认 / 勾选). A provider that lacks one
 * leaves the property out; {@link hasRedLetter} and friends tell a caller which it has.
 */
import type { CallOutcome, IssueOutcome } from "./outcome.js";
import type { CallOptions, IssueRequest, RedFormStateCode, RedReasonCode } from "./requests.js";

/** Who raised a red-letter form. */
export type FormInitiator = "seller" | "buyer";

/** A line of a red-letter form (amounts negative, as on the red invoice). */
export interface RedFormLine {
  /** 1-based index of the blue line reversed. */
  originalIndex: number;
  itemName: string;
  code: string;
  spec?: string;
  unit?: string;
  quantity?: string;
  unitPrice?: string;
  amount: string;
  taxRate: string;
  tax: string;
}

/** What a party asks for when it raises a red-letter form. */
export interface RedFormApplication {
  /** Idempotency key for the application (Baiwang redConfirmSerialNo, Nuonuo billId). */
  requestKey: string;
  initiator: FormInitiator;
  /** The blue invoice reversed. */
  originalNumber: string;
  originalIssueDate: string;
  /** The blue invoice's kind and totals, as issued. */
  originalKind: "special" | "general";
  originalAmount: string;
  originalTax: string;
  reason: RedReasonCode;
  seller: { taxId: string; name: string };
  buyer: { taxId?: string; name: string };
  /** Negative totals of the reversal. */
  amount: string;
  tax: string;
  lines: RedFormLine[];
}

/** A red-letter form as the provider reports it. */
export interface RedForm {
  /** 红字确认单 UUID. */
  uuid: string;
  /** 红字确认单编号, once the platform gave one. */
  number?: string;
  /** 01–10 (domain-facts.md), as the platform codes them. */
  state: RedFormStateCode;
  originalNumber?: string;
  reason?: RedReasonCode;
  amount?: string;
  tax?: string;
  initiator?: FormInitiator;
  /** The red invoice issued from it, once there is one. */
  redNumber?: string;
  /** When the form was raised (ISO 8601, +08:00). */
  createdAt?: string;
}

/** How to find forms. Dates are YYYY-MM-DD (the day the form was raised). */
export interface RedFormFilter {
  from: string;
  to: string;
  /** Forms raised by whom (default both). */
  initiator?: FormInitiator;
  originalNumber?: string;
  state?: RedFormStateCode;
}

/** Identifies a form in confirm / refuse / cancel. */
export interface RedFormRef {
  uuid: string;
  number?: string;
}

/** 红字确认单: raise, list, answer and withdraw forms, and issue the red invoice. */
export interface RedLetterCapability {
  applyForm(application: RedFormApplication, options?: CallOptions): Promise<CallOutcome<RedForm>>;
  listForms(filter: RedFormFilter, options?: CallOptions): Promise<CallOutcome<RedForm[]>>;
  /** The other party agrees (乐企 qrlx Y). */
  confirmForm(form: RedFormRef, options?: CallOptions): Promise<CallOutcome<RedForm>>;
  /** The other party refuses (乐企 qrlx N). */
  refuseForm(form: RedFormRef, options?: CallOptions): Promise<CallOutcome<RedForm>>;
  /** The initiator withdraws (乐企 qrlx C). */
  cancelForm(form: RedFormRef, options?: CallOptions): Promise<CallOutcome<RedForm>>;
  /** Issues the red invoice for a form in state 01 or 04; `request.red` names the form. */
  issueRed(request: IssueRequest, options?: CallOptions): Promise<IssueOutcome>;
}

/** What identifies a received invoice for 查验. */
export interface VerifyQuery {
  /** 20-digit number. */
  number: string;
  /** 开票日期 YYYY-MM-DD. */
  issueDate: string;
  /** 价税合计 (or, where the platform asks for it, 合计金额), two decimals. */
  total?: string;
  amount?: string;
  /** 校验码, for legacy invoices that have one. */
  checkCode?: string;
  /** 发票代码 (10 or 12 digits) of a legacy invoice (8-digit number); 数电票 have none. */
  code?: string;
  /** 专票 or 普票, where the platform asks for the invoice type (乐企 fplx). */
  kind?: "special" | "general";
}

/** Whether a verified invoice was reversed. */
export type RedStatus = "none" | "partial" | "full";

/** The platform's answer to 查验. */
export type VerifyResult =
  | { found: false }
  | {
      found: true;
      /**
       * The platform's fields in efapiao's canonical names where they map (`number`, `issueDate`,
       * `seller.taxId`, `totals.amount`, …), values as text, for a field-by-field comparison.
       */
      fields: Record<string, string>;
      redStatus: RedStatus;
      /** 作废 / 异常 flags as the platform reports them. */
      state?: "normal" | "void" | "abnormal" | string;
    };

/** 查验: does an invoice with these elements exist on the platform. */
export interface VerifyCapability {
  verify(query: VerifyQuery, options?: CallOptions): Promise<CallOutcome<VerifyResult>>;
}

/** A received invoice that can be confirmed for deduction. */
export interface ReceivedInvoice {
  number: string;
  issueDate: string;
  sellerTaxId: string;
  sellerName: string;
  amount: string;
  tax: string;
  /** Confirmed for deduction use or not yet. */
  useStatus: "unconfirmed" | "deduct" | "no-deduct";
}

/** Which received invoices to list: a tax period (YYYY-MM) for one buyer. */
export interface ReceivedFilter {
  period: string;
  buyerTaxId: string;
  useStatus?: ReceivedInvoice["useStatus"];
}

/** One invoice to confirm or cancel. */
export interface UseConfirmationItem {
  number: string;
  issueDate: string;
  /** For confirm: deduct (抵扣) or not (不抵扣). */
  use?: "deduct" | "no-deduct";
  /** The tax to deduct; defaults to the invoice's tax. */
  tax?: string;
}

/** Per-invoice result of a use confirmation. */
export interface UseConfirmationResult {
  number: string;
  ok: boolean;
  providerCode?: string;
  providerMessage?: string;
}

/** 用途确认 / 勾选: list received special invoices, confirm or cancel their deduction use. */
export interface UseConfirmationCapability {
  listReceived(filter: ReceivedFilter, options?: CallOptions): Promise<CallOutcome<ReceivedInvoice[]>>;
  confirmUse(
    period: string,
    items: UseConfirmationItem[],
    options?: CallOptions,
  ): Promise<CallOutcome<UseConfirmationResult[]>>;
  cancelUse(
    period: string,
    items: UseConfirmationItem[],
    options?: CallOptions,
  ): Promise<CallOutcome<UseConfirmationResult[]>>;
}

/**
 * The bureau's invoice state codes (发票状态), as 乐企 FPZTXXCX `fpzt` and 百望
 * baiwang.input.compliance.validate `state` both report them: 0 正常, 1 失控, 2 作废, 3 已红冲, 4 异常,
 * 7 部分红冲, 8 全额红冲 (乐企归集能力说明文档 V2.011 §5.5; 百望 validate `state`). 3 is "red-reversed"
 * without saying how much: it counts as full, the reversal the platform names first.
 */
export const PLATFORM_INVOICE_STATE: Readonly<
  Record<string, { redStatus: RedStatus; state: "normal" | "void" | "abnormal" }>
> = {
  "0": { redStatus: "none", state: "normal" },
  "1": { redStatus: "none", state: "abnormal" },
  "2": { redStatus: "none", state: "void" },
  "3": { redStatus: "full", state: "normal" },
  "4": { redStatus: "none", state: "abnormal" },
  "7": { redStatus: "partial", state: "normal" },
  "8": { redStatus: "full", state: "normal" },
};

/**
 * The red status and state for a bureau state code; an unlisted code is kept as the state, raw.
 * @example
 * invoiceStateOf("7") // { redStatus: "partial", state: "normal" }
 */
export function invoiceStateOf(code: string | undefined): { redStatus: RedStatus; state: string } {
  if (code === undefined || code === "") return { redStatus: "none", state: "normal" };
  return Object.hasOwn(PLATFORM_INVOICE_STATE, code)
    ? PLATFORM_INVOICE_STATE[code]!
    : { redStatus: "none", state: code };
}
