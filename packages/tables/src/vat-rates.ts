/**
 * VAT rates (税率, general taxpayers) and levy rates (征收率, the simplified method) with the dates they were
 * in force, so that a rule can accept a 16% line on an invoice dated 2018-06 and reject it on one dated 2024.
 * Rates are decimal-fraction strings, as in the invoice payload ("0.13", "0.015", "0").
 *
 * Periods are inclusive, as ISO dates; a missing `from` means "since before anything efapiao handles" (the
 * rate already existed when the fully digitalized e-fapiao's predecessors were in use), a missing `to`
 * means "still in force".
 */

/** 税率 (applies to general taxpayers) or 征收率 (the simplified method, mostly small-scale taxpayers). */
export type RateKind = "vat" | "levy";

/** An inclusive date range, YYYY-MM-DD. */
export interface RatePeriod {
  readonly from?: string;
  readonly to?: string;
}

export interface TaxRate {
  /** Decimal fraction: "0.13". */
  readonly rate: string;
  readonly kind: RateKind;
  readonly zh: string;
  readonly en: string;
  /** When the rate could be used; several periods when it was abolished and later reintroduced. */
  readonly periods: readonly RatePeriod[];
  /** The documents that set the periods. */
  readonly source: string;
}

const CUT_2018 = "财税〔2018〕32号 (16%/10% from 2018-05-01)";
const CUT_2019 = "财政部 税务总局 海关总署公告2019年第39号 (13%/9% from 2019-04-01)";
const MERGE_2017 = "财税〔2017〕37号 (the 13% bracket merged into 11% from 2017-07-01)";
const VAT_REFORM_2016 = "财税〔2016〕36号 (营改增 nationwide from 2016-05-01)";

/** Every VAT rate and levy rate the platform accepts (the WeChat Pay 数电 API lists the same twelve values). */
export const TAX_RATES: readonly TaxRate[] = [
  {
    rate: "0.13",
    kind: "vat",
    zh: "13%（基本税率）",
    en: "13% (standard rate)",
    periods: [{ to: "2017-06-30" }, { from: "2019-04-01" }],
    source: `${MERGE_2017}; ${CUT_2019}`,
  },
  {
    rate: "0.09",
    kind: "vat",
    zh: "9%（低税率）",
    en: "9% (reduced rate)",
    periods: [{ from: "2019-04-01" }],
    source: CUT_2019,
  },
  { rate: "0.06", kind: "vat", zh: "6%", en: "6% (modern services)", periods: [{}], source: VAT_REFORM_2016 },
  {
    rate: "0",
    kind: "vat",
    zh: "0%（零税率）",
    en: "0% (zero-rated)",
    periods: [{}],
    source: "增值税暂行条例 第二条",
  },
  {
    rate: "0.16",
    kind: "vat",
    zh: "16%（原基本税率）",
    en: "16% (former standard rate)",
    periods: [{ from: "2018-05-01", to: "2019-03-31" }],
    source: `${CUT_2018}; ${CUT_2019}`,
  },
  {
    rate: "0.1",
    kind: "vat",
    zh: "10%（原低税率）",
    en: "10% (former reduced rate)",
    periods: [{ from: "2018-05-01", to: "2019-03-31" }],
    source: `${CUT_2018}; ${CUT_2019}`,
  },
  {
    rate: "0.17",
    kind: "vat",
    zh: "17%（原基本税率）",
    en: "17% (former standard rate)",
    periods: [{ to: "2018-04-30" }],
    source: CUT_2018,
  },
  {
    rate: "0.11",
    kind: "vat",
    zh: "11%（原低税率）",
    en: "11% (former reduced rate)",
    periods: [{ to: "2018-04-30" }],
    source: CUT_2018,
  },
  {
    rate: "0.03",
    kind: "levy",
    zh: "3%（征收率）",
    en: "3% (levy rate)",
    periods: [{}],
    source: "财税〔2009〕9号; 增值税暂行条例 第十二条",
  },
  {
    rate: "0.05",
    kind: "levy",
    zh: "5%（征收率）",
    en: "5% (levy rate, real estate)",
    periods: [{ from: "2016-05-01" }],
    source: VAT_REFORM_2016,
  },
  {
    rate: "0.015",
    kind: "levy",
    zh: "5%减按1.5%",
    en: "5% reduced to 1.5% (individuals renting out housing)",
    periods: [{ from: "2016-05-01" }],
    source: `${VAT_REFORM_2016}; 财政部 税务总局 住房城乡建设部公告2021年第24号`,
  },
  {
    rate: "0.01",
    kind: "levy",
    zh: "3%减按1%",
    en: "3% reduced to 1% (small-scale taxpayers)",
    // 2022-04-01..2022-12-31 small-scale taxpayers were exempt instead (公告2022年第15号), hence the gap.
    periods: [
      { from: "2020-03-01", to: "2022-03-31" },
      { from: "2023-01-01", to: "2027-12-31" },
    ],
    source:
      "财政部 税务总局公告2020年第13号 (extended by 2020年第24号, 2021年第7号); 2023年第1号; 2023年第19号",
  },
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when `date` (YYYY-MM-DD) falls in one of the rate's periods.
 * @example
 * const sixteen = TAX_RATES.find((r) => r.rate === "0.16")!;
 * isRateInForce(sixteen, "2019-03-31") // true
 * isRateInForce(sixteen, "2019-04-01") // false
 */
export function isRateInForce(rate: TaxRate, date: string): boolean {
  if (!ISO_DATE.test(date)) return false;
  // ISO dates compare correctly as strings, so no Date (and no time zone) is involved.
  return rate.periods.some((period) => (period.from ?? "") <= date && date <= (period.to ?? "9999-12-31"));
}

/**
 * The rates that could be used on an invoice issued on `date` (YYYY-MM-DD), optionally of one kind only.
 * A malformed date matches nothing.
 * @example
 * ratesInForce("2018-06-01", "vat").map((r) => r.rate) // ["0.06", "0", "0.16", "0.1"]
 * ratesInForce("2024-01-01", "vat").map((r) => r.rate) // ["0.13", "0.09", "0.06", "0"]
 */
export function ratesInForce(date: string, kind?: RateKind): TaxRate[] {
  return TAX_RATES.filter((rate) => (kind === undefined || rate.kind === kind) && isRateInForce(rate, date));
}

/**
 * Every rate this table knows, whatever the date: used by the importer to tell a typo from a real rate.
 * @example
 * isKnownRate("0.015") // true
 * isKnownRate("0.14")  // false
 */
export function isKnownRate(rate: string): boolean {
  return knownRates.has(rate);
}

const knownRates = new Set(TAX_RATES.map((rate) => rate.rate));
