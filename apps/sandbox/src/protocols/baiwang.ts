/**
 * 百望 (Baiwang) as the sandbox speaks it: `POST /router/rest?method=…&appKey=…&token=…&timestamp=…&sign=…`
 * with a JSON body, `sign` the upper-case MD5 over the sorted parameters and the body (providers.md),
 * checked with the adapter's own code. Issuing is synchronous; the red-letter form calls are
 * redinvoice.add / formlist / operate. Errors come as `{ success: false, errorResponse: { code, … } }`,
 * 100007 for a bad signature.
 */
import {
  BAIWANG_METHODS,
  CONFIRM_TYPE,
  ENTRY_IDENTITY,
  fromBaiwangInvoice,
  verifyBaiwangSignature,
} from "@efapiao/baiwang";
import { decimalText, present } from "@efapiao/provider-utils";
import { shanghaiDate, shanghaiDateTime } from "../clock.js";
import { shortNameOf } from "../decode.js";
import type { FormLine, FormRecord, InvoiceRecord, IssueResult } from "../platform.js";
import { handleBaiwangReceive } from "./baiwang-receive.js";
import { issueWithFaults, json, type ProtocolContext, type WireAnswer, type WireRequest } from "../wire.js";

export const BAIWANG_PATH = "/router/rest";

type Body = Record<string, unknown>;

function failure(method: string, code: string, message: string, subCode = "", subMessage = ""): WireAnswer {
  return json({ method, success: false, errorResponse: { code, message, subCode, subMessage } });
}

function success(method: string, response: unknown): WireAnswer {
  return json({ method, success: true, response });
}

/** Handles one Baiwang call. */
export function handleBaiwang(request: WireRequest, ctx: ProtocolContext): WireAnswer {
  const method = request.query.method ?? "";
  if (method === BAIWANG_METHODS.token) return token(request, ctx);
  const account = ctx.credentials.baiwang.get(request.query.appKey ?? "");
  if (!account) return failure(method, "100002", "appKey不存在");
  if ((request.query.token ?? "") !== account.token) return failure(method, "100004", "token无效或已过期");
  const { sign = "", ...params } = request.query;
  if (!verifyBaiwangSignature(account.appSecret, params, request.body, sign)) {
    return failure(method, "100007", "签名错误");
  }
  let body: Body;
  try {
    body = JSON.parse(request.body) as Body;
  } catch {
    return failure(method, "100011", "请求报文不是有效的JSON");
  }
  switch (method) {
    case BAIWANG_METHODS.issue:
      return issue(method, body, ctx);
    case BAIWANG_METHODS.query:
      return query(method, body, ctx);
    case BAIWANG_METHODS.add:
      return addForm(method, body, ctx);
    case BAIWANG_METHODS.list:
      return listForms(method, body, ctx);
    case BAIWANG_METHODS.operate:
      return operate(method, body, ctx);
    default:
      return handleBaiwangReceive(method, body, ctx) ?? failure(method, "100001", `不支持的方法 ${method}`);
  }
}

/**
 * baiwang.oauth.token, the password grant: the client's secret comes with it, so an account unknown so far
 * is registered here (any credentials are accepted) and gets a token; a known appKey must give its secret.
 */
function token(request: WireRequest, ctx: ProtocolContext): WireAnswer {
  const appKey = request.query.client_id ?? "";
  const secret = request.query.client_secret ?? "";
  if (!appKey || !secret || !request.query.username) {
    return failure(BAIWANG_METHODS.token, "100005", "缺少 client_id、client_secret 或 username");
  }
  let account = ctx.credentials.baiwang.get(appKey);
  if (account && account.appSecret !== secret)
    return failure(BAIWANG_METHODS.token, "100006", "client_secret错误");
  if (!account) {
    account = { appKey, appSecret: secret, token: `sandbox-${ctx.platform.newRef()}` };
    ctx.credentials.add("baiwang", account);
  }
  return success(BAIWANG_METHODS.token, {
    access_token: account.token,
    expires_in: 28_800,
    token_type: "bearer",
  });
}

function issue(method: string, body: Body, ctx: ProtocolContext): WireAnswer {
  const taxNo = present(body.taxNo) ?? "";
  const sellerName = ctx.sellerName(taxNo);
  const read = fromBaiwangInvoice(body, {
    shortNameOf,
    issueDate: shanghaiDate(ctx.platform.now()),
    ...(sellerName ? { sellerName } : {}),
  });
  const serialNo = present((body.data as Body | undefined)?.serialNo) ?? "";
  const fail = (errorCode: string, errorMessage: string) =>
    success(method, { success: [], fail: [{ serialNo, errorCode, errorMessage }] });
  if (!read.ok) return fail("70001", read.diagnostics.map((d) => d.message).join("；"));
  if (!serialNo) return fail("70002", "开票流水号不能为空");
  const { invoice, red } = read.value;
  return issueWithFaults(
    ctx,
    {
      provider: "baiwang",
      requestKey: serialNo,
      sellerTaxId: taxNo,
      invoice,
      async: false,
      ...(red ? { red } : {}),
    },
    {
      issued: (record) => success(method, { success: [issuedRecord(record)], fail: [] }),
      duplicate: () => fail("70010", `开票流水号重复：${serialNo}`),
      refused: (result: Extract<IssueResult, { kind: "refused" }>) =>
        fail(
          result.code === "invalid" ? "70001" : "70003",
          result.diagnostics.map((d) => d.message).join("；"),
        ),
    },
    false,
  );
}

function issuedRecord(record: InvoiceRecord): Body {
  const { invoice } = record;
  const at = shanghaiDateTime(Date.parse(record.issuedAt)).replace(/\D/g, "");
  return {
    serialNo: record.requestKey,
    invoiceNo: record.number,
    invoiceDate: at,
    invoiceTypeCode: invoice.kindCode,
    invoiceTotalPrice: Number(invoice.totals.amount),
    invoiceTotalTax: Number(invoice.totals.tax),
    invoiceTotalPriceTax: Number(invoice.totals.total),
    invoiceQrCode: `01,${invoice.kindCode === "01" ? "31" : "32"},,${record.number},${invoice.totals.amount},${invoice.issueDate.replaceAll("-", "")},,`,
    eInvoiceUrl: `sandbox://baiwang/${record.number}.pdf`,
    ofdUrl: `sandbox://baiwang/${record.number}.ofd`,
    invoiceDetailsList: invoice.lines.map((line) => ({ goodsLineNo: line.index, goodsName: line.itemName })),
  };
}

function query(method: string, body: Body, ctx: ProtocolContext): WireAnswer {
  const taxNo = present(body.taxNo) ?? "";
  const data = (body.data ?? {}) as Body;
  const serialNo = present(data.serialNo);
  const number = present(data.invoiceNo);
  const found = serialNo
    ? ctx.platform.find("baiwang", taxNo, serialNo)
    : number
      ? ctx.platform.findByNumber(number)
      : undefined;
  const visible = found && found.sellerTaxId === taxNo ? [issuedRecord(found)] : [];
  return success(method, visible);
}

// ------------------------------------------------------------------ red-letter forms

const INITIATOR_OF_ENTRY: Readonly<Record<string, "seller" | "buyer">> = {
  [ENTRY_IDENTITY.seller]: "seller",
  [ENTRY_IDENTITY.buyer]: "buyer",
};

function formRecordOf(form: FormRecord): Body {
  return {
    redConfirmUuid: form.uuid,
    redConfirmNo: form.number,
    confirmState: form.state,
    redConfirmSerialNo: form.provider === "baiwang" ? form.requestKey : "",
    entryIdentity: form.initiator === "buyer" ? ENTRY_IDENTITY.buyer : ENTRY_IDENTITY.seller,
    originalInvoiceNo: form.originalNumber,
    redInvoiceLabel: form.reason,
    invoiceTotalPrice: Number(form.amount),
    invoiceTotalTax: Number(form.tax),
    sellerTaxNo: form.sellerTaxId,
    buyerTaxNo: form.buyerTaxId,
    confirmBillingDate: shanghaiDateTime(form.createdAt),
    invoiceNo: form.redNumber ?? "",
  };
}

function refusedForm(method: string, result: Extract<IssueResult, { kind: "refused" }>): WireAnswer {
  const code =
    { "over-reversal": "80003", "not-found": "80002", state: "80004" }[result.code as string] ?? "80001";
  return failure(method, code, result.diagnostics.map((d) => d.message).join("；"));
}

function addForm(method: string, body: Body, ctx: ProtocolContext): WireAnswer {
  const key = present(body.redConfirmSerialNo);
  if (!key) return failure(method, "80001", "红字确认单流水号 redConfirmSerialNo 不能为空");
  const details = Array.isArray(body.redConfirmDetailReqEntityList)
    ? (body.redConfirmDetailReqEntityList as Body[])
    : [];
  const lines: FormLine[] = details.map((d, i) => ({
    originalIndex: Number(d.originalInvoiceDetailNo ?? i + 1),
    itemName: present(d.goodsName) ?? "",
    code: present(d.goodsCode) ?? "",
    amount: decimalText(d.goodsTotalPrice) ?? "0",
    taxRate: decimalText(d.goodsTaxRate) ?? "0",
    tax: decimalText(d.goodsTotalTax) ?? "0",
  }));
  const amount = decimalText(body.invoiceTotalPrice);
  const tax = decimalText(body.invoiceTotalTax);
  const result = ctx.platform.applyForm({
    provider: "baiwang",
    requestKey: key,
    initiator: INITIATOR_OF_ENTRY[present(body.entryIdentity) ?? ""] ?? "seller",
    originalNumber: present(body.originalInvoiceNo) ?? "",
    reason: present(body.redInvoiceLabel) ?? "01",
    lines,
    ...(amount !== undefined && tax !== undefined ? { amount, tax } : {}),
  });
  if (result.kind === "refused") return refusedForm(method, result);
  if (result.kind !== "ok" && result.kind !== "duplicate") return failure(method, "80001", "申请失败");
  // The same application key answers the form raised under it.
  return success(method, [formRecordOf(result.form)]);
}

function listForms(method: string, body: Body, ctx: ProtocolContext): WireAnswer {
  const filter = {
    taxId: present(body.taxNo) ?? "",
    from: present(body.invoiceStartDate)?.slice(0, 10),
    to: present(body.invoiceEndDate)?.slice(0, 10),
    originalNumber: present(body.originalInvoiceNo),
    state: present(body.confirmState),
  };
  const entry = present(body.entryIdentity);
  const forms = ctx.platform
    .listForms(filter)
    .filter((f) => entry === undefined || INITIATOR_OF_ENTRY[entry] === f.initiator);
  return success(method, forms.map(formRecordOf));
}

const ACTION_OF_CONFIRM_TYPE: Readonly<Record<string, "confirm" | "refuse" | "cancel">> = {
  [CONFIRM_TYPE.confirm]: "confirm",
  [CONFIRM_TYPE.refuse]: "refuse",
  [CONFIRM_TYPE.cancel]: "cancel",
};

function operate(method: string, body: Body, ctx: ProtocolContext): WireAnswer {
  const action = ACTION_OF_CONFIRM_TYPE[present(body.confirmType) ?? ""];
  if (!action) return failure(method, "80005", `确认类型 confirmType 不正确：${String(body.confirmType)}`);
  const uuid = present(body.redConfirmUuid);
  const number = present(body.redConfirmNo);
  const result = ctx.platform.answerForm(
    { ...(uuid ? { formUuid: uuid } : {}), ...(number ? { formNumber: number } : {}) },
    action,
  );
  if (result.kind === "refused") return refusedForm(method, result);
  if (result.kind !== "ok") return failure(method, "80001", "操作失败");
  return success(method, [formRecordOf(result.form)]);
}
