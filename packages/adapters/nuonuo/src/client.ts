/**
 * The Nuonuo provider: requests signed with X-Nuonuo-Sign and sent over fetch, answers read into outcomes.
 * `prepareNuonuoRequest` builds a request without sending it (`efapiao payload`; the sandbox's tests).
 */
import { createHash } from "node:crypto";
import Decimal from "decimal.js";
import type { Result } from "@efapiao/model";
import type {
  CallOptions,
  CallOutcome,
  IssuedFileLink,
  IssueOutcome,
  IssueRequest,
  Provider,
  RedForm,
  RedFormApplication,
  RedFormFilter,
  RedFormLine,
  RedFormRef,
  RedLetterCapability,
  Unknown,
  UseConfirmationCapability,
  UseConfirmationItem,
  VerifyCapability,
} from "@efapiao/provider";
import { providerDiagnostic } from "@efapiao/provider";
import {
  cstDateTime,
  type FetchLike,
  jsonAnswer,
  joinUrl,
  type PreparedRequest,
  randomDigits,
  randomHex,
  readCredentials,
  redactValue,
  send,
  withQuery,
} from "@efapiao/provider-utils";
import { issueAnswer, plainAnswer, queryAnswer, redFormsAnswer, resealAnswer } from "./answers.js";
import { INVOICE_LINE, RED_REASON_TO_NUONUO } from "./enums.js";
import { type NuonuoOrderOptions, toNuonuoOrder } from "./order.js";
import { signNuonuo } from "./sign.js";
import {
  NUONUO_USE_SERVICES,
  nuonuoCheckAnswer,
  nuonuoCheckContent,
  nuonuoListAnswer,
  nuonuoListContent,
} from "./use.js";
import { NUONUO_VERIFY_SERVICE, nuonuoVerifyAnswer, nuonuoVerifyContent } from "./verify.js";

/** Nuonuo's production address; `url` in the credentials overrides it (the sandbox's, Nuonuo's test host). */
export const NUONUO_URL = "https://sdk.nuonuo.com";
const SERVICES_PATH = "/open/v1/services";

export const NUONUO_SERVICES = {
  issue: "nuonuo.OpeMplatform.requestBillingNew",
  query: "nuonuo.OpeMplatform.queryInvoiceResult",
  reseal: "nuonuo.OpeMplatform.reInvoice",
  saveRedForm: "nuonuo.OpeMplatform.saveInvoiceRedConfirm",
  queryRedForms: "nuonuo.OpeMplatform.queryInvoiceRedConfirm",
  confirmRedForm: "nuonuo.OpeMplatform.confirm",
  cancelRedForm: "nuonuo.OpeMplatform.confirmInfoCancel",
} as const;

/** A credentials file for Nuonuo (contracts.md §4). */
export interface NuonuoCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  /** Request id; random per request when absent. */
  senid?: string;
  /** The seller's tax number for the userTax header (default: the invoice's seller tax id). */
  userTax?: string;
  /** Base URL overriding production (e.g. the sandbox). */
  url?: string;
}

/**
 * Checks a credentials object: appKey, appSecret and accessToken are required.
 * @example
 * readNuonuoCredentials(JSON.parse(text)) // { ok: false, diagnostics: [{ path: "accessToken", … }] }
 */
export function readNuonuoCredentials(value: unknown): Result<NuonuoCredentials> {
  return readCredentials(
    "nuonuo",
    value,
    ["appKey", "appSecret", "accessToken"],
    ["senid", "userTax", "url"],
  );
}

/** Values that make a request reproducible byte for byte. */
export interface RequestFixes {
  nonce?: string;
  /** Seconds since the epoch, as text. */
  timestamp?: string;
  senid?: string;
}

/**
 * Builds one signed request: the body is serialised once, and those exact bytes are signed and sent.
 * @example
 * prepareNuonuoRequest(credentials, NUONUO_SERVICES.query, { orderNos: ["SO-1"], isOfferInvoiceDetail: "1" }, { userTax })
 */
export function prepareNuonuoRequest(
  credentials: NuonuoCredentials,
  service: string,
  content: unknown,
  options: RequestFixes & { userTax: string },
): PreparedRequest {
  const body = JSON.stringify(content);
  // A fixed nonce fixes the request id too (unless the credentials name one), so that the request is reproducible.
  const senid =
    options.senid ??
    credentials.senid ??
    (options.nonce ? createHash("md5").update(`senid:${options.nonce}`).digest("hex") : randomHex(16));
  const nonce = options.nonce ?? randomDigits(8);
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const sign = signNuonuo(credentials.appSecret, {
    appKey: credentials.appKey,
    senid,
    nonce,
    timestamp,
    body,
  });
  const url = withQuery(joinUrl(credentials.url ?? NUONUO_URL, SERVICES_PATH), [
    ["senid", senid],
    ["nonce", nonce],
    ["timestamp", timestamp],
    ["appkey", credentials.appKey],
  ]);
  return {
    provider: "nuonuo",
    service,
    method: "POST",
    url,
    headers: {
      "Content-Type": "application/json; charset=UTF-8",
      "X-Nuonuo-Sign": sign,
      accessToken: credentials.accessToken,
      userTax: credentials.userTax ?? options.userTax,
      method: service,
    },
    body,
    plain: content,
  };
}

/**
 * The requestBillingNew request for an issue request, ready to send (or print).
 * @example
 * const prepared = prepareNuonuoIssue(credentials, { requestKey: "SO-1", invoice }, { nonce: "12345678", timestamp: "1779000000" });
 */
export function prepareNuonuoIssue(
  credentials: NuonuoCredentials,
  request: IssueRequest,
  options: RequestFixes & NuonuoOrderOptions = {},
): Result<PreparedRequest> {
  const orderTime =
    options.orderTime ??
    (options.timestamp ? cstDateTime(new Date(Number(options.timestamp) * 1000)).slice(11) : undefined);
  const order = toNuonuoOrder(request, { ...options, ...(orderTime ? { orderTime } : {}) });
  if (!order.ok) return order;
  const prepared = prepareNuonuoRequest(
    credentials,
    NUONUO_SERVICES.issue,
    { order: order.value },
    { ...options, userTax: request.invoice.seller.taxId },
  );
  return { ok: true, value: prepared, diagnostics: order.diagnostics };
}

export interface NuonuoProviderOptions {
  credentials: NuonuoCredentials;
  /** The seller's tax number (userTax header) for calls that carry no invoice. */
  sellerTaxId: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  order?: NuonuoOrderOptions;
  /** Whose side this company takes in red-letter forms (default seller). */
  identity?: "seller" | "buyer";
}

/**
 * A Nuonuo provider implementing the port: issue, query, re-seal, files and red-letter forms.
 * @example
 * const nuonuo = createNuonuo({ credentials, sellerTaxId: "91310115MA1K3XYZ7A" });
 * const outcome = await nuonuo.issue({ requestKey: "SO-1001", invoice });
 */
export function createNuonuo(options: NuonuoProviderOptions): Provider & {
  redLetter: RedLetterCapability;
  verification: VerifyCapability;
  useConfirmation: UseConfirmationCapability;
} {
  const { credentials } = options;
  const secrets = [credentials.appSecret, credentials.accessToken];
  const identity = options.identity === "buyer" ? "1" : "0";

  async function call(prepared: PreparedRequest, callOptions: CallOptions = {}) {
    const result = await send("nuonuo", prepared, {
      timeoutMs: callOptions.timeoutMs ?? options.timeoutMs,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(callOptions.signal ? { signal: callOptions.signal } : {}),
    });
    const answer = jsonAnswer("nuonuo", result, secrets);
    return answer.status === "unknown" ? answer : redactValue(answer.value, secrets);
  }

  const request = (service: string, content: unknown) =>
    prepareNuonuoRequest(credentials, service, content, { userTax: options.sellerTaxId });
  const isUnknown = (answer: unknown): answer is Unknown => (answer as Unknown).status === "unknown";

  async function query(requestKey: string, callOptions?: CallOptions): Promise<IssueOutcome> {
    const answer = await call(
      request(NUONUO_SERVICES.query, { isOfferInvoiceDetail: "0", orderNos: [requestKey], serialNos: [] }),
      callOptions,
    );
    return isUnknown(answer) ? answer : queryAnswer(requestKey, answer);
  }

  async function findForm(billId: string, callOptions?: CallOptions): Promise<CallOutcome<RedForm[]>> {
    const answer = await call(request(NUONUO_SERVICES.queryRedForms, { identity, billId }), callOptions);
    return isUnknown(answer) ? answer : redFormsAnswer(answer);
  }

  async function operate(
    service: string,
    form: RedFormRef,
    extra: Record<string, string>,
    callOptions?: CallOptions,
  ) {
    const answer = await call(request(service, { billId: form.uuid, identity, ...extra }), callOptions);
    if (isUnknown(answer)) return answer;
    const done = plainAnswer(answer);
    if (done.status !== "ok") return done;
    return formAfter(form.uuid, callOptions);
  }

  async function formAfter(billId: string, callOptions?: CallOptions): Promise<CallOutcome<RedForm>> {
    const found = await findForm(billId, callOptions);
    if (found.status !== "ok") return found;
    const form = found.value[0];
    if (form) return { status: "ok", value: form, raw: found.raw };
    // Nuonuo lists a form once the bureau took it: until then it is its own 15 申请中.
    return { status: "ok", value: { uuid: billId, state: "15" } };
  }

  const redLetter: RedLetterCapability = {
    async applyForm(application: RedFormApplication, callOptions?: CallOptions) {
      const content = {
        billId: application.requestKey,
        blueInvoiceLine: INVOICE_LINE.electronic[application.originalKind],
        applySource: application.initiator === "buyer" ? "1" : "0",
        blueElecInvoiceNumber: application.originalNumber,
        sellerTaxNo: application.seller.taxId,
        sellerName: application.seller.name,
        buyerTaxNo: application.buyer.taxId ?? "",
        buyerName: application.buyer.name,
        redReason: RED_REASON_TO_NUONUO[application.reason],
        ...(isPartial(application) && { detail: application.lines.map(redFormDetail) }),
      };
      const answer = await call(request(NUONUO_SERVICES.saveRedForm, content), callOptions);
      if (isUnknown(answer)) return answer;
      const saved = plainAnswer(answer);
      // A billId sent before is refused as a duplicate: the form exists, so read it back.
      if (saved.status === "rejected" && saved.reason !== "duplicate") return saved;
      return formAfter(application.requestKey, callOptions);
    },
    async listForms(filter: RedFormFilter, callOptions?: CallOptions) {
      const content: Record<string, string> = {
        identity: filter.initiator === "buyer" ? "1" : identity,
        billTimeStart: filter.from,
        billTimeEnd: filter.to,
        pageNo: "1",
        pageSize: "50",
      };
      if (filter.state) content.billStatus = filter.state;
      const answer = await call(request(NUONUO_SERVICES.queryRedForms, content), callOptions);
      if (isUnknown(answer)) return answer;
      const forms = redFormsAnswer(answer);
      if (forms.status !== "ok" || !filter.originalNumber) return forms;
      return { ...forms, value: forms.value.filter((f) => f.originalNumber === filter.originalNumber) };
    },
    confirmForm: (form, o) => operate(NUONUO_SERVICES.confirmRedForm, form, { confirmAgreement: "1" }, o),
    refuseForm: (form, o) => operate(NUONUO_SERVICES.confirmRedForm, form, { confirmAgreement: "0" }, o),
    cancelForm: (form, o) => operate(NUONUO_SERVICES.cancelRedForm, form, {}, o),
    issueRed: (issueRequest, o) => issue(issueRequest, o),
  };

  async function check(
    period: string,
    action: "confirm" | "cancel",
    items: UseConfirmationItem[],
    callOptions?: CallOptions,
  ) {
    const content = nuonuoCheckContent(options.sellerTaxId, period, action, items);
    const answer = await call(request(NUONUO_USE_SERVICES.check, content), callOptions);
    return isUnknown(answer) ? answer : nuonuoCheckAnswer(answer);
  }

  async function issue(issueRequest: IssueRequest, callOptions?: CallOptions): Promise<IssueOutcome> {
    const prepared = prepareNuonuoIssue(credentials, issueRequest, options.order);
    if (!prepared.ok) {
      return {
        status: "rejected",
        reason: "refused",
        retryable: false,
        diagnostics: prepared.diagnostics.map((d) => ({ ...d, provider: "nuonuo" })),
      };
    }
    const answer = await call(prepared.value, callOptions);
    return isUnknown(answer) ? answer : issueAnswer(issueRequest.requestKey, answer);
  }

  return {
    id: "nuonuo",
    issue,
    query,
    async reseal(requestKey: string, callOptions?: CallOptions) {
      const current = await query(requestKey, callOptions);
      if (current.status !== "rejected" || current.reason !== "seal-failed") return current;
      const serial =
        (current.raw as { result?: { serialNo?: string }[] } | undefined)?.result?.[0]?.serialNo ?? "";
      const answer = await call(
        request(NUONUO_SERVICES.reseal, { fpqqlsh: serial, orderno: requestKey }),
        callOptions,
      );
      return isUnknown(answer) ? answer : resealAnswer(requestKey, answer);
    },
    async files(requestKey: string, callOptions?: CallOptions): Promise<CallOutcome<IssuedFileLink[]>> {
      const outcome = await query(requestKey, callOptions);
      if (outcome.status === "issued") return { status: "ok", value: outcome.files, raw: outcome.raw };
      if (outcome.status === "rejected" || outcome.status === "unknown") return outcome;
      return {
        status: "rejected",
        reason: "not-found",
        retryable: true,
        diagnostics: [
          providerDiagnostic("nuonuo", "NUONUO_NOT_ISSUED_YET", {
            zh: "发票尚未开具完成，暂无文件",
            en: "The invoice is not issued yet: no files",
          }),
        ],
      };
    },
    redLetter,
    useConfirmation: {
      async listReceived(filter, callOptions) {
        const answer = await call(request(NUONUO_USE_SERVICES.list, nuonuoListContent(filter)), callOptions);
        return isUnknown(answer) ? answer : nuonuoListAnswer(answer);
      },
      confirmUse: (period, items, callOptions) => check(period, "confirm", items, callOptions),
      cancelUse: (period, items, callOptions) => check(period, "cancel", items, callOptions),
    },
    verification: {
      async verify(query, callOptions) {
        const content = nuonuoVerifyContent(query, options.sellerTaxId);
        const answer = await call(request(NUONUO_VERIFY_SERVICE, content), callOptions);
        return isUnknown(answer) ? answer : nuonuoVerifyAnswer(answer);
      },
    },
  };
}

/**
 * A partial reversal: the form's totals are not the whole blue invoice negated. Nuonuo reverses the whole
 * invoice when saveInvoiceRedConfirm has no `detail` ("非部分冲红不需要传明细"), so only a partial one
 * sends its lines.
 */
function isPartial(application: RedFormApplication): boolean {
  return !(
    new Decimal(application.amount).negated().equals(application.originalAmount) &&
    new Decimal(application.tax).negated().equals(application.originalTax)
  );
}

/** One saveInvoiceRedConfirm `detail` line: the blue line's index and the (negative) amounts taken from it. */
function redFormDetail(line: RedFormLine): Record<string, string> {
  return {
    blueDetailIndex: String(line.originalIndex),
    goodsName: line.itemName,
    goodsCode: line.code,
    specType: line.spec ?? "",
    unit: line.unit ?? "",
    ...(line.quantity !== undefined && { num: line.quantity }),
    ...(line.unitPrice !== undefined && { taxExcludedPrice: line.unitPrice }),
    taxExcludedAmount: line.amount,
    taxAmount: line.tax,
    taxRate: line.taxRate,
  };
}
