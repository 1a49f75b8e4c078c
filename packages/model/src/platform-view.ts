/**
 * The platform data-model view of an invoice (contracts.md, "Platform data-model view"): the same invoice
 * keyed by the names of the STA's seed document, as `efapiao build --view platform` prints it.
 */
import type { Invoice } from "./invoice.js";

const KIND_NAMES = { special: "增值税专用发票", general: "普通发票" } as const;

/** Joins the parts that the platform prints in one field (地址电话, 开户行账号), skipping absent ones. */
function joined(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p !== "").join(" ");
}

/**
 * @example
 * toPlatformView(invoice)["价税合计大写"] // "壹拾万陆仟圆整"
 */
export function toPlatformView(invoice: Invoice): Record<string, unknown> {
  const { seller, buyer, totals } = invoice;
  return {
    发票种类: KIND_NAMES[invoice.kind],
    开票日期: invoice.issueDate,
    销售方名称: seller.name,
    销售方纳税人识别号: seller.taxId,
    销售方地址电话: joined(seller.address, seller.phone),
    销售方开户行账号: joined(seller.bankName, seller.bankAccount),
    购买方名称: buyer.name,
    购买方纳税人识别号: buyer.taxId ?? "",
    购买方地址电话: joined(buyer.address, buyer.phone),
    购买方开户行账号: joined(buyer.bankName, buyer.bankAccount),
    明细: invoice.lines.map((line) => ({
      项目名称: line.itemName,
      税收分类编码: line.code,
      规格型号: line.spec ?? "",
      单位: line.unit ?? "",
      数量: line.quantity ?? "",
      单价: line.unitPrice ?? "",
      金额: line.amount,
      税率: line.taxRate,
      税额: line.tax,
    })),
    合计金额: totals.amount,
    合计税额: totals.tax,
    价税合计: totals.total,
    价税合计大写: totals.totalInWords,
    备注: invoice.remarks ?? "",
    开票人: invoice.drawer ?? "",
  };
}
