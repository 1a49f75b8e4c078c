/**
 * The buyer's side of 百望 as the sandbox speaks it (after the gateway's checks in baiwang.ts): 查验
 * (baiwang.input.compliance.validate) and 用途确认 (invoice.queryinvoicepool, deduction.apply / cancel /
 * applyorcancelnon), in the names the adapter uses (see @efapiao/baiwang verify.ts and use.ts).
 */
import {
  BAIWANG_USE_METHODS,
  BAIWANG_VERIFY_FIELDS,
  BAIWANG_VERIFY_METHOD,
  NON_DEDUCT_OPERATION,
} from "@efapiao/baiwang";
import { USE_STATUS_CODE, USE_STATUS_OF_CODE } from "@efapiao/provider-utils";
import { text } from "../decode.js";
import type { UseStatus } from "../platform.js";
import { json, type ProtocolContext, type WireAnswer } from "../wire.js";
import { periodOf, providerRecord, setUseCode, stateCode } from "./receive-common.js";

type Body = Record<string, unknown>;

const success = (method: string, response: unknown) => json({ method, success: true, response });

/** Answers a buyer's-side method, or undefined when `method` is not one. */
export function handleBaiwangReceive(
  method: string,
  body: Body,
  ctx: ProtocolContext,
): WireAnswer | undefined {
  const data = (body.data ?? {}) as Body;
  switch (method) {
    case BAIWANG_VERIFY_METHOD: {
      const found = ctx.platform.verify(text(body.invoiceNumber) ?? "", text(body.billingDate));
      if (!found) return success(method, { checkResult: "查无此票" });
      const record = providerRecord(found.fields, BAIWANG_VERIFY_FIELDS, (day) => day);
      return success(method, { checkResult: "一致", state: stateCode(found), ...record });
    }
    case BAIWANG_USE_METHODS.list: {
      const status = USE_STATUS_OF_CODE[text(data.deductionStatus) ?? ""];
      const records = ctx.platform.received(
        text(data.purchaserTaxNo) ?? "",
        periodOf(text(data.taxPeriod) ?? ""),
        status,
      );
      return success(
        method,
        records.map((r) => ({
          invoiceNumber: r.number,
          billingDate: r.invoice.issueDate,
          sellerTaxNo: r.sellerTaxId,
          sellerName: r.invoice.seller.name,
          amountWithoutTax: r.invoice.totals.amount,
          taxAmount: r.invoice.totals.tax,
          deductionStatus: USE_STATUS_CODE[r.useStatus],
        })),
      );
    }
    case BAIWANG_USE_METHODS.deduct:
      return use(method, body, ctx, "deduct");
    case BAIWANG_USE_METHODS.cancelDeduct:
      return use(method, body, ctx, "unconfirmed");
    case BAIWANG_USE_METHODS.noDeduct:
      return use(
        method,
        body,
        ctx,
        text(data.operationType) === NON_DEDUCT_OPERATION.apply ? "no-deduct" : "unconfirmed",
      );
    default:
      return undefined;
  }
}

function use(method: string, body: Body, ctx: ProtocolContext, to: UseStatus): WireAnswer {
  const data = (body.data ?? {}) as Body;
  const period = periodOf(text(data.taxPeriod) ?? "");
  const buyer = text(body.taxNo) ?? "";
  const list = Array.isArray(data.invoiceList) ? (data.invoiceList as Body[]) : [];
  return success(
    method,
    list.map((item) => {
      const number = text(item.invoiceNumber) ?? "";
      const done = setUseCode(ctx.platform.setUse(buyer, period, number, to));
      return {
        invoiceNumber: number,
        resultCode: done.code,
        ...(done.message ? { resultMessage: done.message } : {}),
      };
    }),
  );
}
