/**
 * Every published Nuonuo result code: requestBillingNew's list
 * (samples/providers/nuonuo-requestBillingNew.error-codes.txt), the codes in Odoo's client and tests
 * (E9106, E9500, E9613, E9999, the 0701xx credential codes), with what each means for the caller.
 */
import { type CodeTable, meaning } from "@efapiao/provider-utils";

const refused = (zh: string, en: string) => meaning("refused", false, zh, en);

export const SUCCESS = "E0000";
export const DUPLICATE_ORDER = "E9106";
export const NOT_FOUND = "E9500";

export const NUONUO_CODES: CodeTable = {
  E4000: refused("诺诺：必填参数缺失或取值不对", "Nuonuo: a required parameter is missing or invalid"),
  E9101: refused("诺诺：开票类型错误（1 蓝票 2 红票）", "Nuonuo: invalid invoiceType (1 blue, 2 red)"),
  E9102: refused("诺诺：发票号码或发票代码不正确", "Nuonuo: wrong invoice number or code"),
  E9103: refused("诺诺：该发票不能重复冲红", "Nuonuo: this invoice was already reversed"),
  E9104: refused("诺诺：购方邮箱不能超过 50 位", "Nuonuo: the buyer's e-mail exceeds 50 characters"),
  E9105: refused(
    "诺诺：折扣行的商品名称必须和被折扣行相同",
    "Nuonuo: a discount line must carry its discounted line's name",
  ),
  E9106: meaning(
    "duplicate",
    false,
    "诺诺：订单编号已使用过，请按请求号查询结果，不要重新开票",
    "Nuonuo: the order number (request key) was used before; query its outcome, do not issue again",
  ),
  E9107: refused("诺诺：代开标志只能为 0 和 1", "Nuonuo: proxyInvoiceFlag must be 0 or 1"),
  E9108: refused(
    "诺诺：折扣行金额不能大于被折扣行的金额",
    "Nuonuo: a discount is larger than its discounted line",
  ),
  E9110: refused(
    "诺诺：折扣行必须紧挨被折扣行之后",
    "Nuonuo: a discount line must follow its discounted line",
  ),
  E9111: refused(
    "诺诺：蓝票折扣行商品数量应为负",
    "Nuonuo: a blue discount line's quantity must be negative",
  ),
  E9112: refused(
    "诺诺：折扣行税率必须和被折扣行相同",
    "Nuonuo: a discount line must have its discounted line's rate",
  ),
  E9113: refused(
    "诺诺：红票购方地址与蓝票不符",
    "Nuonuo: the red invoice's buyer address differs from the blue one",
  ),
  E9114: refused(
    "诺诺：蓝票被折扣行商品数量应为正",
    "Nuonuo: a blue discounted line's quantity must be positive",
  ),
  E9115: refused(
    "诺诺：红票购方电话与蓝票不符",
    "Nuonuo: the red invoice's buyer phone differs from the blue one",
  ),
  E9116: refused("诺诺：红票折扣行商品数量应为正", "Nuonuo: a red discount line's quantity must be positive"),
  E9117: refused(
    "诺诺：红票购方名称与蓝票不符",
    "Nuonuo: the red invoice's buyer name differs from the blue one",
  ),
  E9118: refused(
    "诺诺：红票购方税号与蓝票不符",
    "Nuonuo: the red invoice's buyer tax id differs from the blue one",
  ),
  E9119: refused(
    "诺诺：红票被折扣行商品数量应为负",
    "Nuonuo: a red discounted line's quantity must be negative",
  ),
  E9120: refused(
    "诺诺：红票购方银行账号与蓝票不符",
    "Nuonuo: the red invoice's buyer bank account differs from the blue one",
  ),
  E9121: refused("诺诺：获取商品编码失败", "Nuonuo: no classification code (goodsCode)"),
  E9122: refused("诺诺：商品明细为空", "Nuonuo: the invoice has no lines"),
  E9123: refused(
    "诺诺：单价为空时含税金额、不含税金额、税额都不能为空",
    "Nuonuo: without a unit price, the amounts with and without tax and the tax are all required",
  ),
  E9124: refused("诺诺：含税金额不能超过 20 位", "Nuonuo: the amount including tax exceeds 20 digits"),
  E9125: refused("诺诺：含税金额只能是数字", "Nuonuo: the amount including tax must be numeric"),
  E9126: refused("诺诺：不含税金额不能超过 20 位", "Nuonuo: the amount excluding tax exceeds 20 digits"),
  E9127: refused("诺诺：不含税金额只能是数字", "Nuonuo: the amount excluding tax must be numeric"),
  E9128: refused("诺诺：税额不能超过 20 位", "Nuonuo: the tax exceeds 20 digits"),
  E9129: refused("诺诺：税额只能是数字", "Nuonuo: the tax must be numeric"),
  E9130: refused(
    "诺诺：不含税金额 + 税额不等于含税金额",
    "Nuonuo: amount + tax is not the amount including tax",
  ),
  E9131: refused(
    "诺诺：金额 × 税率 − 税额 超过 0.06",
    "Nuonuo: |amount × rate − tax| exceeds 0.06 on a line",
  ),
  E9138: refused(
    "诺诺：商品编码获取异常（未传 goodsCode）",
    "Nuonuo: the classification code could not be determined",
  ),
  E9154: refused(
    "诺诺：订单拆分后超过 10 张发票",
    "Nuonuo: the order would split into more than 10 invoices",
  ),
  E9301: meaning(
    "credentials",
    false,
    "诺诺：企业信息未备案",
    "Nuonuo: the seller is not registered with Nuonuo",
  ),
  E9302: meaning(
    "credentials",
    false,
    "诺诺：身份认证与当前企业税号不符（userTax 与 salerTaxNum 不同）",
    "Nuonuo: the userTax header and salerTaxNum differ",
  ),
  E9338: meaning(
    "credentials",
    false,
    "诺诺：该企业无权限调用 API 开票",
    "Nuonuo: the company may not issue through the API",
  ),
  E9500: meaning("not-found", false, "诺诺：没有该订单的发票", "Nuonuo: no invoice for that order"),
  E9613: meaning(
    "limit",
    true,
    "诺诺：同一流水号单日最多重试 20 次",
    "Nuonuo: at most 20 re-seal attempts per serial per day",
  ),
  E9999: meaning("duplicate", false, "诺诺：申请号重复", "Nuonuo: the application number was used before"),
  "070101": meaning("credentials", false, "诺诺：appKey 无效或获取密钥失败", "Nuonuo: invalid appKey"),
  "070304": meaning("credentials", false, "诺诺：凭据错误", "Nuonuo: bad credentials"),
  "070305": meaning("credentials", false, "诺诺：凭据错误", "Nuonuo: bad credentials"),
  "070306": meaning(
    "limit",
    true,
    "诺诺：token 调用次数已达上限",
    "Nuonuo: the token call limit was reached",
  ),
  "070307": meaning("credentials", false, "诺诺：应用类型错误", "Nuonuo: wrong application type"),
};
