/**
 * The buyer's side of Nuonuo as the sandbox speaks it (after the gateway's checks in nuonuo.ts): 查验
 * (nuonuo.electronInvoice.invoiceInspection) and 用途确认 (queryInputInvoice, checkInputInvoice), in the
 * names the adapter uses (see @efapiao/nuonuo verify.ts and use.ts for their sources and their limits).
 */
import { NUONUO_USE_SERVICES, NUONUO_VERIFY_FIELDS, NUONUO_VERIFY_SERVICE } from "@efapiao/nuonuo";
import { USE_STATUS_CODE, USE_STATUS_OF_CODE } from "@efapiao/provider-utils";
import { text } from "../decode.js";
import type { UseStatus } from "../platform.js";
import { json, type ProtocolContext, type WireAnswer } from "../wire.js";
import { periodOf, providerRecord, setUseCode, stateCode } from "./receive-common.js";

type Body = Record<string, unknown>;

/** checkType (the bureau's gxlxDm) → the use the platform records. */
const USE_OF_CHECK: Readonly<Record<string, UseStatus>> = {
  "01": "deduct",
  "02": "unconfirmed",
  "03": "no-deduct",
  "04": "unconfirmed",
};

/** Answers a buyer's-side service, or undefined when `service` is not one. */
export function handleNuonuoReceive(
  service: string,
  body: Body,
  ctx: ProtocolContext,
): WireAnswer | undefined {
  switch (service) {
    case NUONUO_VERIFY_SERVICE:
      return inspect(body, ctx);
    case NUONUO_USE_SERVICES.list:
      return list(body, ctx);
    case NUONUO_USE_SERVICES.check:
      return check(body, ctx);
    default:
      return undefined;
  }
}

function inspect(body: Body, ctx: ProtocolContext): WireAnswer {
  const found = ctx.platform.verify(text(body.invoiceNo) ?? "", text(body.invoiceDate));
  if (!found) return json({ code: "E0000", describe: "查无此票", result: null });
  const record = providerRecord(found.fields, NUONUO_VERIFY_FIELDS, (day) => day);
  return json({
    code: "E0000",
    describe: "查验成功",
    result: { ...record, invoiceStatus: stateCode(found) },
  });
}

function list(body: Body, ctx: ProtocolContext): WireAnswer {
  const status = USE_STATUS_OF_CODE[text(body.useStatus) ?? ""];
  const records = ctx.platform.received(
    text(body.taxnum) ?? "",
    periodOf(text(body.taxPeriod) ?? ""),
    status,
  );
  return json({
    code: "E0000",
    describe: "获取成功",
    result: records.map((r) => ({
      invoiceNo: r.number,
      invoiceDate: r.invoice.issueDate,
      salerTaxNum: r.sellerTaxId,
      salerName: r.invoice.seller.name,
      exTaxAmount: r.invoice.totals.amount,
      taxAmount: r.invoice.totals.tax,
      useStatus: USE_STATUS_CODE[r.useStatus],
    })),
  });
}

function check(body: Body, ctx: ProtocolContext): WireAnswer {
  const buyer = text(body.taxnum) ?? "";
  const period = periodOf(text(body.taxPeriod) ?? "");
  const invoices = Array.isArray(body.invoices) ? (body.invoices as Body[]) : [];
  return json({
    code: "E0000",
    describe: "处理完成",
    result: invoices.map((item) => {
      const number = text(item.invoiceNo) ?? "";
      const use = USE_OF_CHECK[text(item.checkType) ?? ""];
      const done = use
        ? setUseCode(ctx.platform.setUse(buyer, period, number, use))
        : { code: "03", message: "checkType 无效" };
      return {
        invoiceNo: number,
        resultCode: done.code,
        ...(done.message ? { resultMsg: done.message } : {}),
      };
    }),
  });
}
