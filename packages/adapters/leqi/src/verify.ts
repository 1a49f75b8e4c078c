/**
 * 查验 through 乐企: FPCY_NEW (发票查验, ability 203059) says whether the invoice exists and returns its
 * face; FPZTXXCX (发票用途状态信息查询, ability 203067) says whether it was voided or red-reversed, which
 * FPCY_NEW's 数电 layout does not carry. Both are encrypted exactly like every other 乐企 call.
 *
 * Sources (the STA's capability documents, as published in qinqiang2000/agent-harness
 * `agent_cwd/.claude/skills/invoice-ticket-service/reference/乐企/`):
 * - 乐企发票查验能力说明文档 V1.019 §五 1.3–1.5 and §六 (一) 1: request `fplx`, `fpdm`, `fphm`, `kprq`
 *   (YYYYMMDD), `jym` (后六位), `kpje` (价税合计 for 81/82, 不含税金额 for 01/08), `nsrsbh`; answer
 *   `returncode` (00 成功, 01 失败, 02 查无数据, 03 查验不一致, 04 此发票非本单位开具或取得), `returnmsg`,
 *   `cyjgxx` (gzip + base64 of the JSON face: `fphm`, `kprq`, `xsfnsrsbh`, `xsfmc`, `gmfnsrsbh`, `gmfmc`,
 *   `hjje`, `hjse`, `jshj`; legacy layouts `fpdm`, `xfsbh`/`xsfsbh`, `gfsbh`/`gmfsbh`, `je`, `se`).
 * - 乐企归集能力说明文档 V2.011 §四 5 (FPZTXXCX): request `fplx`, `fpdm`, `fphm`, `kprq`; answer `fpzt`
 *   (0 正常, 2 作废, 3 已红冲, 7 部分红冲, 8 全额冲红).
 * - 乐企能力及服务清单 202402: ability codes 203059 (查验), 203067 (归集), 203065 (增值税抵扣勾选).
 */
import { gunzipSync } from "node:zlib";
import type { CallOutcome, RedStatus, VerifyQuery, VerifyResult } from "@efapiao/provider";
import { invoiceStateOf, providerDiagnostic } from "@efapiao/provider";
import { field, type VerifyFieldRow, verifyFields } from "@efapiao/provider-utils";
import { openLeqiAnswer } from "./answers.js";

/** The abilities (能力编码, the URL's nlbm) the buyer's side calls; each unit is approved per ability. */
export const LEQI_RECEIVE_ABILITIES = { verify: "203059", collect: "203067", deduct: "203065" } as const;

export const LEQI_RECEIVE_SERVICES = { verify: "FPCY_NEW", status: "FPZTXXCX" } as const;

/**
 * fplx for a query: 81 / 82 for a 数电票 (20 digits, no code), 08 / 10 for a legacy e-invoice (电子专票 /
 * 电子普票), by the invoice's kind; general when the kind is not given.
 */
export const FPLX = {
  digital: { special: "81", general: "82" },
  legacy: { special: "08", general: "10" },
} as const;

/** FPCY_NEW returncode → what it means. */
export const CYJG = { ok: "00", failed: "01", notFound: "02", mismatch: "03", notOurs: "04" } as const;

const RETURNCODE_MESSAGE: Readonly<Record<string, { zh: string; en: string }>> = {
  [CYJG.failed]: { zh: "乐企查验失败", en: "Leqi's verification failed" },
  [CYJG.mismatch]: {
    zh: "查验不一致：号码和日期对应的发票与给出的金额或校验码不符",
    en: "Verification mismatch: the invoice with this number and date has another amount or check code",
  },
  [CYJG.notOurs]: {
    zh: "此发票非本单位开具或取得",
    en: "This invoice was neither issued nor received by this unit",
  },
};

type Answer = Record<string, unknown>;

function fplxOf(query: VerifyQuery): string {
  const layout = query.code === undefined && query.number.length === 20 ? FPLX.digital : FPLX.legacy;
  return layout[query.kind ?? "general"];
}

/**
 * The FPCY_NEW body for a query.
 * @example
 * leqiVerifyBody({ number: "24112000000048542163", issueDate: "2024-05-28", total: "4449.00", kind: "special" }, "91110108MA01")
 * // { fplx: "81", fphm: "24112000000048542163", kprq: "20240528", kpje: "4449.00", nsrsbh: "91110108MA01" }
 */
export function leqiVerifyBody(query: VerifyQuery, nsrsbh: string): Record<string, string> {
  const fplx = fplxOf(query);
  const body: Record<string, string> = { fplx };
  if (query.code) body.fpdm = query.code;
  body.fphm = query.number;
  body.kprq = query.issueDate.replaceAll("-", "");
  if (query.checkCode) body.jym = query.checkCode.slice(-6);
  const amount =
    fplx === "81" || fplx === "82" ? (query.total ?? query.amount) : (query.amount ?? query.total);
  if (amount !== undefined) body.kpje = amount;
  body.nsrsbh = nsrsbh;
  return body;
}

/**
 * The FPZTXXCX body for a query.
 * @example
 * leqiStatusBody({ number: "24112000000048542163", issueDate: "2024-05-28" }) // { fplx: "82", fphm: "2411…", kprq: "20240528" }
 */
export function leqiStatusBody(query: VerifyQuery): Record<string, string> {
  const body: Record<string, string> = { fplx: fplxOf(query) };
  if (query.code) body.fpdm = query.code;
  body.fphm = query.number;
  body.kprq = query.issueDate.replaceAll("-", "");
  return body;
}

/**
 * FPCY_NEW's answer: 00 with the face → found (red status none until FPZTXXCX says otherwise); 02 → not
 * found; 01, 03, 04 → rejected with the code; a face that does not unzip → unknown.
 * @example
 * leqiVerifyAnswer(key, buildLeqiAnswer(key, { returncode: "02", returnmsg: "查无数据" })) // { status: "ok", value: { found: false } }
 */
export function leqiVerifyAnswer(keyHex: string, answer: Answer): CallOutcome<VerifyResult> {
  const opened = openLeqiAnswer(keyHex, answer);
  if ("status" in opened) return opened;
  const data = opened.data as Answer;
  const refused = returncodeOutcome(data);
  if (refused === "not-found") return { status: "ok", value: { found: false }, raw: data };
  if (refused) return refused;
  const face = unzipFace(field(data, "cyjgxx") ?? "");
  if (!face) {
    return {
      status: "unknown",
      diagnostics: [
        providerDiagnostic("leqi", "LEQI_CYJGXX_UNREADABLE", {
          zh: "乐企查验结果 cyjgxx 无法解压或不是 JSON",
          en: "Leqi's verification result cyjgxx does not unzip to JSON",
        }),
      ],
      raw: data,
    };
  }
  return {
    status: "ok",
    value: {
      found: true,
      fields: verifyFields(face, LEQI_VERIFY_FIELDS),
      redStatus: "none",
      state: "normal",
    },
    raw: data,
  };
}

/**
 * FPZTXXCX's answer: the invoice's state (fpzt) as red status and state.
 * @example
 * leqiStatusAnswer(key, buildLeqiAnswer(key, { returncode: "00", fpzt: "8" })) // { status: "ok", value: { redStatus: "full", state: "normal" } }
 */
export function leqiStatusAnswer(
  keyHex: string,
  answer: Answer,
): CallOutcome<{ redStatus: RedStatus; state: string }> {
  const opened = openLeqiAnswer(keyHex, answer);
  if ("status" in opened) return opened;
  const data = opened.data as Answer;
  const refused = returncodeOutcome(data);
  if (refused === "not-found")
    return { status: "ok", value: { redStatus: "none", state: "normal" }, raw: data };
  if (refused) return refused;
  return { status: "ok", value: invoiceStateOf(field(data, "fpzt")), raw: data };
}

function returncodeOutcome(data: Answer) {
  const code = field(data, "returncode");
  if (code === CYJG.ok) return undefined;
  if (code === CYJG.notFound) return "not-found" as const;
  const message = (code && RETURNCODE_MESSAGE[code]) || {
    zh: `乐企返回了未登记的 returncode ${code ?? "（无）"}`,
    en: `Leqi answered an unlisted returncode ${code ?? "(none)"}`,
  };
  const extra: { providerCode: string; providerMessage?: string } = { providerCode: code ?? "" };
  const said = field(data, "returnmsg");
  if (said) extra.providerMessage = said;
  return {
    status: "rejected" as const,
    reason: "refused" as const,
    // 01 is the platform failing, not the request: asking again later can help.
    retryable: code === CYJG.failed,
    diagnostics: [providerDiagnostic("leqi", `LEQI_RETURNCODE_${code ?? "NONE"}`, message, extra)],
    raw: data,
  };
}

function unzipFace(text: string): Answer | undefined {
  try {
    const json = JSON.parse(gunzipSync(Buffer.from(text, "base64")).toString("utf8")) as unknown;
    return json && typeof json === "object" ? (json as Answer) : undefined;
  } catch {
    return undefined;
  }
}

/** Face name → canonical path: the 数电 layout first, then the legacy layouts' names. */
export const LEQI_VERIFY_FIELDS: readonly VerifyFieldRow[] = [
  ["fphm", "number", "text"],
  ["fpdm", "code", "text"],
  ["kprq", "issueDate", "date"],
  ["xsfnsrsbh", "seller.taxId", "text"],
  ["xsfsbh", "seller.taxId", "text"],
  ["xfsbh", "seller.taxId", "text"],
  ["xsfmc", "seller.name", "text"],
  ["xfmc", "seller.name", "text"],
  ["gmfnsrsbh", "buyer.taxId", "text"],
  ["gmfsbh", "buyer.taxId", "text"],
  ["gfsbh", "buyer.taxId", "text"],
  ["gmfmc", "buyer.name", "text"],
  ["gfmc", "buyer.name", "text"],
  ["hjje", "totals.amount", "money"],
  ["je", "totals.amount", "money"],
  ["hjse", "totals.tax", "money"],
  ["se", "totals.tax", "money"],
  ["jshj", "totals.total", "money"],
];
