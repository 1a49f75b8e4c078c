/**
 * 用途确认 answers share the bureau's codes whichever provider relays them: the use status of a received
 * invoice (乐企 hxyt: 1 已勾选抵扣, 6 已申请不抵扣; 0 here for not confirmed) and the per-invoice result
 * (乐企 cljg: 01 勾选（撤销）成功, any other code a refusal). These read them into the port's values.
 */
import type { ReceivedInvoice, UseConfirmationResult } from "@efapiao/provider";
import { field } from "./answer.js";
import { present } from "./canonical.js";
import { toMoney } from "./money.js";

/** The port's use status ⇄ the bureau's code. */
export const USE_STATUS_CODE: Readonly<Record<ReceivedInvoice["useStatus"], string>> = {
  unconfirmed: "0",
  deduct: "1",
  "no-deduct": "6",
};
export const USE_STATUS_OF_CODE: Readonly<Record<string, ReceivedInvoice["useStatus"]>> = {
  "0": "unconfirmed",
  "1": "deduct",
  "4": "no-deduct", // 已勾选不抵扣（历史数据）
  "6": "no-deduct",
};

/** The result code of an invoice whose use was set or cancelled. */
export const USE_DONE = "01";

/**
 * One invoice's result: done for {@link USE_DONE}, else refused with the provider's code and words.
 * @example
 * useResult("2611…", "06", "已勾选无法重复勾选") // { number: "2611…", ok: false, providerCode: "06", providerMessage: "已勾选无法重复勾选" }
 */
export function useResult(number: string, code: string, message?: string): UseConfirmationResult {
  return code === USE_DONE ? { number, ok: true } : useRefusal(number, code, message);
}

/**
 * One invoice refused, whatever the code (a batch refused as a whole: its returncode may be any value).
 * @example
 * useRefusal("2611…", "01", "当期已锁定") // { number: "2611…", ok: false, providerCode: "01", providerMessage: "当期已锁定" }
 */
export function useRefusal(number: string, code: string, message?: string): UseConfirmationResult {
  const result: UseConfirmationResult = { number, ok: false, providerCode: code };
  if (message) result.providerMessage = message;
  return result;
}

/** Where a provider's rows keep each field of a received invoice. */
export type ReceivedNames = Readonly<Record<keyof ReceivedInvoice, string>>;

/**
 * A provider's rows of received invoices as the port's: money with two decimals (kept as given when it
 * has more), dates cut to the day, the use status from the bureau's code.
 * @example
 * receivedInvoices([{ invoiceNo: "2611…", useStatus: "1", … }], { number: "invoiceNo", useStatus: "useStatus", … })
 */
export function receivedInvoices(
  rows: readonly Record<string, unknown>[],
  names: ReceivedNames,
): ReceivedInvoice[] {
  const money = (value: unknown) => {
    const text = present(value) ?? "";
    return toMoney(text) ?? text;
  };
  return rows.map((row) => ({
    number: field(row, names.number) ?? "",
    issueDate: (field(row, names.issueDate) ?? "").slice(0, 10),
    sellerTaxId: field(row, names.sellerTaxId) ?? "",
    sellerName: field(row, names.sellerName) ?? "",
    amount: money(row[names.amount]),
    tax: money(row[names.tax]),
    useStatus: USE_STATUS_OF_CODE[field(row, names.useStatus) ?? ""] ?? "unconfirmed",
  }));
}
