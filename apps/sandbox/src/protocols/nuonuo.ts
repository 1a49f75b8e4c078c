/**
 * 诺诺 (Nuonuo) as the sandbox speaks it: `POST /open/v1/services?appkey=…&senid=…&nonce=…&timestamp=…`
 * with the service in the `method` header, signed in `X-Nuonuo-Sign` (HMAC-SHA1 over the parameters and
 * the exact body, providers.md), `accessToken` and `userTax` headers. Issuing is asynchronous:
 * requestBillingNew answers an invoiceSerialNum, queryInvoiceResult answers status 20 (开票中) and then 2
 * (开票完成) — or 24 (签章失败) until reInvoice re-seals it.
 */
import {
  DUPLICATE_ORDER,
  fromNuonuoOrder,
  INVOICE_TYPE,
  RED_REASON_FROM_NUONUO,
  RED_REASON_TO_NUONUO,
  verifyNuonuoSignature,
} from "@efapiao/nuonuo";
import { present } from "@efapiao/provider-utils";
import { shanghaiDateTime } from "../clock.js";
import { BadField, shortNameOf, text } from "../decode.js";
import Decimal from "decimal.js";
import type { FormApplication, FormLine, FormRecord, InvoiceRecord, IssueResult } from "../platform.js";
import { handleNuonuoReceive } from "./nuonuo-receive.js";
import { issueWithFaults, json, type ProtocolContext, type WireAnswer, type WireRequest } from "../wire.js";

export const NUONUO_PATH = "/open/v1/services";

/** Nuonuo's answers for the gateway's own checks (credential family 0701xx / 0703xx). */
const GATEWAY = {
  unknownApp: { code: "070101", describe: "appKey无效或获取密钥失败" },
  badToken: { code: "070304", describe: "accessToken无效" },
  badSign: { code: "070305", describe: "签名校验失败" },
} as const;

/** Handles one Nuonuo call. */
export function handleNuonuo(request: WireRequest, ctx: ProtocolContext): WireAnswer {
  const appKey = request.query.appkey ?? request.query.appKey ?? "";
  const account = ctx.credentials.nuonuo.get(appKey);
  if (!account) return json(GATEWAY.unknownApp);
  if (request.headers.accesstoken !== account.accessToken) return json(GATEWAY.badToken);
  const parts = {
    appKey,
    senid: request.query.senid ?? "",
    nonce: request.query.nonce ?? "",
    timestamp: request.query.timestamp ?? "",
    body: request.body,
  };
  if (!verifyNuonuoSignature(account.appSecret, parts, request.headers["x-nuonuo-sign"] ?? "")) {
    return json(GATEWAY.badSign);
  }

  let body: Record<string, unknown>;
  try {
    body = JSON.parse(request.body) as Record<string, unknown>;
  } catch {
    return json({ code: "E4000", describe: "接口调用失败：请求报文不是有效的JSON" });
  }
  const userTax = request.headers.usertax ?? "";
  const service = request.headers.method ?? request.query.method ?? "";
  try {
    switch (service) {
      case "nuonuo.OpeMplatform.requestBillingNew":
        return requestBilling(body, userTax, ctx);
      case "nuonuo.OpeMplatform.queryInvoiceResult":
        return queryResult(body, userTax, ctx);
      case "nuonuo.OpeMplatform.reInvoice":
        return reInvoice(body, userTax, ctx);
      case "nuonuo.OpeMplatform.saveInvoiceRedConfirm":
        return saveRedForm(body, ctx);
      case "nuonuo.OpeMplatform.queryInvoiceRedConfirm":
        return queryRedForms(body, userTax, ctx);
      case "nuonuo.OpeMplatform.confirm":
        return answerForm(body, text(body.confirmAgreement) === "0" ? "refuse" : "confirm", ctx);
      case "nuonuo.OpeMplatform.confirmInfoCancel":
        return answerForm(body, "cancel", ctx);
      default:
        return (
          handleNuonuoReceive(service, body, ctx) ??
          json({ code: "E4000", describe: `接口调用失败：未知的服务 ${service}` })
        );
    }
  } catch (error) {
    if (error instanceof BadField)
      return json({ code: "E4000", describe: `接口调用失败：${error.messageZh}` });
    throw error;
  }
}

function requestBilling(body: Record<string, unknown>, userTax: string, ctx: ProtocolContext): WireAnswer {
  const order = body.order as Record<string, unknown> | undefined;
  if (!order || typeof order !== "object")
    return json({ code: "E4000", describe: "接口调用失败：缺少 order" });
  const orderNo = present(order.orderNo);
  if (!orderNo) return json({ code: "E4000", describe: "接口调用失败：缺少订单编号 orderNo" });
  const salerTaxNum = present(order.salerTaxNum) ?? "";
  if (salerTaxNum !== userTax) return json({ code: "E9302", describe: "身份认证与当前企业税号不相符" });
  const type = present(order.invoiceType);
  if (type !== INVOICE_TYPE.blue && type !== INVOICE_TYPE.red) {
    return json({ code: "E9101", describe: "开票类型错误(1:正票 2:红票)" });
  }
  if (!Array.isArray(order.invoiceDetail) || order.invoiceDetail.length === 0) {
    return json({ code: "E9122", describe: "商品详情为空" });
  }
  const read = fromNuonuoOrder(order, { sellerName: ctx.sellerName(salerTaxNum), shortNameOf });
  if (!read.ok) return json({ code: "E4000", describe: `接口调用失败：${describe(read.diagnostics)}` });
  const { invoice, red } = read.value;
  return issueWithFaults(
    ctx,
    {
      provider: "nuonuo",
      requestKey: orderNo,
      sellerTaxId: salerTaxNum,
      invoice,
      ...(red ? { red } : {}),
    },
    {
      issued: (record) =>
        json({ code: "E0000", describe: "开票提交成功", result: { invoiceSerialNum: record.ref } }),
      duplicate: () => json({ code: DUPLICATE_ORDER, describe: "订单编号或流水号不能重复" }),
      refused: (result) =>
        result.code !== "invalid"
          ? redRefusal(result)
          : json({
              code: refusalCode(result.diagnostics.map((d) => d.rule)),
              describe: describe(result.diagnostics),
            }),
    },
  );
}

/**
 * Nuonuo's published code for the standard rule that refused the invoice (requestBillingNew's code list);
 * E4000 (a value is not right) for the rules Nuonuo has no code of its own for.
 */
const NUONUO_CODE_OF_RULE: Readonly<Record<string, string>> = {
  "FP-DS-01": "E9110",
  "FP-DS-02": "E9110",
  "FP-DS-03": "E9105",
  "FP-DS-05": "E9112",
  "FP-DS-07": "E9108",
  "FP-CO-01": "E9131",
};

function refusalCode(rules: string[]): string {
  return NUONUO_CODE_OF_RULE[rules[0] ?? ""] ?? "E4000";
}

function describe(diagnostics: { message: string; path: string }[]): string {
  return diagnostics.map((d) => `${d.message}${d.path ? `（${d.path}）` : ""}`).join("；");
}

function queryResult(body: Record<string, unknown>, userTax: string, ctx: ProtocolContext): WireAnswer {
  const serials = Array.isArray(body.serialNos) ? body.serialNos.map(String) : [];
  const orders = Array.isArray(body.orderNos) ? body.orderNos.map(String) : [];
  const records: InvoiceRecord[] = [];
  for (const serial of serials) {
    const r = ctx.platform.findByRef("nuonuo", serial);
    if (r && r.sellerTaxId === userTax) records.push(r);
  }
  for (const orderNo of orders) {
    const r = ctx.platform.find("nuonuo", userTax, orderNo);
    if (r && !records.includes(r)) records.push(r);
  }
  return json({ code: "E0000", describe: "获取成功", result: records.map((r) => resultOf(r, ctx)) });
}

function resultOf(record: InvoiceRecord, ctx: ProtocolContext): Record<string, unknown> {
  const seen = ctx.platform.observe(record);
  const base = { serialNo: record.ref, orderNo: record.requestKey };
  if (seen === "pending") return { ...base, status: "20", statusMsg: "开票中" };
  const { invoice } = record;
  const issued = {
    ...base,
    invoiceTime: Date.parse(record.issuedAt),
    invoiceDate: shanghaiDateTime(Date.parse(record.issuedAt)),
    invoiceCode: "",
    invoiceNo: record.number,
    allElectronicInvoiceNumber: record.number,
    exTaxAmount: invoice.totals.amount,
    taxAmount: invoice.totals.tax,
    orderAmount: invoice.totals.total,
    payerName: invoice.buyer.name,
    payerTaxNo: invoice.buyer.taxId ?? "",
    salerTaxNum: record.sellerTaxId,
    invoiceKind: invoice.kind === "special" ? "电子发票(增值税专用发票)" : "电子发票(普通发票)",
  };
  if (seen === "seal-failed")
    return { ...issued, status: "24", statusMsg: "开票成功签章失败", failCause: "签章失败" };
  return {
    ...issued,
    status: "2",
    statusMsg: "开票完成（最终状态）",
    failCause: "",
    pdfUrl: `sandbox://nuonuo/${record.number}.pdf`,
    ofdUrl: `sandbox://nuonuo/${record.number}.ofd`,
    qrCode: `01,${invoice.kindCode === "01" ? "31" : "32"},,${record.number},${invoice.totals.amount},${invoice.issueDate.replaceAll("-", "")},,`,
  };
}

const RESEAL_LIMIT = 20;

function reInvoice(body: Record<string, unknown>, userTax: string, ctx: ProtocolContext): WireAnswer {
  const serial = text(body.fpqqlsh) ?? "";
  const record =
    ctx.platform.findByRef("nuonuo", serial) ??
    ctx.platform.find("nuonuo", userTax, text(body.orderno) ?? "");
  if (!record || record.sellerTaxId !== userTax) return json({ code: "E9102", describe: "发票流水号不存在" });
  if (record.reseals >= RESEAL_LIMIT)
    return json({ code: "E9613", describe: "同一流水号(订单号)单日最多重试20次" });
  ctx.platform.reseal(record);
  return json({ code: "E0000", describe: "重新开票提交成功", result: { invoiceSerialNum: record.ref } });
}

/** Nuonuo's codes for the platform's refusals of red-letter calls (unlisted ones read as refusals). */
function redRefusal(result: Extract<IssueResult, { kind: "refused" }>): WireAnswer {
  const code =
    result.code === "over-reversal"
      ? "E9103"
      : result.code === "not-found"
        ? "E9102"
        : result.code === "invalid"
          ? "E4000"
          : "E9800";
  return json({ code, describe: describe(result.diagnostics) });
}

function saveRedForm(body: Record<string, unknown>, ctx: ProtocolContext): WireAnswer {
  const billId = text(body.billId);
  if (!billId) throw new BadField("billId", "缺少申请单号 billId", "billId is missing");
  const result = ctx.platform.applyForm({
    provider: "nuonuo",
    requestKey: billId,
    initiator: text(body.applySource) === "1" ? "buyer" : "seller",
    originalNumber: text(body.blueElecInvoiceNumber) ?? text(body.blueInvoiceNumber) ?? "",
    reason: RED_REASON_FROM_NUONUO[text(body.redReason) ?? ""] ?? "01",
    ...partOf(body.detail),
  });
  if (result.kind === "duplicate") return json({ code: "E9999", describe: "申请号重复" });
  if (result.kind === "refused") return redRefusal(result);
  if (result.kind !== "ok") return redRefusal({ kind: "refused", code: "state", diagnostics: [] });
  return json({ code: "E0000", describe: "调用成功", result: { billId, billNo: result.form.number } });
}

/**
 * A partial reversal's `detail` lines (negative amounts per blue line) and their totals; without `detail`
 * the form reverses all that remains of the blue invoice.
 */
function partOf(detail: unknown): Pick<FormApplication, "amount" | "tax" | "lines"> {
  if (!Array.isArray(detail) || detail.length === 0) return { lines: [] };
  const lines = detail.map((raw, i): FormLine => {
    const d = (raw ?? {}) as Record<string, unknown>;
    const money = (key: string) => {
      const value = text(d[key]);
      if (value === undefined || !/^-?\d+(\.\d{1,2})?$/.test(value))
        throw new BadField(
          `detail[${i}].${key}`,
          `明细 ${i + 1} 的 ${key} 不是金额`,
          `detail[${i}].${key} is not an amount`,
        );
      return new Decimal(value).toFixed(2);
    };
    return {
      originalIndex: Number(text(d.blueDetailIndex) ?? "0"),
      itemName: text(d.goodsName) ?? "",
      code: text(d.goodsCode) ?? "",
      ...(text(d.num) !== undefined && { quantity: text(d.num)! }),
      ...(text(d.taxExcludedPrice) !== undefined && { unitPrice: text(d.taxExcludedPrice)! }),
      amount: money("taxExcludedAmount"),
      taxRate: text(d.taxRate) ?? "",
      tax: money("taxAmount"),
    };
  });
  const sum = (key: "amount" | "tax") =>
    lines.reduce((total, l) => total.plus(l[key]), new Decimal(0)).toFixed(2);
  return { amount: sum("amount"), tax: sum("tax"), lines };
}

function queryRedForms(body: Record<string, unknown>, userTax: string, ctx: ProtocolContext): WireAnswer {
  const billId = text(body.billId);
  let forms: FormRecord[];
  if (billId) {
    const form = ctx.platform.findForm({ applicationKey: { provider: "nuonuo", key: billId } });
    forms = form ? [form] : [];
  } else {
    const filter = {
      taxId: userTax,
      from: present(body.billTimeStart)?.slice(0, 10),
      to: present(body.billTimeEnd)?.slice(0, 10),
      state: present(body.billStatus),
    };
    forms = ctx.platform.listForms(filter);
  }
  return json({
    code: "E0000",
    describe: "调用成功",
    result: { total: forms.length, list: forms.map((f) => formRecordOf(f)) },
  });
}

function formRecordOf(form: FormRecord): Record<string, unknown> {
  return {
    billId: form.provider === "nuonuo" ? form.requestKey : form.uuid,
    billNo: form.number,
    billUuid: form.uuid,
    billStatus: form.state,
    billMessage: "",
    applySource: form.initiator === "buyer" ? 1 : 0,
    billTime: shanghaiDateTime(form.createdAt),
    taxExcludedAmount: form.amount,
    taxAmount: form.tax,
    blueElecInvoiceNumber: form.originalNumber,
    redReason: RED_REASON_TO_NUONUO[form.reason as keyof typeof RED_REASON_TO_NUONUO] ?? "",
    invoiceSerialNum: null,
    redInvoiceNumber: form.redNumber ?? null,
  };
}

function answerForm(
  body: Record<string, unknown>,
  action: "confirm" | "refuse" | "cancel",
  ctx: ProtocolContext,
): WireAnswer {
  const billId = text(body.billId) ?? "";
  const result = ctx.platform.answerForm(
    { applicationKey: { provider: "nuonuo", key: billId }, formUuid: billId },
    action,
  );
  if (result.kind === "refused") return redRefusal(result);
  return json({
    code: "E0000",
    describe: "调用成功",
    result: { billId, billStatus: result.kind === "ok" ? result.form.state : "" },
  });
}
