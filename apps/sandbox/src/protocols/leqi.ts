/**
 * 乐企 as the sandbox speaks it: `POST /access/v2/invoke/{nlbm}/{fwbm}` with the routing headers (fwbm,
 * jrdwptbh, sydwptbh, nlbm, …) and a body of base64 SM4-ECB ciphertext under the unit's key; answers are
 * `{ Response: { Data } }` encrypted the same way, or `{ Response: { Error } }` in clear — built and read
 * with the adapter's own code. Invoice numbers are pre-assigned in batches (QDFPPLFM) and an invoice is
 * uploaded under one (QDFPSC); its result is asked for by the 受理流水号 (CXQDFPSCJG).
 */
import {
  buildLeqiAnswer,
  buildLeqiError,
  fromLeqiInvoice,
  LEQI_SERVICES,
  QRLX,
  ROLE,
  SCZT,
  sm4Decrypt,
} from "@efapiao/leqi";
import { decimalText, present } from "@efapiao/provider-utils";
import { shanghaiDateTime } from "../clock.js";
import type { FormLine, FormRecord, InvoiceRecord, Refusal } from "../platform.js";
import { handleLeqiReceive, LEQI_RECEIVE_NLBM } from "./leqi-receive.js";
import { issueWithFaults, json, type ProtocolContext, type WireAnswer, type WireRequest } from "../wire.js";

export const LEQI_PATH = "/access/v2/invoke/:nlbm/:fwbm";

type Body = Record<string, unknown>;

/** One invoice of an upload: its number, and why it failed when it did. */
interface UploadItem {
  fphm: string;
  failure?: string;
}

const MAX_BATCH = 5000;

/** Handles one 乐企 call. */
export function handleLeqi(request: WireRequest, ctx: ProtocolContext): WireAnswer {
  const [, , , , nlbm = "", fwbm = ""] = request.path.split("/");
  const requestId = request.headers["x-request-id"] ?? "";
  const account = ctx.credentials.leqi.get(request.headers.jrdwptbh ?? "");
  if (!account) return json(buildLeqiError("1001", "接入单位平台编号不存在或未授权", requestId));
  if ((nlbm !== account.nlbm && !LEQI_RECEIVE_NLBM.has(nlbm)) || (request.headers.fwbm ?? fwbm) !== fwbm) {
    return json(buildLeqiError("1002", "能力编码或服务编码与请求头不一致", requestId));
  }
  const plain = sm4Decrypt(account.sm4Key, request.body);
  if (!plain.ok) return json(buildLeqiError("1003", `报文解密失败：${plain.reason}`, requestId));
  let body: unknown;
  try {
    body = JSON.parse(plain.text);
  } catch {
    return json(buildLeqiError("1004", "报文解密后不是有效的JSON", requestId));
  }
  const answer = (data: unknown) => json(buildLeqiAnswer(account.sm4Key, data, requestId));
  const fail = (code: string, msg: string) => answer({ code, msg });
  switch (fwbm) {
    case LEQI_SERVICES.numbers:
      return numbers(body as Body, ctx, answer, fail);
    case LEQI_SERVICES.issue:
      return upload(body, ctx, answer, fail);
    case LEQI_SERVICES.issueResult:
      return uploadResult(body as Body, ctx, answer, fail);
    case LEQI_SERVICES.applyForm:
      return applyForm(body as Body, ctx, answer, fail);
    case LEQI_SERVICES.listForms:
      return listForms(body as Body, ctx, answer);
    case LEQI_SERVICES.formDetail:
      return formDetail(body as Body, ctx, answer, fail);
    case LEQI_SERVICES.confirmForm:
      return confirmForm(body as Body, ctx, answer, fail);
    default:
      return (
        handleLeqiReceive(fwbm, body as Body, ctx, answer) ??
        json(buildLeqiError("1005", `不支持的服务编码 ${fwbm}`, requestId))
      );
  }
}

type Answer = (data: unknown) => WireAnswer;
type Fail = (code: string, msg: string) => WireAnswer;

/** QDFPPLFM: a batch of `lysl` consecutive numbers; the same 业务流水号 answers the same batch. */
function numbers(body: Body, ctx: ProtocolContext, answer: Answer, fail: Fail): WireAnswer {
  const nsrsbh = present(body.nsrsbh) ?? present(body.xsfnsrsbh);
  const count = Number(decimalText(body.lysl) ?? "NaN");
  const ywlsh = present(body.ywlsh);
  if (!nsrsbh || !ywlsh) return fail("3003", "纳税人识别号 nsrsbh 和业务流水号 ywlsh 为必填项");
  if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH) {
    return fail("3003", `领用数量 lysl 必须为 1~${MAX_BATCH} 的正整数`);
  }
  let batch = ctx.platform.recall<{ fpqshm: string; fpzzhm: string; lysl: number }>("leqi-batch", ywlsh);
  if (!batch) {
    const list = ctx.platform.reserveNumbers(nsrsbh, count);
    batch = { fpqshm: list[0]!, fpzzhm: list[list.length - 1]!, lysl: count };
    ctx.platform.remember("leqi-batch", ywlsh, batch);
  }
  return answer(batch);
}

/**
 * QDFPSC: accepts the upload under a new 受理流水号 and issues each invoice under its pre-assigned number.
 * A number uploaded before answers the 受理流水号 of that first upload, so the client reads its result.
 */
function upload(body: unknown, ctx: ProtocolContext, answer: Answer, fail: Fail): WireAnswer {
  const records = (Array.isArray(body) ? body : [body]) as Body[];
  if (records.length === 0) return fail("3003", "上传的发票列表为空");
  const sllsh = ctx.platform.newRef();
  const items: UploadItem[] = [];
  let result: WireAnswer | undefined;
  for (const record of records) {
    const fphm = present(record.fphm) ?? "";
    const read = fromLeqiInvoice(record);
    if (!read.ok) {
      items.push({ fphm, failure: read.diagnostics.map((d) => d.message).join("；") });
      continue;
    }
    const { invoice, red } = read.value;
    result = issueWithFaults(
      ctx,
      {
        provider: "leqi",
        requestKey: fphm,
        number: fphm,
        sellerTaxId: invoice.seller.taxId,
        invoice,
        ref: sllsh,
        ...(red ? { red } : {}),
      },
      {
        issued: () => {
          items.push({ fphm });
          return answer({ sllsh });
        },
        duplicate: (first: InvoiceRecord) => {
          // Issued just now under a `duplicate` fault: it is this upload's all the same.
          if (first.ref === sllsh) items.push({ fphm });
          return answer({ sllsh: first.ref });
        },
        refused: (refusal: Refusal) => {
          items.push({ fphm, failure: refusal.diagnostics.map((d) => d.message).join("；") });
          return answer({ sllsh });
        },
      },
      false,
    );
  }
  if (items.length > 0) ctx.platform.remember("leqi-upload", sllsh, items);
  // A batch answers with its one 受理流水号; a single duplicate answers the first upload's.
  return records.length === 1 && result ? result : answer({ sllsh });
}

/** CXQDFPSCJG: each invoice of an upload, 0 处理中 / 1 成功 / 2 失败. */
function uploadResult(body: Body, ctx: ProtocolContext, answer: Answer, fail: Fail): WireAnswer {
  const sllsh = present(body.sllsh) ?? "";
  const items = ctx.platform.recall<UploadItem[]>("leqi-upload", sllsh);
  if (!items) return fail("3003", `受理流水号 ${sllsh} 不存在`);
  return answer(
    items.map((item) => {
      if (item.failure !== undefined) return { fphm: item.fphm, sczt: SCZT.failed, sbyy: item.failure };
      const record = ctx.platform.findByNumber(item.fphm);
      if (!record || ctx.platform.observe(record) === "pending")
        return { fphm: item.fphm, sczt: SCZT.pending };
      return { fphm: item.fphm, sczt: SCZT.issued, kprq: shanghaiDateTime(Date.parse(record.issuedAt)) };
    }),
  );
}

// ------------------------------------------------------------------ red-letter forms

const INITIATOR: Readonly<Record<string, "seller" | "buyer">> = {
  [ROLE.seller]: "seller",
  [ROLE.buyer]: "buyer",
};

function formRecordOf(form: FormRecord): Body {
  return {
    uuid: form.uuid,
    hzfpxxqrdbh: form.number,
    hzqrxxztDm: form.state,
    lrfsf: form.initiator === "buyer" ? ROLE.buyer : ROLE.seller,
    xsfnsrsbh: form.sellerTaxId,
    gmfnsrsbh: form.buyerTaxId,
    lzfphm: form.originalNumber,
    chyyDm: form.reason,
    hzcxje: form.amount,
    hzcxse: form.tax,
    lrrq: shanghaiDateTime(form.createdAt),
    hzfphm: form.redNumber ?? "",
  };
}

function refusal(fail: Fail, result: Refusal): WireAnswer {
  return fail("3003", result.diagnostics.map((d) => d.message).join("；"));
}

/** QDHZQRDSQ. 乐企's application carries no key of its own: each one raises a new form. */
function applyForm(body: Body, ctx: ProtocolContext, answer: Answer, fail: Fail): WireAnswer {
  const details = Array.isArray(body.hzqrdmxList) ? (body.hzqrdmxList as Body[]) : [];
  const lines: FormLine[] = details.map((d, i) => ({
    originalIndex: Number(d.lzmxxh ?? i + 1),
    itemName: present(d.hwhyslwfwmc) ?? "",
    code: present(d.sphfwssflhbbm) ?? "",
    amount: decimalText(d.je) ?? "0",
    taxRate: decimalText(d.sl1) ?? "0",
    tax: decimalText(d.se) ?? "0",
  }));
  const amount = decimalText(body.hzcxje);
  const tax = decimalText(body.hzcxse);
  const result = ctx.platform.applyForm({
    provider: "leqi",
    requestKey: ctx.platform.newRef(),
    initiator: INITIATOR[present(body.lrfsf) ?? ""] ?? "seller",
    originalNumber: present(body.lzfphm) ?? "",
    reason: present(body.chyyDm) ?? "01",
    lines,
    ...(amount !== undefined && tax !== undefined ? { amount, tax } : {}),
  });
  if (result.kind === "refused") return refusal(fail, result);
  return answer(formRecordOf(result.form));
}

/** CXQDHZQRDLB: forms raised between lrrqq and lrrqz, for the seller or the buyer. */
function listForms(body: Body, ctx: ProtocolContext, answer: Answer): WireAnswer {
  const filter = {
    taxId: present(body.xsfnsrsbh) ?? present(body.gmfnsrsbh),
    from: present(body.lrrqq)?.slice(0, 10),
    to: present(body.lrrqz)?.slice(0, 10),
    originalNumber: present(body.lzfphm),
    state: present(body.hzqrxxztDm),
  };
  const initiator = INITIATOR[present(body.lrfsf) ?? ""];
  const forms = ctx.platform.listForms(filter).filter((f) => !initiator || f.initiator === initiator);
  return answer({ total: forms.length, list: forms.map(formRecordOf) });
}

/** CXQDHZQRDMX: one form by UUID or number. */
function formDetail(body: Body, ctx: ProtocolContext, answer: Answer, fail: Fail): WireAnswer {
  const uuid = present(body.uuid);
  const number = present(body.hzfpxxqrdbh) ?? present(body.hzqrdbh);
  const form = ctx.platform.findForm({
    ...(uuid ? { formUuid: uuid } : {}),
    ...(number ? { formNumber: number } : {}),
  });
  if (!form) return fail("3003", "红字确认单不存在");
  return answer(formRecordOf(form));
}

const ACTIONS: Readonly<Record<string, "confirm" | "refuse" | "cancel">> = {
  [QRLX.confirm]: "confirm",
  [QRLX.refuse]: "refuse",
  [QRLX.cancel]: "cancel",
};

/** QDHZQRDQR: qrlx Y 同意, N 不同意, C 撤销. */
function confirmForm(body: Body, ctx: ProtocolContext, answer: Answer, fail: Fail): WireAnswer {
  const action = ACTIONS[present(body.qrlx) ?? ""];
  if (!action) return fail("3003", `确认类型 qrlx 应为 Y、N 或 C：${String(body.qrlx)}`);
  const uuid = present(body.uuid);
  const number = present(body.hzqrdbh);
  const result = ctx.platform.answerForm(
    { ...(uuid ? { formUuid: uuid } : {}), ...(number ? { formNumber: number } : {}) },
    action,
  );
  if (result.kind === "refused") return refusal(fail, result);
  return answer({ ...formRecordOf(result.form), qrrq: shanghaiDateTime(ctx.platform.now()) });
}
