/**
 * {@link DocbitsFapiao} → canonical {@link Invoice}. The DocBits form lacks two things an invoice needs:
 * the classification code of each line (efapiao's own files carry it as `efp:tax_code`), and, for
 * `电子发票`, the kind (special or general), which the caller may supply. Missing pieces are errors that
 * say so, never guesses.
 */
import { amountInWords } from "@efapiao/calc";
import {
  type Diagnostic,
  error,
  type Invoice,
  InvoiceSchema,
  isCalendarDate,
  KIND_CODES,
  type Result,
  warning,
  zodIssuesToDiagnostics,
} from "@efapiao/model";
import { compact, inferLineNatures, splitItemName } from "@efapiao/sta-xml";
import type { DocbitsFapiao } from "./document.js";
import { TYPE_NAMES } from "./layout.js";

export interface DocbitsToInvoiceOptions {
  /** The kind, when fapiao_type does not say it (电子发票). */
  kind?: "special" | "general";
}

/**
 * @example
 * const read = readDocbitsXml(xml);
 * const invoice = read.ok ? docbitsToInvoice(read.value) : read;
 */
export function docbitsToInvoice(doc: DocbitsFapiao, options: DocbitsToInvoiceOptions = {}): Result<Invoice> {
  const diagnostics: Diagnostic[] = [];
  const fail = (rule: string, path: string, zh: string, en: string) => {
    diagnostics.push(error(`DOCBITS_${rule}`, path, { zh, en }));
    return undefined;
  };

  const kind = options.kind ?? kindOf(doc.type);
  if (!kind) {
    fail(
      "KIND",
      "/fapiao/fapiao_head/fapiao_type",
      `fapiao_type “${doc.type ?? ""}” 不能说明是专用发票还是普通发票；请指定发票种类`,
      `fapiao_type "${doc.type ?? ""}" does not say whether the invoice is special or general; give the kind`,
    );
  }
  const issueDate = doc.issueDate?.slice(0, 10);
  if (!issueDate || !isCalendarDate(issueDate)) {
    fail(
      "DATE",
      "/fapiao/fapiao_head/issue_date",
      "缺少有效的开票日期 issue_date",
      "A valid issue_date is missing",
    );
  }
  if (!doc.seller.taxpayerId) {
    fail(
      "MISSING",
      "/fapiao/seller/taxpayer_id",
      "缺少销售方纳税人识别号",
      "The seller's taxpayer_id is missing",
    );
  }

  const lines = doc.items.map((item, i) => {
    const path = `/fapiao/items/item[${i + 1}]`;
    const parts = splitItemName(item.name);
    if (!parts) {
      fail(
        "ITEM_NAME",
        `${path}/name`,
        `项目名称 “${item.name}” 应写作 *简称*名称`,
        `The item name "${item.name}" should read *short name*name`,
      );
    }
    if (!item.taxCode) {
      fail(
        "NO_CODE",
        `${path}/tax_code`,
        "缺少税收分类编码：DocBits 格式没有这一元素，efapiao 写出的文件以扩展元素 efp:tax_code 携带",
        "The classification code is missing: the DocBits form has no element for it; files written by efapiao carry it as efp:tax_code",
      );
    }
    return compact({
      index: i + 1,
      itemName: item.name,
      name: parts?.name,
      shortName: parts?.shortName,
      code: item.taxCode,
      spec: item.spec,
      unit: item.unit,
      quantity: item.quantity,
      unitPrice: item.unitPrice,
      amount: item.amount,
      taxRate: item.taxRate,
      tax: item.taxAmount,
      policy: null,
    });
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics };

  const direction = directionShownBy(doc.total.withTax);
  const natures = inferLineNatures(lines as Invoice["lines"], direction);
  const notes: Diagnostic[] = [];
  let totalInWords = doc.total.inWords;
  if (totalInWords === undefined) {
    totalInWords = amountInWords(doc.total.withTax);
    notes.push(
      warning("DOCBITS_WORDS_COMPUTED", "/fapiao/total/amount_in_words", {
        zh: `缺少价税合计大写，已按价税合计写出：${totalInWords}`,
        en: `The total in Chinese capitals is missing; written from the total: ${totalInWords}`,
      }),
    );
  }
  const invoice = compact({
    kind,
    kindCode: kind && KIND_CODES[kind],
    issueDate,
    seller: {
      name: doc.seller.name,
      taxId: doc.seller.taxpayerId,
      address: doc.seller.address,
      phone: doc.seller.telephone,
      bankName: doc.seller.bankName,
      bankAccount: doc.seller.bankAccount,
    },
    buyer: {
      name: doc.buyer.name,
      taxId: doc.buyer.taxpayerId,
      address: doc.buyer.address,
      phone: doc.buyer.telephone,
      bankName: doc.buyer.bankName,
      bankAccount: doc.buyer.bankAccount,
      naturalPerson: false,
    },
    lines: lines.map((line, i) => ({ ...line, nature: natures[i] })),
    totals: { amount: doc.total.amount, tax: doc.total.tax, total: doc.total.withTax, totalInWords },
    remarks: doc.remarks,
    drawer: doc.issuer,
  });
  const checked = InvoiceSchema.safeParse(invoice);
  if (checked.success) return { ok: true, value: checked.data, diagnostics: notes };
  return {
    ok: false,
    diagnostics: [...notes, ...zodIssuesToDiagnostics(checked.error.issues, "DOCBITS_INVOICE")],
  };
}

/** DocBits has no red-letter marker; a negative total is the one sign of a red invoice. */
export function directionShownBy(total: string): "blue" | "red" {
  return total.startsWith("-") ? "red" : "blue";
}

function kindOf(type: string | undefined): "special" | "general" | undefined {
  if (type?.includes(TYPE_NAMES.special)) return "special";
  if (type?.includes(TYPE_NAMES.general)) return "general";
  return undefined;
}
