/**
 * The canonical invoice ⇄ one invoice of 乐企's QDFPSC (数电票上传) body, with every field of the published
 * field list (samples/providers/leqi-QDFPSC.fields.txt): what the canonical invoice carries is mapped, the
 * rest is sent empty unless given in `extra`. Amounts and rates are exact JSON number literals.
 */
import { type Diagnostic, error, type Invoice, type InvoiceLine, type Result } from "@efapiao/model";
import type { IssueRequest, RedReference } from "@efapiao/provider";
import {
  addMoney,
  assembleInvoice,
  compact,
  decimalText,
  jsonNumber,
  present,
  toMoney,
  trimDecimal,
} from "@efapiao/provider-utils";
import { FPHXZ, FPPZ, KIND_OF_FPPZ, LZFPBZ, NATURE_OF_FPHXZ, ZRRBZ } from "./enums.js";

/** The invoice fields of QDFPSC, in the field list's order. */
export const QDFPSC_INVOICE_FIELDS = [
  "fphm",
  "lzfpbz",
  "ptbh",
  "fppz",
  "gmfzrrbz",
  "tdys",
  "qyDm",
  "cezslxDm",
  "sgfplxDm",
  "ckywsyzcDm",
  "zzsjzjtDm",
  "xsfnsrsbh",
  "xsfmc",
  "xsfdz",
  "xsfdh",
  "xsfkhh",
  "xsfzh",
  "gmfnsrsbh",
  "gmfmc",
  "gmfdz",
  "gmfdh",
  "gmfkhh",
  "gmfzh",
  "gmfjbr",
  "jbrsfzjhm",
  "gmfjbrlxdh",
  "hjje",
  "hjse",
  "jshj",
  "skyhmc",
  "skyhzh",
  "jsfs",
  "ysxwfsd",
  "kpr",
  "kprzjhm",
  "kprzjlx",
  "dylzfphm",
  "hzqrxxdbh",
  "hzqrduuid",
  "bz",
  "ip",
  "macdz",
  "cpuid",
  "zbxlh",
  "kprq",
  "sfzsxsfyhzhbq",
  "sfzsgmfyhzhbq",
  "skrxm",
  "fhrxm",
] as const;

/** The line fields of fpmxList[]. */
export const QDFPSC_LINE_FIELDS = [
  "mxxh",
  "dylzfpmxxh",
  "xmmc",
  "hwhyslwfwmc",
  "spfwjc",
  "ggxh",
  "dw",
  "sl",
  "dj",
  "je",
  "slv",
  "se",
  "hsje",
  "kce",
  "sphfwssflhbbm",
  "fphxz",
  "yhzcbs",
] as const;

export interface LeqiInvoiceOptions {
  /** The pre-assigned 20-digit number (QDFPPLFM) this invoice is issued under. */
  number: string;
  /** 平台编号: the connecting unit's platform number (jrdwptbh). */
  platformNumber: string;
  /** 开票时间-of-day (HH:mm:ss, UTC+8) after the issue date in kprq. Default 00:00:00. */
  time?: string;
  /** Invoice fields the canonical invoice does not carry (qyDm, jsfs, ip, macdz …), sent as given. */
  extra?: Record<string, unknown>;
}

export type LeqiInvoice = Record<string, unknown> & { fpmxList: Record<string, unknown>[] };

/**
 * Maps an issue request to one QDFPSC invoice.
 * @example
 * toLeqiInvoice({ requestKey: "SO-1", invoice }, { number: "24442000000071309399", platformNumber: "P0001" })
 */
export function toLeqiInvoice(request: IssueRequest, options: LeqiInvoiceOptions): LeqiInvoice {
  const { invoice, red } = request;
  const out: Record<string, unknown> = {};
  for (const name of QDFPSC_INVOICE_FIELDS) out[name] = "";
  const seller = invoice.seller;
  const buyer = invoice.buyer;
  Object.assign(out, {
    fphm: options.number,
    lzfpbz: red ? LZFPBZ.red : LZFPBZ.blue,
    ptbh: options.platformNumber,
    fppz: FPPZ[invoice.kind],
    gmfzrrbz: buyer.naturalPerson ? ZRRBZ.yes : ZRRBZ.no,
    tdys: request.specificBusiness?.code ?? "",
    xsfnsrsbh: seller.taxId,
    xsfmc: seller.name,
    xsfdz: seller.address ?? "",
    xsfdh: seller.phone ?? "",
    xsfkhh: seller.bankName ?? "",
    xsfzh: seller.bankAccount ?? "",
    gmfnsrsbh: buyer.taxId ?? "",
    gmfmc: buyer.name,
    gmfdz: buyer.address ?? "",
    gmfdh: buyer.phone ?? "",
    gmfkhh: buyer.bankName ?? "",
    gmfzh: buyer.bankAccount ?? "",
    hjje: jsonNumber(invoice.totals.amount),
    hjse: jsonNumber(invoice.totals.tax),
    jshj: jsonNumber(invoice.totals.total),
    kpr: invoice.drawer ?? "",
    bz: invoice.remarks ?? "",
    kprq: `${invoice.issueDate} ${options.time ?? "00:00:00"}`,
  });
  if (red) {
    out.dylzfphm = red.originalNumber;
    out.hzqrxxdbh = red.formNumber ?? "";
    out.hzqrduuid = red.formUuid ?? "";
  }
  if (request.specificBusiness?.fields) Object.assign(out, request.specificBusiness.fields);
  if (options.extra) Object.assign(out, options.extra);
  out.fpmxList = invoice.lines.map((line, i) => lineOf(line, red?.originalLineIndexes?.[i]));
  return out as LeqiInvoice;
}

function lineOf(line: InvoiceLine, originalIndex: number | undefined): Record<string, unknown> {
  return {
    mxxh: line.index,
    dylzfpmxxh: originalIndex ?? "",
    xmmc: line.name,
    hwhyslwfwmc: line.itemName,
    spfwjc: line.shortName,
    ggxh: line.spec ?? "",
    dw: line.unit ?? "",
    sl: line.quantity === undefined ? "" : jsonNumber(line.quantity),
    dj: line.unitPrice === undefined ? "" : jsonNumber(line.unitPrice),
    je: jsonNumber(line.amount),
    slv: jsonNumber(line.taxRate),
    se: jsonNumber(line.tax),
    hsje: jsonNumber(addMoney(line.amount, line.tax)),
    kce: "",
    sphfwssflhbbm: line.code,
    fphxz: FPHXZ[line.nature],
    yhzcbs: line.policy ?? "",
  };
}

/** Which invoice fields name specific-business data rather than the invoice (kept with `specificBusiness`). */
const KNOWN_FIELDS = new Set<string>([...QDFPSC_INVOICE_FIELDS, "fpmxList", "fjysList"]);

/**
 * Reads a QDFPSC invoice back into an issue request. 乐企 carries no request key (the number is
 * pre-assigned): `requestKey` is the invoice number. The red reason lives on the form, not the invoice:
 * a red invoice reads back with reason 01 unless `redReason` says otherwise.
 * @example
 * fromLeqiInvoice(JSON.parse(sm4Decrypt(key, body).text)[0])
 */
export function fromLeqiInvoice(
  record: Record<string, unknown>,
  options: { redReason?: RedReference["reason"] } = {},
): Result<IssueRequest> {
  const diagnostics: Diagnostic[] = [];
  const kind = KIND_OF_FPPZ[String(record.fppz ?? "")];
  if (!kind) {
    diagnostics.push(
      error("LEQI_FPPZ", "fppz", {
        zh: `发票票种应为 01 或 02：${String(record.fppz)}`,
        en: `fppz must be 01 or 02: ${String(record.fppz)}`,
      }),
    );
  }
  const details = Array.isArray(record.fpmxList) ? (record.fpmxList as Record<string, unknown>[]) : [];
  const lines = details.map((detail, i) => lineFrom(detail, i, diagnostics));
  if (!kind || diagnostics.length > 0) return { ok: false, diagnostics };
  const invoice: Invoice = assembleInvoice({
    kind,
    issueDate: String(record.kprq ?? "").slice(0, 10),
    seller: compact({
      name: String(record.xsfmc ?? ""),
      taxId: String(record.xsfnsrsbh ?? ""),
      address: present(record.xsfdz),
      phone: present(record.xsfdh),
      bankName: present(record.xsfkhh),
      bankAccount: present(record.xsfzh),
    }),
    buyer: compact({
      name: String(record.gmfmc ?? ""),
      taxId: present(record.gmfnsrsbh),
      naturalPerson: record.gmfzrrbz === ZRRBZ.yes,
      address: present(record.gmfdz),
      phone: present(record.gmfdh),
      bankName: present(record.gmfkhh),
      bankAccount: present(record.gmfzh),
    }),
    lines,
    remarks: present(record.bz),
    drawer: present(record.kpr),
  });
  const request: IssueRequest = { requestKey: String(record.fphm ?? ""), invoice };
  if (record.lzfpbz === LZFPBZ.red) {
    request.red = compact({
      originalNumber: String(record.dylzfphm ?? ""),
      formNumber: present(record.hzqrxxdbh),
      formUuid: present(record.hzqrduuid),
      reason: options.redReason ?? "01",
    });
    const indexes = details.map((d) => Number(d.dylzfpmxxh));
    if (details.length > 0 && indexes.every((n) => Number.isInteger(n) && n > 0))
      request.red.originalLineIndexes = indexes;
  }
  const tdys = present(record.tdys);
  if (tdys !== undefined) {
    const fields = Object.fromEntries(Object.entries(record).filter(([key]) => !KNOWN_FIELDS.has(key)));
    request.specificBusiness = Object.keys(fields).length > 0 ? { code: tdys, fields } : { code: tdys };
  }
  return { ok: true, value: request, diagnostics };
}

function lineFrom(detail: Record<string, unknown>, i: number, diagnostics: Diagnostic[]): InvoiceLine {
  const money = (key: string) => {
    const value = toMoney(decimalText(detail[key]) ?? "");
    if (value !== undefined) return value;
    diagnostics.push(
      error("LEQI_MONEY", `fpmxList[${i}].${key}`, {
        zh: `${key} 不是两位小数以内的金额：${String(detail[key])}`,
        en: `${key} is not an amount with at most two decimals: ${String(detail[key])}`,
      }),
    );
    return "0.00";
  };
  const quantity = decimalText(detail.sl);
  const price = decimalText(detail.dj);
  return compact({
    index: Number(detail.mxxh ?? i + 1),
    nature: NATURE_OF_FPHXZ[String(detail.fphxz ?? "00")] ?? "normal",
    itemName: String(detail.hwhyslwfwmc ?? ""),
    name: String(detail.xmmc ?? ""),
    shortName: String(detail.spfwjc ?? ""),
    code: String(detail.sphfwssflhbbm ?? ""),
    spec: present(detail.ggxh),
    unit: present(detail.dw),
    quantity: quantity === undefined ? undefined : trimDecimal(quantity),
    unitPrice: price === undefined ? undefined : trimDecimal(price),
    amount: money("je"),
    taxRate: trimDecimal(decimalText(detail.slv) ?? "0"),
    tax: money("se"),
    policy: present(detail.yhzcbs) ?? null,
  });
}
