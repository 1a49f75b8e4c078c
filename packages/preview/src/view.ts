/**
 * The words and figures of an invoice as the issued 数电票 prints them: the title by kind, 发票号码 and
 * 开票日期 once issued, the parties, one row per line (税率 as a percentage, 免税 / 不征税 where a policy
 * says so), 合计 and 价税合计 with ¥, the capitals, 备注 (with the parties' address and bank details, as the
 * platform prints them there) and 开票人. Pure text: where things go on the page is layout.ts's job.
 */
import type { Invoice, InvoiceLine } from "@efapiao/model";
import { Decimal } from "@efapiao/calc";
import type { PreviewDocument } from "./read.js";

/** One printed line of the items table. */
export interface RowView {
  itemName: string;
  spec: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  rate: string;
  tax: string;
}

/** An invoice's printed text. */
export interface InvoiceView {
  title: string;
  /** False for anything not issued: the preview is marked as such. */
  issued: boolean;
  red: boolean;
  number?: string;
  /** 开票日期 as printed, e.g. 2026年05月18日 (issued invoices only). */
  date?: string;
  buyer: { name: string; taxId: string };
  seller: { name: string; taxId: string };
  rows: RowView[];
  totals: { amount: string; tax: string; total: string; words: string };
  /** 备注, one paragraph per entry. */
  remarks: string[];
  drawer: string;
}

const TITLES = { special: "电子发票（增值税专用发票）", general: "电子发票（普通发票）" } as const;

/** Policies under which the rate column shows a word and the tax column `***`, as on the issued invoice. */
const RATE_WORDS: Record<string, string> = { "03": "免税", "04": "不征税" };

/**
 * The printed text of a document.
 * @example
 * invoiceView({ invoice, format: "sale" }).totals.words // "⊗壹拾万陆仟圆整"
 */
export function invoiceView(document: PreviewDocument): InvoiceView {
  const { invoice } = document;
  // An issued invoice, or what a received file prints of one: the header shows its number and date.
  const issued = document.issued ?? document.printed;
  const red = issued ? issued.direction === "red" : invoice.totals.total.startsWith("-");
  return {
    title: TITLES[invoice.kind],
    issued: issued !== undefined,
    red,
    number: issued?.number,
    date: issued ? chineseDate(issued.issueDate) : undefined,
    buyer: { name: invoice.buyer.name, taxId: invoice.buyer.taxId ?? "" },
    seller: { name: invoice.seller.name, taxId: invoice.seller.taxId },
    rows: invoice.lines.map(rowView),
    totals: {
      amount: `¥${invoice.totals.amount}`,
      tax: `¥${invoice.totals.tax}`,
      total: `¥${invoice.totals.total}`,
      words: `⊗${invoice.totals.totalInWords}`,
    },
    remarks: remarksOf(invoice),
    drawer: invoice.drawer ?? "",
  };
}

function rowView(line: InvoiceLine): RowView {
  const word = line.taxRate === "0" && line.policy ? RATE_WORDS[line.policy] : undefined;
  return {
    itemName: line.itemName,
    spec: line.spec ?? "",
    unit: line.unit ?? "",
    quantity: line.quantity ?? "",
    unitPrice: line.unitPrice ?? "",
    amount: line.amount,
    rate: word ?? percent(line.taxRate),
    tax: word ? "***" : line.tax,
  };
}

/**
 * A decimal fraction as the invoice prints a rate.
 * @example
 * percent("0.06")  // "6%"
 * percent("0.015") // "1.5%"
 */
export function percent(rate: string): string {
  return `${new Decimal(rate).times(100).toFixed()}%`;
}

/** 2026-05-18 → 2026年05月18日. */
function chineseDate(date: string): string {
  return `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;
}

/** The remarks, then the parties' address, phone and bank where given, as the platform prints them in 备注. */
function remarksOf(invoice: Invoice): string[] {
  const out: string[] = [];
  if (invoice.remarks) out.push(...invoice.remarks.split(/\r?\n/));
  const party = (label: string, p: Invoice["buyer"] | Invoice["seller"]) => {
    const contact = joined([p.address && `${label}地址：${p.address}`, p.phone && `电话：${p.phone}`]);
    const bank = joined([
      p.bankName && `${label}开户银行：${p.bankName}`,
      p.bankAccount && `银行账号：${p.bankAccount}`,
    ]);
    if (contact) out.push(contact);
    if (bank) out.push(bank);
  };
  party("购方", invoice.buyer);
  party("销方", invoice.seller);
  return out;
}

function joined(parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => Boolean(p)).join("；");
}
