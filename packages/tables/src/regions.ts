/**
 * Province-level regions as the e-fapiao uses them: digits 3–4 of the 20-digit invoice number, and the
 * 11-digit tax-bureau code of the issuing bureau (`TaxSupervisionInfo/TaxBureauCode` in the platform XML).
 *
 * Sources: region codes are GB/T 2260 (国家统计局 2023 统计用区划代码, checked against
 * `shared/data/regions/provinces.csv` by the tests). The invoice-number rule (digits 3–4 = the province's
 * 行政区划代码, 计划单列市 have their own code) is from apifox doc-4135415 and agrees with every sample
 * (`24442000000036916313` = 2024, 44 Guangdong). The tax-bureau code `1` + 6-digit region + `0000` is from
 * the samples (14400000000 国家税务总局广东省税务局) and shared/data/SOURCE.md.
 *
 * The two-digit invoice-number codes of the five 计划单列市 (大连, 青岛, 宁波, 厦门, 深圳) could not be
 * confirmed from any public source; they are left out (`invoiceNumberCode` undefined, `verified: false`) and
 * can be supplied through the `invoiceNumberCodes` option of {@link regionOfInvoiceNumber}.
 */

export type RegionKind = "province" | "autonomousRegion" | "municipality" | "separatelyPlannedCity";

export interface Region {
  /** 6-digit GB/T 2260 code: "440000" for a province, "440300" for 深圳. */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly kind: RegionKind;
  /** Digits 3–4 of the invoice numbers issued there; undefined where not known. */
  readonly invoiceNumberCode?: string;
  /** False where `invoiceNumberCode` is not confirmed by a source (the 计划单列市). */
  readonly verified: boolean;
  /** The 11-digit code of its tax bureau: `1` + region code + `0000`. */
  readonly taxBureauCode: string;
  /** 国家税务总局…税务局. */
  readonly taxBureauName: string;
}

type Row = [code: string, zh: string, en: string, kind: RegionKind];

const ROWS: readonly Row[] = [
  ["110000", "北京市", "Beijing", "municipality"],
  ["120000", "天津市", "Tianjin", "municipality"],
  ["130000", "河北省", "Hebei", "province"],
  ["140000", "山西省", "Shanxi", "province"],
  ["150000", "内蒙古自治区", "Inner Mongolia", "autonomousRegion"],
  ["210000", "辽宁省", "Liaoning", "province"],
  ["220000", "吉林省", "Jilin", "province"],
  ["230000", "黑龙江省", "Heilongjiang", "province"],
  ["310000", "上海市", "Shanghai", "municipality"],
  ["320000", "江苏省", "Jiangsu", "province"],
  ["330000", "浙江省", "Zhejiang", "province"],
  ["340000", "安徽省", "Anhui", "province"],
  ["350000", "福建省", "Fujian", "province"],
  ["360000", "江西省", "Jiangxi", "province"],
  ["370000", "山东省", "Shandong", "province"],
  ["410000", "河南省", "Henan", "province"],
  ["420000", "湖北省", "Hubei", "province"],
  ["430000", "湖南省", "Hunan", "province"],
  ["440000", "广东省", "Guangdong", "province"],
  ["450000", "广西壮族自治区", "Guangxi", "autonomousRegion"],
  ["460000", "海南省", "Hainan", "province"],
  ["500000", "重庆市", "Chongqing", "municipality"],
  ["510000", "四川省", "Sichuan", "province"],
  ["520000", "贵州省", "Guizhou", "province"],
  ["530000", "云南省", "Yunnan", "province"],
  ["540000", "西藏自治区", "Xizang (Tibet)", "autonomousRegion"],
  ["610000", "陕西省", "Shaanxi", "province"],
  ["620000", "甘肃省", "Gansu", "province"],
  ["630000", "青海省", "Qinghai", "province"],
  ["640000", "宁夏回族自治区", "Ningxia", "autonomousRegion"],
  ["650000", "新疆维吾尔自治区", "Xinjiang", "autonomousRegion"],
  ["210200", "大连市", "Dalian", "separatelyPlannedCity"],
  ["330200", "宁波市", "Ningbo", "separatelyPlannedCity"],
  ["350200", "厦门市", "Xiamen", "separatelyPlannedCity"],
  ["370200", "青岛市", "Qingdao", "separatelyPlannedCity"],
  ["440300", "深圳市", "Shenzhen", "separatelyPlannedCity"],
];

/** The 31 province-level divisions of the mainland and the 5 计划单列市, each with its tax bureau. */
export const REGIONS: readonly Region[] = ROWS.map(([code, zh, en, kind]): Region => {
  const plannedCity = kind === "separatelyPlannedCity";
  return {
    code,
    zh,
    en,
    kind,
    invoiceNumberCode: plannedCity ? undefined : code.slice(0, 2),
    verified: !plannedCity,
    taxBureauCode: taxBureauCodeFor(code),
    taxBureauName: `国家税务总局${zh}税务局`,
  };
});

const byRegionCode = new Map(REGIONS.map((region) => [region.code, region]));
const byTaxBureau = new Map(REGIONS.map((region) => [region.taxBureauCode, region]));
const byInvoiceNumberCode = new Map(
  REGIONS.filter((region) => region.invoiceNumberCode !== undefined).map((region) => [
    region.invoiceNumberCode!,
    region,
  ]),
);

/**
 * The tax-bureau code of a region: `1` + its 6-digit code + `0000`.
 * @example
 * taxBureauCodeFor("440000") // "14400000000"
 */
export function taxBureauCodeFor(regionCode: string): string {
  return `1${regionCode}0000`;
}

/**
 * The region (province or 计划单列市) with this 6-digit code.
 * @example
 * regionByCode("330000")?.zh // "浙江省"
 */
export function regionByCode(code: string): Region | undefined {
  return byRegionCode.get(code);
}

/**
 * The region whose provincial-level tax bureau has this 11-digit code.
 * @example
 * regionByTaxBureauCode("13300000000")?.en // "Zhejiang"
 */
export function regionByTaxBureauCode(code: string): Region | undefined {
  return byTaxBureau.get(code);
}

export interface InvoiceNumberRegionOptions {
  /**
   * Extra or corrected two-digit codes, mapped to a 6-digit region code of {@link REGIONS}; e.g. the code a
   * 计划单列市 turns out to use. They take precedence over the built-in codes.
   */
  invoiceNumberCodes?: Readonly<Record<string, string>>;
}

/**
 * The region that issued a 20-digit fully digitalized invoice number (from digits 3–4), or undefined when
 * the number is malformed or the code unknown.
 * @example
 * regionOfInvoiceNumber("24442000000036916313")?.zh // "广东省"
 * regionOfInvoiceNumber("24992000000036916313")     // undefined
 */
export function regionOfInvoiceNumber(
  number: string,
  options: InvoiceNumberRegionOptions = {},
): Region | undefined {
  if (!/^\d{20}$/.test(number)) return undefined;
  const code = number.slice(2, 4);
  const configured = options.invoiceNumberCodes?.[code];
  if (configured !== undefined) return byRegionCode.get(configured);
  return byInvoiceNumberCode.get(code);
}
