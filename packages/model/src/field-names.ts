/**
 * The English ⇄ platform-name field map. Tax documents and the STA's data model name fields in Chinese
 * (购买方纳税人识别号, 明细.金额); code and JSON use English paths (buyer.taxId, lines[].amount). One table
 * serves the platform view (`efapiao build --view platform`) and the rule language, which accepts both.
 */

export interface FieldName {
  /** English path; `lines[].x` is a field of each line. */
  path: string;
  /** The platform's data-model name; line fields are written `明细.x`. */
  zh: string;
  /** What the field is, in English, for documentation and "did you mean" hints. */
  en: string;
  type: "text" | "decimal" | "money" | "rate" | "date" | "boolean" | "integer" | "list";
}

export const FIELD_NAMES: readonly FieldName[] = [
  {
    path: "requestKey",
    zh: "请求流水号",
    en: "request key for issuing exactly once (Nuonuo orderNo, Baiwang serialNo)",
    type: "text",
  },
  { path: "kind", zh: "发票种类", en: "invoice kind (special | general)", type: "text" },
  { path: "kindCode", zh: "发票种类代码", en: "invoice kind code (01 special, 02 general)", type: "text" },
  { path: "issueDate", zh: "开票日期", en: "issue date", type: "date" },
  { path: "number", zh: "发票号码", en: "20-digit invoice number (after issuance)", type: "text" },
  { path: "seller.name", zh: "销售方名称", en: "seller name", type: "text" },
  { path: "seller.taxId", zh: "销售方纳税人识别号", en: "seller tax id", type: "text" },
  { path: "seller.address", zh: "销售方地址", en: "seller address", type: "text" },
  { path: "seller.phone", zh: "销售方电话", en: "seller phone", type: "text" },
  { path: "seller.bankName", zh: "销售方开户行", en: "seller bank", type: "text" },
  { path: "seller.bankAccount", zh: "销售方银行账号", en: "seller bank account", type: "text" },
  { path: "buyer.name", zh: "购买方名称", en: "buyer name", type: "text" },
  { path: "buyer.taxId", zh: "购买方纳税人识别号", en: "buyer tax id", type: "text" },
  { path: "buyer.naturalPerson", zh: "购买方是否自然人", en: "buyer is a natural person", type: "boolean" },
  { path: "buyer.address", zh: "购买方地址", en: "buyer address", type: "text" },
  { path: "buyer.phone", zh: "购买方电话", en: "buyer phone", type: "text" },
  { path: "buyer.bankName", zh: "购买方开户行", en: "buyer bank", type: "text" },
  { path: "buyer.bankAccount", zh: "购买方银行账号", en: "buyer bank account", type: "text" },
  { path: "pricesIncludeTax", zh: "含税标志", en: "prices include tax", type: "boolean" },
  { path: "lines", zh: "明细", en: "invoice lines", type: "list" },
  { path: "lines[].index", zh: "明细.序号", en: "line number (1-based)", type: "integer" },
  {
    path: "lines[].nature",
    zh: "明细.发票行性质",
    en: "line nature (normal | discounted | discount)",
    type: "text",
  },
  { path: "lines[].itemName", zh: "明细.项目名称", en: "printed item name *简称*名称", type: "text" },
  { path: "lines[].name", zh: "明细.商品名称", en: "item name without the short-name prefix", type: "text" },
  {
    path: "lines[].shortName",
    zh: "明细.商品服务简称",
    en: "short name (简称) of the classification code",
    type: "text",
  },
  { path: "lines[].code", zh: "明细.税收分类编码", en: "19-digit classification code", type: "text" },
  { path: "lines[].spec", zh: "明细.规格型号", en: "specification / model", type: "text" },
  { path: "lines[].unit", zh: "明细.单位", en: "unit of measure", type: "text" },
  { path: "lines[].quantity", zh: "明细.数量", en: "quantity", type: "decimal" },
  {
    path: "lines[].unitPrice",
    zh: "明细.单价",
    en: "unit price (tax-exclusive on the invoice)",
    type: "decimal",
  },
  {
    path: "lines[].amount",
    zh: "明细.金额",
    en: "line amount (tax-exclusive on the invoice)",
    type: "money",
  },
  { path: "lines[].taxRate", zh: "明细.税率", en: "tax rate", type: "rate" },
  { path: "lines[].tax", zh: "明细.税额", en: "line tax", type: "money" },
  { path: "lines[].policy", zh: "明细.优惠政策标识", en: "preferential policy flag 01–18", type: "text" },
  { path: "lines[].discount", zh: "明细.折扣金额", en: "discount amount (sale document)", type: "money" },
  { path: "totals.amount", zh: "合计金额", en: "total amount excluding tax", type: "money" },
  { path: "totals.tax", zh: "合计税额", en: "total tax", type: "money" },
  { path: "totals.total", zh: "价税合计", en: "total including tax", type: "money" },
  {
    path: "totals.totalInWords",
    zh: "价税合计大写",
    en: "total including tax in Chinese capitals",
    type: "text",
  },
  { path: "remarks", zh: "备注", en: "remarks", type: "text" },
  { path: "direction", zh: "蓝字发票标志", en: "blue (normal) or red (reversal) invoice", type: "text" },
  {
    path: "red.originalNumber",
    zh: "被红冲蓝字数电票号码",
    en: "number of the blue invoice a red invoice reverses",
    type: "text",
  },
  {
    path: "red.confirmationFormNumber",
    zh: "红字发票信息确认单编号",
    en: "number of the red-letter confirmation form",
    type: "text",
  },
  { path: "drawer", zh: "开票人", en: "drawer (person issuing)", type: "text" },
];

const byPath = new Map(FIELD_NAMES.map((f) => [f.path, f]));
const byZh = new Map(FIELD_NAMES.map((f) => [f.zh, f]));

/**
 * Finds a field by its English path or its platform name.
 * @example
 * findField("购买方纳税人识别号")?.path // "buyer.taxId"
 * findField("明细.金额")?.path          // "lines[].amount"
 */
export function findField(name: string): FieldName | undefined {
  return byPath.get(name) ?? byZh.get(name);
}
