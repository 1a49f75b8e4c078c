/**
 * The 乐企 provider: bodies as base64 SM4-ECB ciphertext to …/access/v2/invoke/{nlbm}/{fwbm}, with the
 * routing headers (fwbm, jrdwptbh, sydwptbh, nlbm, ylbm, sxcsbz). 乐企 has no request key: an invoice is
 * uploaded under a number pre-assigned in a batch (QDFPPLFM), and its result is asked for by the
 * acceptance serial (sllsh) — both kept per request key in a {@link LeqiState}.
 */
import { error, type Result } from "@efapiao/model";
import type {
  CallOptions,
  CallOutcome,
  FormInitiator,
  IssueOutcome,
  IssueRequest,
  Provider,
  RedForm,
  RedFormRef,
  RedLetterCapability,
  UseConfirmationCapability,
  UseConfirmationItem,
  UseConfirmationResult,
  VerifyCapability,
  VerifyResult,
} from "@efapiao/provider";
import { providerDiagnostic } from "@efapiao/provider";
import {
  cstDateTime,
  type FetchLike,
  jsonAnswer,
  jsonNumber,
  joinUrl,
  type PreparedRequest,
  readCredentials,
  redactValue,
  send,
  stringifyJson,
  useRefusal,
  withPlain,
} from "@efapiao/provider-utils";
import { issueAnswer, redFormsAnswer, resultAnswer } from "./answers.js";
import {
  LEQI_RECEIVE_ABILITIES,
  LEQI_RECEIVE_SERVICES,
  leqiStatusAnswer,
  leqiStatusBody,
  leqiVerifyAnswer,
  leqiVerifyBody,
} from "./verify.js";
import {
  LEQI_USE_SERVICES,
  leqiCurrentAnswer,
  leqiResultAnswer,
  leqiUploadAnswer,
  leqiUseBody,
  unconfirmedUnsupported,
  useBatches,
} from "./use.js";
import { FPPZ, LEQI_SERVICES, QRLX, ROLE } from "./enums.js";
import { type LeqiInvoiceOptions, toLeqiInvoice } from "./invoice.js";
import { isSm4Key, sm4Encrypt } from "./sm4.js";

export const LEQI_URL = "https://lqpt.chinatax.gov.cn:8443";

/** A credentials file for 乐企 (contracts.md §4). */
export interface LeqiCredentials {
  /** The unit's SM4 secret, 32 hex digits. */
  sm4Key: string;
  /** 接入单位平台编号. */
  jrdwptbh: string;
  /** 使用单位平台编号. */
  sydwptbh: string;
  /** 能力编码. */
  nlbm: string;
  /** 用例编码. */
  ylbm?: string;
  /** 沙箱测试标志 as the platform wants it (empty in production). */
  sxcsbz?: string;
  url?: string;
  /** Pre-assigned invoice numbers (QDFPPLFM) to issue under, in order. */
  numbers?: string[];
}

/**
 * Checks a credentials object: sm4Key (32 hex digits), jrdwptbh, sydwptbh and nlbm are required.
 * @example
 * readLeqiCredentials({ sm4Key: "abc" }) // diagnostics for sm4Key (not 32 hex digits), jrdwptbh, sydwptbh, nlbm
 */
export function readLeqiCredentials(value: unknown): Result<LeqiCredentials> {
  const read = readCredentials(
    "leqi",
    value,
    ["sm4Key", "jrdwptbh", "sydwptbh", "nlbm"],
    ["ylbm", "sxcsbz", "url"],
  );
  const diagnostics = [...read.diagnostics];
  const record = (value ?? {}) as Record<string, unknown>;
  if (typeof record.sm4Key === "string" && record.sm4Key !== "" && !isSm4Key(record.sm4Key)) {
    diagnostics.push(
      error("CREDENTIALS_SM4_KEY", "sm4Key", {
        zh: "leqi 凭据的 sm4Key 应为 32 位十六进制数字",
        en: "The leqi credentials field sm4Key must be 32 hex digits",
      }),
    );
  }
  const numbers = record.numbers;
  if (
    numbers !== undefined &&
    !(Array.isArray(numbers) && numbers.every((n) => typeof n === "string" && /^\d{20}$/.test(n)))
  ) {
    diagnostics.push(
      error("CREDENTIALS_NUMBERS", "numbers", {
        zh: "leqi 凭据的 numbers 应为预赋的 20 位发票号码列表",
        en: "The leqi credentials field numbers must be a list of pre-assigned 20-digit invoice numbers",
      }),
    );
  }
  if (!read.ok || diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, value: record as unknown as LeqiCredentials, diagnostics: [] };
}

/**
 * One encrypted request: the plain body serialised once, encrypted, and those bytes sent.
 * @example
 * prepareLeqiRequest(credentials, "CXQDFPSCJG", { sllsh: "S1" })
 */
export function prepareLeqiRequest(
  credentials: LeqiCredentials,
  fwbm: string,
  plain: unknown,
): PreparedRequest {
  return withPlain(
    {
      provider: "leqi",
      service: fwbm,
      method: "POST",
      url: joinUrl(credentials.url ?? LEQI_URL, `/access/v2/invoke/${credentials.nlbm}/${fwbm}`),
      headers: {
        "Content-Type": "application/json; charset=UTF-8",
        fwbm,
        jrdwptbh: credentials.jrdwptbh,
        sydwptbh: credentials.sydwptbh,
        nlbm: credentials.nlbm,
        ylbm: credentials.ylbm ?? "",
        access_signature: "",
        sxcsbz: credentials.sxcsbz ?? "",
      },
      body: sm4Encrypt(credentials.sm4Key, stringifyJson(plain)),
    },
    plain,
  );
}

/**
 * The QDFPSC request for one invoice under a pre-assigned number (the body is an array of invoices).
 * @example
 * prepareLeqiIssue(credentials, { requestKey: "SO-1", invoice }, { number: "24442000000071309399" })
 */
export function prepareLeqiIssue(
  credentials: LeqiCredentials,
  request: IssueRequest,
  options: Omit<LeqiInvoiceOptions, "platformNumber"> & { timestamp?: string },
): PreparedRequest {
  const time =
    options.time ??
    (options.timestamp ? cstDateTime(new Date(Number(options.timestamp) * 1000)).slice(11) : undefined);
  const invoice = toLeqiInvoice(request, {
    ...options,
    platformNumber: credentials.jrdwptbh,
    ...(time ? { time } : {}),
  });
  return prepareLeqiRequest(credentials, LEQI_SERVICES.issue, [invoice]);
}

/**
 * What a 乐企 provider remembers per request key: the pre-assigned number it was given and the acceptance
 * serial of its upload. The issuing workflow keeps these durably; {@link memoryLeqiState} is for tests.
 */
export interface LeqiState {
  /** The number for this key: the one it was given before, else the next unused one; undefined when none left. */
  numberFor(requestKey: string): Promise<string | undefined>;
  recordAcceptance(requestKey: string, sllsh: string): Promise<void>;
  acceptanceOf(requestKey: string): Promise<string | undefined>;
}

/**
 * A {@link LeqiState} in memory over a batch of pre-assigned numbers.
 * @example
 * const state = memoryLeqiState(["24442000000071309399", "24442000000071309400"]);
 */
export function memoryLeqiState(numbers: readonly string[]): LeqiState {
  const free = [...numbers];
  const given = new Map<string, string>();
  const accepted = new Map<string, string>();
  return {
    async numberFor(key) {
      if (!given.has(key)) {
        const next = free.shift();
        if (next === undefined) return undefined;
        given.set(key, next);
      }
      return given.get(key);
    },
    async recordAcceptance(key, sllsh) {
      accepted.set(key, sllsh);
    },
    async acceptanceOf(key) {
      return accepted.get(key);
    },
  };
}

export interface LeqiProviderOptions {
  credentials: LeqiCredentials;
  /** The seller's tax number (xsfnsrsbh) for calls that carry no invoice. */
  sellerTaxId: string;
  state: LeqiState;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** This company's side in red-letter forms (default seller). */
  side?: FormInitiator;
  invoice?: Pick<LeqiInvoiceOptions, "extra">;
  /** The ability codes (nlbm) of the buyer's side, when the unit's differ from the published ones. */
  abilities?: Partial<Record<keyof typeof LEQI_RECEIVE_ABILITIES, string>>;
}

/**
 * A 乐企 provider implementing the port: issue (QDFPSC), query (CXQDFPSCJG), red-letter forms
 * (QDHZQRDSQ, CXQDHZQRDLB, QDHZQRDQR).
 * @example
 * const leqi = createLeqi({ credentials, sellerTaxId, state: memoryLeqiState(batch) });
 * const outcome = await leqi.issue({ requestKey: "SO-1001", invoice });
 */
export function createLeqi(options: LeqiProviderOptions): Provider & {
  redLetter: RedLetterCapability;
  verification: VerifyCapability;
  useConfirmation: UseConfirmationCapability;
} {
  const { credentials, state } = options;
  const key = credentials.sm4Key;
  const side = options.side ?? "seller";

  async function call(prepared: PreparedRequest, callOptions: CallOptions = {}) {
    const result = await send("leqi", prepared, {
      timeoutMs: callOptions.timeoutMs ?? options.timeoutMs,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(callOptions.signal ? { signal: callOptions.signal } : {}),
    });
    const answer = jsonAnswer("leqi", result, [key]);
    return answer.status === "unknown" ? answer : redactValue(answer.value, [key]);
  }
  const isUnknown = (answer: object): answer is { status: "unknown" } & IssueOutcome => "status" in answer;

  async function issue(request: IssueRequest, callOptions?: CallOptions): Promise<IssueOutcome> {
    const number = await state.numberFor(request.requestKey);
    if (number === undefined) {
      return {
        status: "rejected",
        reason: "limit",
        retryable: true,
        diagnostics: [
          providerDiagnostic("leqi", "LEQI_NO_NUMBERS", {
            zh: "没有可用的预赋码发票号码：请先批量预赋码（QDFPPLFM）",
            en: "No pre-assigned invoice number left: fetch a batch first (QDFPPLFM)",
          }),
        ],
      };
    }
    const prepared = prepareLeqiIssue(credentials, request, { number, ...options.invoice });
    const answer = await call(prepared, callOptions);
    if (isUnknown(answer)) return answer;
    const outcome = issueAnswer(key, request.requestKey, answer);
    if (outcome.status === "pending" && outcome.providerRef)
      await state.recordAcceptance(request.requestKey, outcome.providerRef);
    return outcome;
  }

  async function forms(
    fwbm: string,
    plain: unknown,
    callOptions?: CallOptions,
  ): Promise<CallOutcome<RedForm[]>> {
    const answer = await call(prepareLeqiRequest(credentials, fwbm, plain), callOptions);
    return isUnknown(answer) ? answer : redFormsAnswer(key, answer);
  }
  async function oneForm(fwbm: string, plain: unknown, fallback: RedForm, callOptions?: CallOptions) {
    const listed = await forms(fwbm, plain, callOptions);
    if (listed.status !== "ok") return listed;
    return { status: "ok" as const, value: { ...fallback, ...listed.value[0] }, raw: listed.raw };
  }
  const answerForm = (qrlx: string) => (form: RedFormRef, callOptions?: CallOptions) =>
    oneForm(
      LEQI_SERVICES.confirmForm,
      { xsfnsrsbh: options.sellerTaxId, uuid: form.uuid, hzqrdbh: form.number ?? "", qrlx },
      { uuid: form.uuid, state: "", ...(form.number ? { number: form.number } : {}) },
      callOptions,
    );

  /**
   * Uploads the items in batches by action (PLFPDKGX), then reads each batch's results (CXFPDKGXCLJG).
   * The platform works on its current tax period: `period` is not sent.
   */
  async function useCall(
    action: "confirm" | "cancel",
    items: UseConfirmationItem[],
    callOptions?: CallOptions,
  ): Promise<CallOutcome<UseConfirmationResult[]>> {
    const nlbm = options.abilities?.deduct ?? LEQI_RECEIVE_ABILITIES.deduct;
    const ask = (fwbm: string, plain: unknown) =>
      call(prepareLeqiRequest({ ...credentials, nlbm }, fwbm, plain), callOptions);
    const results: UseConfirmationResult[] = [];
    for (const [gxlxDm, batch] of useBatches(action, items)) {
      const uploaded = await ask(LEQI_USE_SERVICES.upload, leqiUseBody(options.sellerTaxId, gxlxDm, batch));
      if (isUnknown(uploaded)) return uploaded;
      const upload = leqiUploadAnswer(key, uploaded);
      if (upload.status !== "ok") return upload;
      const { pclsh, refused, code, message } = upload.value;
      results.push(...refused);
      const pending = batch.filter((item) => !refused.some((r) => r.number === item.number));
      if (!pclsh) {
        results.push(...pending.map((item) => useRefusal(item.number, code, message)));
        continue;
      }
      const answer = await ask(LEQI_USE_SERVICES.result, { pclsh });
      if (isUnknown(answer)) return answer;
      const read = leqiResultAnswer(key, answer);
      if (read.status !== "ok") return read;
      results.push(...read.value);
    }
    return { status: "ok", value: results };
  }

  return {
    id: "leqi",
    issue,
    async query(requestKey: string, callOptions?: CallOptions) {
      const sllsh = await state.acceptanceOf(requestKey);
      if (sllsh === undefined) {
        return {
          status: "rejected",
          reason: "not-found",
          retryable: false,
          diagnostics: [
            providerDiagnostic("leqi", "LEQI_NOT_ACCEPTED", {
              zh: `请求号 ${requestKey} 没有受理流水号：乐企未受理过它`,
              en: `Request key ${requestKey} has no acceptance serial: Leqi never accepted it`,
            }),
          ],
        };
      }
      const answer = await call(
        prepareLeqiRequest(credentials, LEQI_SERVICES.issueResult, { sllsh }),
        callOptions,
      );
      return isUnknown(answer) ? answer : resultAnswer(key, requestKey, answer);
    },
    redLetter: {
      applyForm: (application, callOptions) =>
        oneForm(
          LEQI_SERVICES.applyForm,
          {
            lrfsf: ROLE[application.initiator],
            xsfnsrsbh: application.seller.taxId,
            xsfmc: application.seller.name,
            gmfnsrsbh: application.buyer.taxId ?? "",
            gmfmc: application.buyer.name,
            lzfpdm: "",
            lzfphm: application.originalNumber,
            sfzzfpbz: "N",
            lzkprq: application.originalIssueDate,
            lzhjje: jsonNumber(application.originalAmount),
            lzhjse: jsonNumber(application.originalTax),
            lzfppzDm: FPPZ[application.originalKind],
            lzfpTdyslxDm: "",
            hzcxje: jsonNumber(application.amount),
            hzcxse: jsonNumber(application.tax),
            chyyDm: application.reason,
            hzqrdmxList: application.lines.map((line, i) => {
              const names = /^\*([^*]+)\*(.+)$/s.exec(line.itemName);
              return {
                lzmxxh: line.originalIndex,
                xh: i + 1,
                sphfwssflhbbm: line.code,
                hwhyslwfwmc: line.itemName,
                spfwjc: names?.[1] ?? "",
                xmmc: names?.[2] ?? line.itemName,
                ggxh: line.spec ?? "",
                dw: line.unit ?? "",
                fpspsl: line.quantity === undefined ? "" : jsonNumber(line.quantity),
                fpspdj: line.unitPrice === undefined ? "" : jsonNumber(line.unitPrice),
                je: jsonNumber(line.amount),
                sl1: jsonNumber(line.taxRate),
                se: jsonNumber(line.tax),
              };
            }),
          },
          { uuid: "", state: "" },
          callOptions,
        ),
      listForms: (filter, callOptions) =>
        forms(
          LEQI_SERVICES.listForms,
          {
            yhjslx: ROLE[side],
            xsfnsrsbh: options.sellerTaxId,
            lrfsf: filter.initiator ? ROLE[filter.initiator] : "",
            lrrqq: filter.from,
            lrrqz: filter.to,
            lzfphm: filter.originalNumber ?? "",
            hzqrxxztDm: filter.state ?? "",
            pageNumber: "1",
            pageSize: "50",
          },
          callOptions,
        ),
      confirmForm: answerForm(QRLX.confirm),
      refuseForm: answerForm(QRLX.refuse),
      cancelForm: answerForm(QRLX.cancel),
      issueRed: issue,
    },
    useConfirmation: {
      async listReceived(filter, callOptions) {
        if (filter.useStatus === "unconfirmed") return unconfirmedUnsupported();
        const nlbm = options.abilities?.deduct ?? LEQI_RECEIVE_ABILITIES.deduct;
        const plain = { gfsbh: filter.buyerTaxId, cxym: 1 };
        const answer = await call(
          prepareLeqiRequest({ ...credentials, nlbm }, LEQI_USE_SERVICES.current, plain),
          callOptions,
        );
        if (isUnknown(answer)) return answer;
        const listed = leqiCurrentAnswer(key, answer);
        if (listed.status !== "ok" || !filter.useStatus) return listed;
        return { ...listed, value: listed.value.filter((r) => r.useStatus === filter.useStatus) };
      },
      confirmUse: (_period, items, callOptions) => useCall("confirm", items, callOptions),
      cancelUse: (_period, items, callOptions) => useCall("cancel", items, callOptions),
    },
    verification: {
      async verify(query, callOptions) {
        const abilities = { ...LEQI_RECEIVE_ABILITIES, ...options.abilities };
        const ask = (nlbm: string, fwbm: string, plain: unknown) =>
          call(prepareLeqiRequest({ ...credentials, nlbm }, fwbm, plain), callOptions);
        // fplx is required and a wrong one finds nothing: without a kind, ask as 普票, then as 专票 — unless
        // a check code says 普票 (专票 are checked by amount, 普票 by check code: FPCY_NEW 1.2.2).
        let verified: CallOutcome<VerifyResult> | undefined;
        let asked = query;
        const kinds = query.kind
          ? [query.kind]
          : query.checkCode
            ? ["general" as const]
            : (["general", "special"] as const);
        for (const kind of kinds) {
          const body = leqiVerifyBody({ ...query, kind }, options.sellerTaxId);
          const found = await ask(abilities.verify, LEQI_RECEIVE_SERVICES.verify, body);
          if (isUnknown(found)) return found;
          verified = leqiVerifyAnswer(key, found);
          if (verified.status !== "ok" || verified.value.found) {
            asked = { ...query, kind };
            break;
          }
        }
        if (!verified || verified.status !== "ok" || !verified.value.found) return verified!;
        // FPCY_NEW's 数电 face says nothing of red invoices or voiding: FPZTXXCX does.
        const status = await ask(abilities.collect, LEQI_RECEIVE_SERVICES.status, leqiStatusBody(asked));
        if (isUnknown(status)) return status;
        const state = leqiStatusAnswer(key, status);
        if (state.status !== "ok") return state;
        return { ...verified, value: { ...verified.value, ...state.value } };
      },
    },
  };
}
