/**
 * The 百望 provider: requests to /router/rest signed with `sign` (MD5), a password-grant token cached and
 * refreshed before it expires, answers read into outcomes.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Result } from "@efapiao/model";
import type {
  CallOptions,
  CallOutcome,
  FormInitiator,
  IssueOutcome,
  IssueRequest,
  Provider,
  RedForm,
  RedLetterCapability,
  UseConfirmationCapability,
  UseConfirmationItem,
  UseConfirmationResult,
  VerifyCapability,
  Unknown,
} from "@efapiao/provider";
import { providerDiagnostic } from "@efapiao/provider";
import {
  type FetchLike,
  field,
  jsonAnswer,
  joinUrl,
  type PreparedRequest,
  readCredentials,
  redactValue,
  send,
  stringifyJson,
  TokenCache,
  type TokenResult,
  withPlain,
  withQuery,
} from "@efapiao/provider-utils";
import { failureOf, issueAnswer, queryAnswer, redFormsAnswer } from "./answers.js";
import type { CONFIRM_TYPE } from "./enums.js";
import { type BaiwangInvoiceOptions, toBaiwangInvoice } from "./invoice.js";
import { BAIWANG_RED_METHODS, redFormAddBody, redFormListBody, redFormOperateBody } from "./red.js";
import { signBaiwangSorted } from "./sign.js";
import {
  BAIWANG_USE_METHODS,
  baiwangListAnswer,
  baiwangListBody,
  baiwangUseAnswer,
  baiwangUseCall,
} from "./use.js";
import { BAIWANG_VERIFY_METHOD, baiwangVerifyAnswer, baiwangVerifyBody } from "./verify.js";

export const BAIWANG_URL = "https://openapi.baiwang.com";
const REST_PATH = "/router/rest";
export const BAIWANG_METHODS = {
  token: "baiwang.oauth.token",
  issue: "baiwang.output.invoice.issue",
  query: "baiwang.output.invoice.query",
  ...BAIWANG_RED_METHODS,
} as const;

/** A credentials file for 百望 (contracts.md §4): appKey, appSecret and a token, or the password grant. */
export interface BaiwangCredentials {
  appKey: string;
  appSecret: string;
  /** An access token obtained elsewhere; without one, username/password/salt fetch and refresh one. */
  token?: string;
  username?: string;
  password?: string;
  /** The salt 百望 issues with the account, appended to the password before hashing. */
  salt?: string;
  url?: string;
  /** API version parameter (default 6.0). */
  version?: string;
}

/**
 * Checks a credentials object: appKey, appSecret, and token (or username and password for the grant).
 * @example
 * readBaiwangCredentials({ appKey: "k", appSecret: "s" }) // { ok: false, diagnostics: [{ path: "token", … }] }
 */
export function readBaiwangCredentials(value: unknown): Result<BaiwangCredentials> {
  const grant =
    value !== null &&
    typeof value === "object" &&
    "username" in value &&
    "password" in value &&
    !("token" in value);
  return readCredentials(
    "baiwang",
    value,
    grant ? ["appKey", "appSecret", "username", "password"] : ["appKey", "appSecret", "token"],
    ["token", "username", "password", "salt", "url", "version"],
  );
}

export interface BaiwangRequestFixes {
  /** Milliseconds since the epoch, as text. */
  timestamp?: string;
  requestId?: string;
}

/**
 * One signed request: the body serialised once (money as exact number literals), those bytes signed and sent.
 * @example
 * prepareBaiwangRequest(credentials, "baiwang.output.invoice.issue", body, token, { timestamp: "1779000000000", requestId: "r1" })
 */
export function prepareBaiwangRequest(
  credentials: BaiwangCredentials,
  method: string,
  content: unknown,
  token: string,
  fixes: BaiwangRequestFixes = {},
): PreparedRequest {
  const body = stringifyJson(content);
  // Written in name order: the signature and the URL both list the parameters sorted by name.
  const params: [string, string][] = [
    ["appKey", credentials.appKey],
    ["format", "json"],
    ["method", method],
    ["requestId", fixes.requestId ?? randomUUID()],
    ["timestamp", fixes.timestamp ?? String(Date.now())],
    ["token", token],
    ["type", "sync"],
    ["version", credentials.version ?? "6.0"],
  ];
  params.push(["sign", signBaiwangSorted(credentials.appSecret, params, body)]);
  return withPlain(
    {
      provider: "baiwang",
      service: method,
      method: "POST",
      url: withQuery(joinUrl(credentials.url ?? BAIWANG_URL, REST_PATH), params),
      headers: { "Content-Type": "application/json; charset=UTF-8" },
      body,
    },
    content,
  );
}

/**
 * The issue request for an invoice, ready to send or print.
 * @example
 * prepareBaiwangIssue({ appKey, appSecret, token }, { requestKey: "SO-1", invoice }, { timestamp: "1779000000000" })
 */
export function prepareBaiwangIssue(
  credentials: BaiwangCredentials & { token: string },
  request: IssueRequest,
  options: BaiwangRequestFixes & BaiwangInvoiceOptions = {},
): Result<PreparedRequest> {
  const body = toBaiwangInvoice(request, options);
  if (!body.ok) return body;
  const prepared = prepareBaiwangRequest(
    credentials,
    BAIWANG_METHODS.issue,
    body.value,
    credentials.token,
    options,
  );
  return { ok: true, value: prepared, diagnostics: body.diagnostics };
}

/**
 * The password-grant password: SHA-1 hex of the MD5 hex of password + salt (as 百望's SDKs send it).
 * @example
 * grantPassword("pw", "salt") // sha1(md5("pwsalt"))
 */
export function grantPassword(password: string, salt = ""): string {
  const md5 = createHash("md5")
    .update(password + salt, "utf8")
    .digest("hex");
  return createHash("sha1").update(md5, "utf8").digest("hex");
}

export interface BaiwangProviderOptions {
  credentials: BaiwangCredentials;
  /** The seller's tax number (taxNo) for calls that carry no invoice. */
  sellerTaxId: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Refresh the token when less than this is left (default 10 minutes; tokens live about 8 hours). */
  tokenMarginMs?: number;
  now?: () => number;
  invoice?: BaiwangInvoiceOptions;
  /** This company's side in red-letter forms (default seller). */
  side?: FormInitiator;
  /** Overrides the unverified confirmType codes of the operate call. */
  confirmTypes?: Readonly<Record<keyof typeof CONFIRM_TYPE, string>>;
}

/**
 * A 百望 provider implementing the port: issue (synchronous), query by serial number, red-letter forms.
 * @example
 * const baiwang = createBaiwang({ credentials: { appKey, appSecret, username, password, salt }, sellerTaxId });
 * const outcome = await baiwang.issue({ requestKey: "SO-1001", invoice });
 */
export function createBaiwang(options: BaiwangProviderOptions): Provider & {
  redLetter: RedLetterCapability;
  verification: VerifyCapability;
  useConfirmation: UseConfirmationCapability;
} {
  const { credentials } = options;
  const now = options.now ?? Date.now;
  const secrets = [credentials.appSecret, credentials.token, credentials.password];
  const transport = (callOptions: CallOptions = {}) => ({
    timeoutMs: callOptions.timeoutMs ?? options.timeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(callOptions.signal ? { signal: callOptions.signal } : {}),
  });

  const tokens = new TokenCache<Unknown | ReturnType<typeof failureOf>>(
    async (): Promise<TokenResult<Unknown | ReturnType<typeof failureOf>>> => {
      if (credentials.token)
        return { ok: true, token: { value: credentials.token, expiresAt: Number.POSITIVE_INFINITY } };
      const params: [string, string][] = [
        ["method", BAIWANG_METHODS.token],
        ["grant_type", "password"],
        ["client_id", credentials.appKey],
        ["client_secret", credentials.appSecret],
        ["username", credentials.username ?? ""],
        ["password", grantPassword(credentials.password ?? "", credentials.salt)],
        ["version", "3.0"],
        ["timestamp", String(now())],
      ];
      const url = withQuery(joinUrl(credentials.url ?? BAIWANG_URL, REST_PATH), params);
      const result = await send(
        "baiwang",
        { method: "POST", url, headers: { "Content-Type": "application/x-www-form-urlencoded" } },
        transport(),
      );
      const answer = jsonAnswer("baiwang", result, [
        ...secrets,
        grantPassword(credentials.password ?? "", credentials.salt),
      ]);
      if (answer.status === "unknown") return { ok: false, failure: answer };
      const failure = failureOf(answer.value);
      if (failure) return { ok: false, failure: redactValue(failure, secrets) };
      const response = answer.value.response as Record<string, unknown> | undefined;
      const value = field(response, "access_token");
      const seconds = Number(field(response, "expires_in") ?? 8 * 3600);
      if (!value) {
        return {
          ok: false,
          failure: {
            status: "unknown",
            diagnostics: [
              providerDiagnostic("baiwang", "BAIWANG_TOKEN_MISSING", {
                zh: "百望的令牌应答缺少 access_token",
                en: "Baiwang's token answer lacks access_token",
              }),
            ],
          },
        };
      }
      return { ok: true, token: { value, expiresAt: now() + seconds * 1000 } };
    },
    { marginMs: options.tokenMarginMs ?? 10 * 60_000, now },
  );

  /** Sends a call with a valid token; the answer comes back redacted, or the failure as an outcome. */
  async function call(method: string, content: unknown, callOptions?: CallOptions) {
    const token = await tokens.get();
    if (!token.ok) return token.failure!;
    const prepared = prepareBaiwangRequest(credentials, method, content, token.token.value);
    const result = await send("baiwang", prepared, transport(callOptions));
    const answer = jsonAnswer("baiwang", result, [...secrets, token.token.value]);
    if (answer.status === "unknown") return answer;
    const value = redactValue(answer.value, [...secrets, token.token.value]);
    const failure = failureOf(value);
    if (failure?.reason === "credentials") tokens.invalidate();
    return value;
  }
  const isOutcome = (answer: unknown): answer is Unknown | NonNullable<ReturnType<typeof failureOf>> =>
    typeof (answer as { status?: unknown }).status === "string";

  async function issue(request: IssueRequest, callOptions?: CallOptions): Promise<IssueOutcome> {
    const body = toBaiwangInvoice(request, options.invoice);
    if (!body.ok) {
      return {
        status: "rejected",
        reason: "refused",
        retryable: false,
        diagnostics: body.diagnostics.map((d) => ({ ...d, provider: "baiwang" })),
      };
    }
    const answer = await call(BAIWANG_METHODS.issue, body.value, callOptions);
    return isOutcome(answer) ? answer : issueAnswer(request.requestKey, answer);
  }

  const side = options.side ?? "seller";
  async function forms(
    method: string,
    content: unknown,
    callOptions?: CallOptions,
  ): Promise<CallOutcome<RedForm[]>> {
    const answer = await call(method, content, callOptions);
    return isOutcome(answer) ? answer : redFormsAnswer(answer);
  }
  async function oneForm(method: string, content: unknown, fallback: RedForm, callOptions?: CallOptions) {
    const listed = await forms(method, content, callOptions);
    if (listed.status !== "ok") return listed;
    return { status: "ok" as const, value: { ...fallback, ...listed.value[0] }, raw: listed.raw };
  }
  const operate =
    (action: keyof typeof CONFIRM_TYPE) => (form: { uuid: string; number?: string }, o?: CallOptions) =>
      oneForm(
        BAIWANG_METHODS.operate,
        redFormOperateBody(options.sellerTaxId, form, action, options.confirmTypes),
        { uuid: form.uuid, state: "", ...(form.number ? { number: form.number } : {}) },
        o,
      );

  /** One call per use (抵扣 and 不抵扣 are separate methods); the results in the items' order of calls. */
  async function useCall(
    period: string,
    action: "confirm" | "cancel",
    items: UseConfirmationItem[],
    o?: CallOptions,
  ): Promise<CallOutcome<UseConfirmationResult[]>> {
    const results: UseConfirmationResult[] = [];
    for (const use of ["deduct", "no-deduct"] as const) {
      const some = items.filter((item) => (item.use ?? "deduct") === use);
      if (some.length === 0) continue;
      const { method, body } = baiwangUseCall(options.sellerTaxId, period, action, use, some);
      const answer = await call(method, body, o);
      if (isOutcome(answer)) return answer;
      const done = baiwangUseAnswer(answer);
      if (done.status !== "ok") return done;
      results.push(...done.value);
    }
    return { status: "ok", value: results };
  }

  return {
    id: "baiwang",
    issue,
    // redinvoice.add under a redConfirmSerialNo sent before answers the form raised under it.
    formApplicationsByKey: true,
    async query(requestKey: string, callOptions?: CallOptions) {
      const answer = await call(
        BAIWANG_METHODS.query,
        { taxNo: options.sellerTaxId, data: { serialNo: requestKey } },
        callOptions,
      );
      return isOutcome(answer) ? answer : queryAnswer(requestKey, answer);
    },
    redLetter: {
      applyForm: (application, o) =>
        oneForm(
          BAIWANG_METHODS.add,
          redFormAddBody(options.sellerTaxId, application),
          { uuid: "", state: "" },
          o,
        ),
      listForms: (filter, o) =>
        forms(BAIWANG_METHODS.list, redFormListBody(options.sellerTaxId, filter, side), o),
      confirmForm: operate("confirm"),
      refuseForm: operate("refuse"),
      cancelForm: operate("cancel"),
      issueRed: issue,
    },
    useConfirmation: {
      async listReceived(filter, o) {
        const answer = await call(BAIWANG_USE_METHODS.list, baiwangListBody(options.sellerTaxId, filter), o);
        return isOutcome(answer) ? answer : baiwangListAnswer(answer);
      },
      confirmUse: (period, items, o) => useCall(period, "confirm", items, o),
      cancelUse: (period, items, o) => useCall(period, "cancel", items, o),
    },
    verification: {
      async verify(query, o) {
        const answer = await call(BAIWANG_VERIFY_METHOD, baiwangVerifyBody(query, options.sellerTaxId), o);
        return isOutcome(answer) ? answer : baiwangVerifyAnswer(answer);
      },
    },
  };
}
