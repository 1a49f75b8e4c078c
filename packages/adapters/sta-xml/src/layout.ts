/**
 * The EInvoice layout: every element efapiao reads and writes, in the order the platform's files have
 * them (`gd-special-1pct-inclusive.xml`, version 0.31, and `mof-official-special.xml`, version 0.2, agree).
 * The writer emits children in this order; the reader uses it to tell known elements from extra ones.
 */

export const LAYOUT = {
  EInvoice: ["Header", "EInvoiceData", "SellerAuthentication", "TaxSupervisionInfo", "TaxBureauSignature"],
  Header: ["EIid", "EInvoiceTag", "Version", "InherentLabel", "UndefinedLabel"],
  InherentLabel: ["InIssuType", "EInvoiceType", "GeneralOrSpecialVAT", "TaxpayerType"],
  UndefinedLabel: ["Label"],
  Label: ["LabelType", "LabelCode", "LabelName"],
  EInvoiceData: [
    "SellerInformation",
    "BuyerInformation",
    "BasicInformation",
    "IssuItemInformation",
    "SpecificInformation",
    "AdditionalInformation",
  ],
  SellerInformation: [
    "SellerIdNum",
    "SellerName",
    "SellerAddr",
    "SellerTelNum",
    "SellerBankName",
    "SellerBankAccNum",
  ],
  BuyerInformation: [
    "BuyerIdNum",
    "BuyerName",
    "BuyerAddr",
    "BuyerTelNum",
    "BuyerBankName",
    "BuyerBankAccNum",
  ],
  BasicInformation: [
    "TotalAmWithoutTax",
    "TotalTaxAm",
    "TotalTax-includedAmount",
    "TotalTax-includedAmountInChinese",
    "Drawer",
    "RequestTime",
  ],
  IssuItemInformation: [
    "ItemName",
    "SpecMod",
    "MeaUnits",
    "Quantity",
    "UnPrice",
    "Amount",
    "TaxRate",
    "ComTaxAm",
    "TotaltaxIncludedAmount",
    "TaxClassificationCode",
  ],
  RedEInvoice: ["OriginalInvoiceCode", "CreditNoteNumber"],
  AdditionalInformation: ["Remark"],
  TaxSupervisionInfo: ["InvoiceNumber", "IssueTime", "TaxBureauCode", "TaxBureauName"],
} as const satisfies Record<string, readonly string[]>;

export type Container = keyof typeof LAYOUT;

/** Party fields: element names of SellerInformation / BuyerInformation and the model's keys. */
export const PARTY_FIELDS = {
  seller: [
    ["SellerIdNum", "taxId"],
    ["SellerName", "name"],
    ["SellerAddr", "address"],
    ["SellerTelNum", "phone"],
    ["SellerBankName", "bankName"],
    ["SellerBankAccNum", "bankAccount"],
  ],
  buyer: [
    ["BuyerIdNum", "taxId"],
    ["BuyerName", "name"],
    ["BuyerAddr", "address"],
    ["BuyerTelNum", "phone"],
    ["BuyerBankName", "bankName"],
    ["BuyerBankAccNum", "bankAccount"],
  ],
} as const;

/** InIssuType: Y blue, N red; the label's name is the same for both. */
export const DIRECTION_CODES = { blue: "Y", red: "N" } as const;
export const IN_ISSU_TYPE_NAME = "是否蓝字发票标志";
/** GeneralOrSpecialVAT names by kind (codes are KIND_CODES of the model). */
export const KIND_NAMES = { special: "增值税专用发票", general: "普通发票" } as const;
/** EInvoiceType on every file seen. */
export const DEFAULT_EINVOICE_TYPE = { code: "01", name: "电子发票" } as const;

/**
 * Versions efapiao has been checked against: 0.2 (mof-official-special.xml) to 0.33. Others are read on
 * a best-effort basis with a warning.
 */
export const SUPPORTED_VERSIONS = { from: [0, 2], to: [0, 33] } as const;

/** The version the writer puts on new files: the newest one of which a real file has been seen (0.31). */
export const DEFAULT_VERSION = "0.31";
