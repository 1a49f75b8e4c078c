/**
 * The buyer's side of 乐企 as the sandbox speaks it (after the gateway's checks in leqi.ts): 查验
 * (FPCY_NEW, ability 203059), the invoice's state (FPZTXXCX, 203067) and 增值税抵扣勾选 (PLFPDKGX,
 * CXFPDKGXCLJG, HQDQSKSSQFPDKGXCLJG, 203065), as the STA's capability documents describe them (see
 * @efapiao/leqi verify.ts and use.ts). The tax period of a 勾选 is the platform's current month.
 */
import { gzipSync } from "node:zlib";
import {
  FPLX,
  GXLX,
  LEQI_RECEIVE_ABILITIES,
  LEQI_RECEIVE_SERVICES,
  LEQI_USE_SERVICES,
  LEQI_VERIFY_FIELDS,
} from "@efapiao/leqi";
import { shanghaiDate } from "../clock.js";
import { USE_STATUS_CODE } from "@efapiao/provider-utils";
import { text } from "../decode.js";
import type { UseStatus, VerifiedInvoice } from "../platform.js";
import type { ProtocolContext, WireAnswer } from "../wire.js";
import { providerRecord, setUseCode, stateCode } from "./receive-common.js";

type Body = Record<string, unknown>;
type Answer = (data: unknown) => WireAnswer;

/** The buyer's-side abilities: a request under one of them is routed here whatever the unit's own nlbm. */
export const LEQI_RECEIVE_NLBM: ReadonlySet<string> = new Set(Object.values(LEQI_RECEIVE_ABILITIES));

/** gxlxDm → the use the platform records. */
const USE_OF_GXLX: Readonly<Record<string, UseStatus>> = {
  [GXLX.deduct]: "deduct",
  [GXLX.cancelDeduct]: "unconfirmed",
  [GXLX.noDeduct]: "no-deduct",
  [GXLX.cancelNoDeduct]: "unconfirmed",
};

interface BatchRow {
  kprq: string;
  fphm: string;
  cljg: string;
  skssq?: string;
  errormsg?: string;
}

/** Answers a buyer's-side service, or undefined when `fwbm` is not one. */
export function handleLeqiReceive(
  fwbm: string,
  body: Body,
  ctx: ProtocolContext,
  answer: Answer,
): WireAnswer | undefined {
  switch (fwbm) {
    case LEQI_RECEIVE_SERVICES.verify: {
      const found = lookUp(body, ctx);
      if (!found) return answer({ returncode: "02", returnmsg: "查无数据" });
      const face = providerRecord(found.fields, LEQI_VERIFY_FIELDS, (day) => `${day} 00:00:00`);
      const cyjgxx = gzipSync(Buffer.from(JSON.stringify(face), "utf8")).toString("base64");
      return answer({ returncode: "00", returnmsg: "查验成功", cyjgxx });
    }
    case LEQI_RECEIVE_SERVICES.status: {
      const found = lookUp(body, ctx);
      if (!found) return answer({ returncode: "02", returnmsg: "查无数据" });
      return answer({ returncode: "00", fphm: found.record.number, fpzt: stateCode(found) });
    }
    case LEQI_USE_SERVICES.upload:
      return upload(body, ctx, answer);
    case LEQI_USE_SERVICES.result: {
      const pclsh = text(body.pclsh) ?? "";
      const batch = ctx.platform.recall<{ gfsbh: string; rows: BatchRow[] }>("leqi-gx", pclsh);
      if (!batch) return answer({ returncode: "01", returnmsg: `批次流水号 ${pclsh} 不存在` });
      return answer({ returncode: "00", pclsh, gfsbh: batch.gfsbh, fpmx: batch.rows });
    }
    case LEQI_USE_SERVICES.current: {
      const buyer = text(body.gfsbh) ?? "";
      const confirmed = ctx.platform
        .received(buyer, currentPeriod(ctx))
        .filter((r) => r.useStatus !== "unconfirmed");
      return answer({
        returncode: "00",
        zys: 1,
        dqym: 1,
        fpmx: confirmed.map((r) => ({
          kprq: r.invoice.issueDate.replaceAll("-", ""),
          fphm: r.number,
          skssq: (r.usePeriod ?? "").replace("-", ""),
          hxyt: USE_STATUS_CODE[r.useStatus],
          fplx: FPLX.digital.special,
        })),
      });
    }
    default:
      return undefined;
  }
}

/** The invoice a 查验 names, when its type (fplx) fits: 81 asks for a 专票, 82 for a 普票. */
function lookUp(body: Body, ctx: ProtocolContext): VerifiedInvoice | undefined {
  const kprq = text(body.kprq) ?? "";
  const day = /^\d{8}$/.test(kprq) ? `${kprq.slice(0, 4)}-${kprq.slice(4, 6)}-${kprq.slice(6)}` : kprq;
  const found = ctx.platform.verify(text(body.fphm) ?? "", day);
  if (!found) return undefined;
  const fplx = text(body.fplx);
  return fplx === FPLX.digital[found.record.invoice.kind] ? found : undefined;
}

function currentPeriod(ctx: ProtocolContext): string {
  return shanghaiDate(ctx.platform.now()).slice(0, 7);
}

/** PLFPDKGX: each invoice's use set at once; the results kept under a new 批次流水号 for CXFPDKGXCLJG. */
function upload(body: Body, ctx: ProtocolContext, answer: Answer): WireAnswer {
  const buyer = text(body.gfsbh) ?? "";
  const use = USE_OF_GXLX[text(body.gxlxDm) ?? ""];
  const items = Array.isArray(body.fpmx) ? (body.fpmx as Body[]) : [];
  if (!buyer || !use || items.length === 0) {
    return answer({ returncode: "01", returnmsg: "gfsbh、gxlxDm 和 fpmx 为必填项" });
  }
  const period = currentPeriod(ctx);
  const rows: BatchRow[] = items.map((item) => {
    const fphm = text(item.fphm) ?? "";
    const done = setUseCode(ctx.platform.setUse(buyer, period, fphm, use));
    const row: BatchRow = { kprq: text(item.kprq) ?? "", fphm, cljg: done.code };
    if (done.code === "01" && use !== "unconfirmed") row.skssq = period.replace("-", "");
    return row;
  });
  const pclsh = ctx.platform.newRef();
  ctx.platform.remember("leqi-gx", pclsh, { gfsbh: buyer, rows });
  return answer({
    returncode: "00",
    returnmsg: "上传成功",
    pclsh,
    fpmx: rows.map((r) => ({ kprq: r.kprq, fphm: r.fphm, sczt: "00" })),
  });
}
