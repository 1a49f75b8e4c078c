/**
 * 特定业务 / 特定要素 codes: an invoice for one of these businesses carries extra fields (建筑服务: 发生地,
 * 项目名称 …; 旅客运输: travellers …). Source: domain-facts.md ("Specific business"); the same list appears in
 * the 乐企 and provider field lists (`tdys`, `specificFactor`).
 */
import { codeLookup, type LabelledCode } from "./labels.js";

export const SPECIFIC_BUSINESSES: readonly LabelledCode[] = [
  { code: "01", zh: "成品油", en: "Refined oil products" },
  { code: "02", zh: "稀土", en: "Rare earths" },
  { code: "03", zh: "建筑服务", en: "Construction services" },
  { code: "04", zh: "货物运输", en: "Freight transport" },
  { code: "05", zh: "不动产销售", en: "Sale of real estate" },
  { code: "06", zh: "不动产经营租赁", en: "Operating lease of real estate" },
  { code: "07", zh: "代收车船税", en: "Vehicle and vessel tax collected on behalf" },
  { code: "08", zh: "通行费", en: "Road tolls" },
  { code: "09", zh: "旅客运输", en: "Passenger transport" },
  { code: "10", zh: "医疗住院", en: "Medical services (inpatient)" },
  { code: "11", zh: "医疗门诊", en: "Medical services (outpatient)" },
  { code: "12", zh: "自产农产品销售", en: "Sale of self-produced farm products" },
  { code: "13", zh: "拖拉机和联合收割机", en: "Tractors and combine harvesters" },
  { code: "14", zh: "机动车", en: "Motor vehicles" },
  { code: "15", zh: "二手车", en: "Used vehicles" },
  { code: "16", zh: "农产品收购", en: "Purchase of farm products" },
  { code: "17", zh: "光伏收购", en: "Purchase of photovoltaic power" },
  { code: "18", zh: "卷烟", en: "Cigarettes" },
];

/**
 * The specific business with this code.
 * @example
 * specificBusiness("03")?.en // "Construction services"
 */
export const specificBusiness: (code: string) => LabelledCode | undefined = codeLookup(SPECIFIC_BUSINESSES);
