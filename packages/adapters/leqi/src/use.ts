/**
 * 用途确认 (增值税抵扣勾选) through 乐企, ability 203065: PLFPDKGX uploads a batch of invoices to confirm
 * or cancel, CXFPDKGXCLJG reads the batch's per-invoice results, HQDQSKSSQFPDKGXCLJG lists what this
 * buyer confirmed in the current tax period.
 *
 * Source: 乐企增值税抵扣勾选能力说明文档 V3.018 §五 2, 3 and 10 (qinqiang2000/agent-harness
 * `agent_cwd/.claude/skills/invoice-ticket-service/reference/乐企/`): PLFPDKGX `gfsbh`, `gxlxDm` (01 申请抵扣,
 * 02 撤销抵扣, 03 申请不抵扣, 04 撤销不抵扣), `fpmx[]` (`kprq` YYYYMMDD, `fpdm`, `fphm`, `fplx`, `bdklx`,
 * `bdkyy`), answer `returncode`, `pclsh`, `fpmx[].sczt`/`errormsg`; CXFPDKGXCLJG `pclsh` → `fpmx[].cljg`
 * (01 勾选（撤销）成功, 02 查无此票, 03 该票异常无法勾选, …, 06 已勾选无法重复勾选); HQDQSKSSQFPDKGXCLJG
 * `gfsbh`, `cxym` → `zys`, `dqym`, `fpmx[]` (`kprq`, `fphm`, `skssq`, `hxyt` 1 抵扣 / 6 不抵扣, `fplx`).
 *
 * Limits of the platform, kept visible: the tax period is the platform's current one (no request field
 * names it), the listing holds only confirmed invoices of that period and carries no seller or amounts
 * (unconfirmed invoices come only through the asynchronous 未勾选数据初始化清单 download, which efapiao
 * does not call), and 不抵扣 needs a 不抵扣类型 (`bdklx`: 5 其他 is sent, with the reason "其他").
 */
import type {
  CallOutcome,
  ReceivedInvoice,
  UseConfirmationItem,
  UseConfirmationResult,
} from "@efapiao/provider";
import { providerDiagnostic } from "@efapiao/provider";
import { field, USE_STATUS_OF_CODE, useRefusal, useResult } from "@efapiao/provider-utils";
import { openLeqiAnswer } from "./answers.js";
import { FPLX } from "./verify.js";

export const LEQI_USE_SERVICES = {
  upload: "PLFPDKGX",
  result: "CXFPDKGXCLJG",
  current: "HQDQSKSSQFPDKGXCLJG",
} as const;

/** gxlxDm: what a batch does. */
export const GXLX = {
  deduct: "01",
  cancelDeduct: "02",
  noDeduct: "03",
  cancelNoDeduct: "04",
} as const;

type Answer = Record<string, unknown>;

const yyyymmdd = (date: string) => date.replaceAll("-", "");
const isoDay = (text: string) => `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;

/**
 * The PLFPDKGX body: one batch, all items the same action (confirm: deduct or not; cancel: per the
 * use they were confirmed for). Items whose actions differ go in separate batches ({@link useBatches}).
 * @example
 * leqiUseBody("91110108MA01", GXLX.deduct, [{ number: "2611…", issueDate: "2026-05-18" }])
 * // { gfsbh: "91110108MA01", gxlxDm: "01", fpmx: [{ kprq: "20260518", fphm: "2611…", fplx: "81" }] }
 */
export function leqiUseBody(
  buyerTaxId: string,
  gxlxDm: string,
  items: readonly UseConfirmationItem[],
): Record<string, unknown> {
  return {
    gfsbh: buyerTaxId,
    gxlxDm,
    fpmx: items.map((item) => ({
      kprq: yyyymmdd(item.issueDate),
      fphm: item.number,
      // Only special invoices are confirmed for deduction: 数电专票.
      fplx: FPLX.digital.special,
      ...(gxlxDm === GXLX.noDeduct ? { bdklx: "5", bdkyy: "其他" } : {}),
    })),
  };
}

/**
 * Items grouped by the gxlxDm they need.
 * @example
 * useBatches("confirm", [{ number: "1", issueDate: "…", use: "no-deduct" }]) // Map { "03" => [ … ] }
 */
export function useBatches(
  action: "confirm" | "cancel",
  items: readonly UseConfirmationItem[],
): Map<string, UseConfirmationItem[]> {
  const batches = new Map<string, UseConfirmationItem[]>();
  for (const item of items) {
    const noDeduct = item.use === "no-deduct";
    const code =
      action === "confirm"
        ? noDeduct
          ? GXLX.noDeduct
          : GXLX.deduct
        : noDeduct
          ? GXLX.cancelNoDeduct
          : GXLX.cancelDeduct;
    batches.set(code, [...(batches.get(code) ?? []), item]);
  }
  return batches;
}

/**
 * PLFPDKGX's answer: the batch serial (pclsh) to read results by, and the invoices refused at upload
 * (sczt 01) with their reasons.
 */
export function leqiUploadAnswer(
  keyHex: string,
  answer: Answer,
): CallOutcome<{ pclsh?: string; refused: UseConfirmationResult[]; code: string; message?: string }> {
  const opened = openLeqiAnswer(keyHex, answer);
  if ("status" in opened) return opened;
  const data = opened.data as Answer;
  const rows = Array.isArray(data.fpmx) ? (data.fpmx as Answer[]) : [];
  const refused = rows
    .filter((row) => field(row, "sczt") === "01")
    .map((row) => useRefusal(field(row, "fphm") ?? "", "sczt 01", field(row, "errormsg")));
  const value: { pclsh?: string; refused: UseConfirmationResult[]; code: string; message?: string } = {
    refused,
    code: field(data, "returncode") ?? "",
  };
  // "批量数据中有一条成功即视为成功": a batch with no success has no pclsh to read results by.
  const pclsh = field(data, "pclsh");
  if (value.code === "00" && pclsh) value.pclsh = pclsh;
  const message = field(data, "returnmsg");
  if (message) value.message = message;
  return { status: "ok", value, raw: data };
}

/**
 * CXFPDKGXCLJG's answer: per invoice, done (cljg 01) or refused with the cljg code.
 * @example
 * leqiResultAnswer(key, buildLeqiAnswer(key, { returncode: "00", fpmx: [{ fphm: "1", cljg: "06" }] }))
 * // { status: "ok", value: [{ number: "1", ok: false, providerCode: "06", … }] }
 */
export function leqiResultAnswer(keyHex: string, answer: Answer): CallOutcome<UseConfirmationResult[]> {
  const opened = openLeqiAnswer(keyHex, answer);
  if ("status" in opened) return opened;
  const data = opened.data as Answer;
  const rows = Array.isArray(data.fpmx) ? (data.fpmx as Answer[]) : [];
  return {
    status: "ok",
    value: rows.map((row) => {
      const number = field(row, "fphm") ?? "";
      const cljg = field(row, "cljg") ?? "";
      return useResult(number, cljg, CLJG_MESSAGE[cljg]);
    }),
    raw: data,
  };
}

/** cljg codes as the document words them (the platform sends no message with them). */
const CLJG_MESSAGE: Readonly<Record<string, string>> = {
  "02": "查无此票",
  "03": "该票异常无法勾选",
  "04": "该票已经逾期无法认证",
  "05": "当期已锁定（已申请统计）",
  "06": "已勾选无法重复勾选",
  "07": "未到期发票不可勾选",
  "13": "该票号码重复",
};

/**
 * HQDQSKSSQFPDKGXCLJG's answer: this buyer's confirmed invoices of the current period (one page).
 * Seller and amounts are not in it: they are left empty.
 */
export function leqiCurrentAnswer(keyHex: string, answer: Answer): CallOutcome<ReceivedInvoice[]> {
  const opened = openLeqiAnswer(keyHex, answer);
  if ("status" in opened) return opened;
  const data = opened.data as Answer;
  if (field(data, "returncode") !== "00") {
    return {
      status: "rejected",
      reason: "refused",
      retryable: true,
      diagnostics: [
        providerDiagnostic(
          "leqi",
          "LEQI_USE_LIST_FAILED",
          { zh: "乐企未能列出本期勾选结果", en: "Leqi could not list this period's confirmations" },
          { providerCode: field(data, "returncode") ?? "", providerMessage: field(data, "returnmsg") ?? "" },
        ),
      ],
      raw: data,
    };
  }
  const rows = Array.isArray(data.fpmx) ? (data.fpmx as Answer[]) : [];
  return {
    status: "ok",
    value: rows.map((row) => ({
      number: field(row, "fphm") ?? "",
      issueDate: isoDay(field(row, "kprq") ?? ""),
      sellerTaxId: "",
      sellerName: "",
      amount: "",
      tax: "",
      useStatus: USE_STATUS_OF_CODE[field(row, "hxyt") ?? ""] ?? "unconfirmed",
    })),
    raw: data,
  };
}

/** The answer when unconfirmed invoices are asked for: the platform lists them only by download. */
export function unconfirmedUnsupported(): CallOutcome<ReceivedInvoice[]> {
  return {
    status: "rejected",
    reason: "unsupported",
    retryable: false,
    diagnostics: [
      providerDiagnostic("leqi", "LEQI_UNCONFIRMED_LIST", {
        zh: "乐企只能同步列出本期已勾选的发票；未勾选发票需通过未勾选数据初始化清单下载",
        en: "Leqi lists only this period's confirmed invoices directly; unconfirmed ones come through the 未勾选数据初始化清单 download",
      }),
    ],
  };
}
