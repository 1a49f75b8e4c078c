import { describe, expect, it } from "vitest";
import { findField } from "./field-names.js";
import { type Invoice, InvoiceSchema } from "./invoice.js";
import { toPlatformView } from "./platform-view.js";

/** A general invoice with a 13% line of 1000.00 and a 100.00 discount: 900.00 + 117.00 = 1017.00. */
const invoice: Invoice = InvoiceSchema.parse({
  kind: "general",
  kindCode: "02",
  issueDate: "2026-05-18",
  seller: {
    name: "上海示例科技有限公司",
    taxId: "91330100716105852F",
    address: "上海市浦东新区示例路 1 号",
    phone: "021-12345678",
    bankName: "示例银行上海分行",
    bankAccount: "6222000011112222",
  },
  buyer: { name: "张三", naturalPerson: true, phone: "13800000000" },
  lines: [
    {
      index: 1,
      nature: "discounted",
      itemName: "*谷物*燕麦",
      name: "燕麦",
      shortName: "谷物",
      code: "1010101020000000000",
      unit: "千克",
      quantity: "100",
      unitPrice: "10",
      amount: "1000.00",
      taxRate: "0.13",
      tax: "130.00",
      policy: null,
    },
    {
      index: 2,
      nature: "discount",
      itemName: "*谷物*燕麦",
      name: "燕麦",
      shortName: "谷物",
      code: "1010101020000000000",
      amount: "-100.00",
      taxRate: "0.13",
      tax: "-13.00",
      policy: null,
    },
  ],
  totals: { amount: "900.00", tax: "117.00", total: "1017.00", totalInWords: "壹仟零壹拾柒圆整" },
});

describe("toPlatformView", () => {
  const view = toPlatformView(invoice);

  it("uses exactly the contract's data-model names, in the contract's order", () => {
    // contracts.md, "Platform data-model view" (发票号码 and 电子签章 exist only after issuance).
    expect(Object.keys(view)).toEqual([
      "发票种类",
      "开票日期",
      "销售方名称",
      "销售方纳税人识别号",
      "销售方地址电话",
      "销售方开户行账号",
      "购买方名称",
      "购买方纳税人识别号",
      "购买方地址电话",
      "购买方开户行账号",
      "明细",
      "合计金额",
      "合计税额",
      "价税合计",
      "价税合计大写",
      "备注",
      "开票人",
    ]);
  });

  it("names the kind as the platform does", () => {
    expect(view.发票种类).toBe("普通发票");
    expect(toPlatformView({ ...invoice, kind: "special", kindCode: "01" }).发票种类).toBe("增值税专用发票");
  });

  it("combines address with phone and bank with account, leaving out what is absent", () => {
    expect(view.销售方地址电话).toBe("上海市浦东新区示例路 1 号 021-12345678");
    expect(view.销售方开户行账号).toBe("示例银行上海分行 6222000011112222");
    expect(view.购买方地址电话).toBe("13800000000");
    expect(view.购买方开户行账号).toBe("");
    expect(view.购买方纳税人识别号).toBe("");
  });

  it("lists every line, discount lines without quantity and unit price", () => {
    expect(view.明细).toEqual([
      {
        项目名称: "*谷物*燕麦",
        税收分类编码: "1010101020000000000",
        规格型号: "",
        单位: "千克",
        数量: "100",
        单价: "10",
        金额: "1000.00",
        税率: "0.13",
        税额: "130.00",
      },
      {
        项目名称: "*谷物*燕麦",
        税收分类编码: "1010101020000000000",
        规格型号: "",
        单位: "",
        数量: "",
        单价: "",
        金额: "-100.00",
        税率: "0.13",
        税额: "-13.00",
      },
    ]);
  });

  it("carries the totals and empty remarks and drawer", () => {
    expect(view).toMatchObject({
      合计金额: "900.00",
      合计税额: "117.00",
      价税合计: "1017.00",
      价税合计大写: "壹仟零壹拾柒圆整",
      备注: "",
      开票人: "",
    });
  });

  it("uses names the field map knows, apart from the four combined party fields", () => {
    const unknown = Object.keys(view).filter((name) => !findField(name));
    expect(unknown).toEqual(["销售方地址电话", "销售方开户行账号", "购买方地址电话", "购买方开户行账号"]);
    for (const name of Object.keys((view.明细 as object[])[0]!))
      expect(findField(`明细.${name}`)).toBeDefined();
  });
});
