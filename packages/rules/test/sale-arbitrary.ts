/**
 * Generated sale documents that a careful user could write and the standard pack accepts as they stand:
 * special and general invoices, companies and natural persons, legacy and USCC tax ids with correct check
 * characters, tax-inclusive and tax-exclusive prices, every way of giving a line's money (quantity and
 * price, an amount, quantity and amount, all three within the 0.01 the contract allows), discounts down to
 * one cent, every VAT and levy rate the code allows with the policy flags that go with it, decimals as JSON
 * strings and as JSON numbers, names with and without their *简称* prefix, lengths up to the limits.
 *
 * Everything here is written from the domain facts (domain-facts.md), not from the code under test: the
 * check characters are computed again from GB 32100 and GB 11643.
 */
import { builtinCodeTable } from "@efapiao/tables";
import fc from "fast-check";

/** GB 32100-2015: the 31 characters and the weights of positions 1–17. */
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The 18th character of a USCC whose first 17 are given. */
export function usccCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** GB 11643 / ISO 7064 MOD 11-2: the 18th character of an ID card number whose first 17 digits are given. */
export function idCardCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? "X" : String(check);
}

/**
 * `length` characters of `alphabet`, spelt from one random integer: far cheaper to generate than an array
 * of characters (these texts only need to vary, not to shrink character by character).
 */
function spelt(alphabet: string, length: number, seed: number): string {
  let out = "";
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    // xorshift32: a fixed sequence per seed
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % alphabet.length];
  }
  return out;
}

const chars = (alphabet: string, length: number) => fc.nat().map((seed) => spelt(alphabet, length, seed));

const DIGITS = "0123456789";
const CAPITALS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A USCC with a correct check character: 2 characters, a 6-digit region, 9 characters, check. */
const usccArb = fc
  .tuple(chars(USCC_CHARS, 2), chars(DIGITS, 6), chars(USCC_CHARS, 9))
  .map(([head, region, organisation]) => {
    const body = head + region + organisation;
    return body + usccCheck(body);
  });

/** A legacy 税号 of 15, 17 or 20 capitals and digits (no checksum is defined for them). */
const legacyTaxIdArb = fc
  .tuple(fc.constantFrom(15, 17, 20), fc.nat())
  .map(([length, seed]) => spelt(CAPITALS, length, seed));

/** An ID card number: 6-digit region, a birth date, 3 digits, check. */
const idCardArb = fc
  .tuple(
    chars(DIGITS, 6),
    fc.date({ min: new Date("1940-01-01"), max: new Date("2008-12-31"), noInvalidDate: true }),
    chars(DIGITS, 3),
  )
  .map(([region, birth, sequence]) => {
    const body = region + birth.toISOString().slice(0, 10).replaceAll("-", "") + sequence;
    return body + idCardCheck(body);
  });

const companyTaxIdArb = fc.oneof({ weight: 4, arbitrary: usccArb }, { weight: 1, arbitrary: legacyTaxIdArb });

const HANZI =
  "软件开发服务咨询设计餐饮住宿运输纸制品茶饮料物业管理技术有限公司上海北京广州深圳张王李赵伟芳娜";
/** Between `min` and `max` Chinese characters. */
const hanzi = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max }), fc.nat()).map(([length, seed]) => spelt(HANZI, length, seed));

/** Optional texts (address, phone, bank, account; spec, unit…): present when its bit in `mask` is set. */
const optional = (mask: number, bit: number, text: () => string) => ((mask >> bit) & 1 ? text() : undefined);

/** A company as seller or buyer: name, tax id and any of the four contact fields. */
const companyArb = fc
  .tuple(hanzi(2, 40), companyTaxIdArb, fc.nat(15), fc.nat())
  .map(([name, taxId, mask, seed]) => {
    const company: Record<string, unknown> = { name, taxId };
    const fields = {
      address: optional(mask, 0, () => spelt(HANZI, 1 + (seed % 30), seed)),
      phone: optional(mask, 1, () => spelt(DIGITS, 11, seed)),
      bankName: optional(mask, 2, () => spelt(HANZI, 2 + (seed % 19), seed + 1)),
      bankAccount: optional(mask, 3, () => spelt(DIGITS, 16, seed + 2)),
    };
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) company[key] = value;
    return company;
  });

/** A buyer for the kind: special invoices go to companies only (FP-KD-01, FP-KD-03). */
function buyerArb(kind: "special" | "general") {
  const company = companyArb.map((c) => ({ ...c, naturalPerson: false }));
  if (kind === "special") return company;
  const person = fc
    .tuple(hanzi(2, 4), fc.option(idCardArb, { nil: undefined }))
    .map(([name, taxId]) =>
      taxId === undefined ? { name, naturalPerson: true } : { name, taxId, naturalPerson: true },
    );
  return fc.oneof(company, person);
}

/** A positive decimal: `units` × 10^-scale. */
export interface Dec {
  units: bigint;
  scale: number;
}

/** Decimal text, trailing zeros kept as generated ("1.50"). */
export const textOf = ({ units, scale }: Dec): string => {
  const digits = units.toString().padStart(scale + 1, "0");
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
};

/**
 * A positive quantity or price within the e-tax bureau's entry limits (domain-facts.md): at most 13
 * decimals, 12 integer digits and 16 characters; `significant` digits of `seed`, point placed by `scale`.
 */
function entryOf(significant: number, scale: number, seed: number): Dec {
  const digits = String(seed % 10 ** significant || 1);
  // at most 16 characters (the point counts; a leading "0." too), at most 12 integer digits
  let fits = Math.min(scale, 13);
  while (fits > 0 && Math.max(digits.length, fits + 1) + 1 > 16) fits--;
  const units = BigInt(digits);
  if (digits.length - fits > 12)
    return { units: units / 10n ** BigInt(digits.length - fits - 12), scale: fits };
  return { units, scale: fits };
}

/** Cents of a decimal, rounded half away from zero (positive values only here). */
export function centsOf({ units, scale }: Dec): bigint {
  if (scale <= 2) return units * 10n ** BigInt(2 - scale);
  const d = 10n ** BigInt(scale - 2);
  return (units + d / 2n) / d;
}

/** The leaf codes of the built-in table with the rates it allows and their short names. */
const LEAVES = [
  "3040201010000000000",
  "3040203000000000000",
  "3040301990000000000",
  "3040603990000000000",
  "3040801010000000000",
  "3049900000000000000",
  "3070401000000000000",
  "3070402000000000000",
  "3010102990100000000",
  "1060105020000000000",
  "1030307050000000000",
].map((code) => {
  const entry = builtinCodeTable().get(code);
  if (!entry || entry.summary) throw new Error(`generator: ${code} is not a leaf of the built-in table`);
  return { code, rates: entry.rates, shortName: entry.shortName };
});

/**
 * Rates with the policy flags that may go with them: the code's own rate with no flag or a flag that does
 * not constrain the rate (即征即退, 超税负); levy rates (征收率) with none, 01, or their own 08/09/10
 * (FP-RT-06); 0% — general invoices only (FP-KD-02) — flagged 03 or 04 (FP-RT-03; unflagged is FP-RT-04's
 * warning).
 */
const FREE_POLICIES = [undefined, "02", "05", "06", "07", "11", "12", "13", "14", "15", "16", "17", "18"];
const LEVY: [string, (string | undefined)[]][] = [
  ["0.03", [undefined, "01", "08"]],
  ["0.05", [undefined, "01", "09"]],
  ["0.015", [undefined, "01", "10"]],
  ["0.01", [undefined, "01"]],
];
const ZERO: [string, (string | undefined)[]] = ["0", [undefined, "03", "04"]];

function rateAndPolicy(codeRates: string[], kind: "special" | "general", pick: number) {
  const choices: [string, (string | undefined)[]][] = [
    ...codeRates.map((r): [string, (string | undefined)[]] => [r, FREE_POLICIES]),
    ...LEVY,
    ...(kind === "general" ? [ZERO] : []),
  ];
  const [rate, policies] = choices[pick % choices.length]!;
  return { rate, policy: policies[Math.floor(pick / choices.length) % policies.length] };
}

const PERCENT: Record<string, string> = {
  "0": "0%",
  "0.01": "1%",
  "0.015": "1.5%",
  "0.03": "3%",
  "0.05": "5%",
  "0.06": "6%",
  "0.09": "9%",
  "0.13": "13%",
};

/** How a sale writes a rate: "0.06", "6%" or the JSON number 0.06. */
function writtenRate(rate: string, form: number): string | number {
  if (form === 2) return Number(rate);
  return form === 1 ? (PERCENT[rate] ?? rate) : rate;
}

/** A JSON number when the text survives the trip through a double unchanged, else the text. */
function writtenDecimal(text: string, asNumber: boolean): string | number {
  if (!asNumber) return text;
  const n = Number(text);
  return String(n) === text ? n : text;
}

/** Amounts below 10^11 yuan: every line, gross and net, within the 12-digit limit. */
const MAX_LINE_CENTS = 10n ** 13n;
const SHAPES = ["quantity+price", "amount", "quantity+amount", "all three"] as const;
/** Extra decimals after the cents: "4" and "49" round down, "5" rounds half up. */
const EXTRA = ["", "", "0", "4", "49", "5"];

function lineArb(kind: "special" | "general") {
  return fc
    .tuple(
      fc.nat(), // code, rate, policy, shape, rate form, discount form: one draw
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 13 }), fc.maxSafeNat()), // quantity
      fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 13 }), fc.maxSafeNat()), // price
      fc.tuple(fc.bigInt({ min: 1n, max: MAX_LINE_CENTS - 1n }), fc.nat(EXTRA.length - 1)), // amount
      fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined, freq: 3 }), // discount, per mille
      fc.tuple(fc.integer({ min: 1, max: 100 }), fc.nat(), fc.nat(7)), // name length, text seed, mask
    )
    .map(
      ([
        pick,
        [qs, qScale, qSeed],
        [ps, pScale, pSeed],
        [cents, extra],
        perMille,
        [nameLength, seed, mask],
      ]) => {
        const leaf = LEAVES[pick % LEAVES.length]!;
        const shape = SHAPES[(pick >> 4) % SHAPES.length]!;
        const { rate, policy } = rateAndPolicy(leaf.rates, kind, pick >> 6);
        const quantity = entryOf(qs, qScale, qSeed);
        const unitPrice = entryOf(ps, pScale, pSeed);
        const product = { units: quantity.units * unitPrice.units, scale: quantity.scale + unitPrice.scale };
        let amount: Dec | undefined;
        if (shape === "amount" || shape === "quantity+amount") {
          const tail = EXTRA[extra]!;
          amount = {
            units: cents * 10n ** BigInt(tail.length) + BigInt(tail || "0"),
            scale: 2 + tail.length,
          };
        }
        // quantity × price to the cent, moved by at most the 0.01 the contract allows
        if (shape === "all three")
          amount = { units: centsOf(product) + BigInt(((pick >> 12) % 3) - 1), scale: 2 };
        const given = amount ? centsOf(amount) : centsOf(product);
        const asNumbers = ((pick >> 14) & 1) === 1;
        const json: Record<string, unknown> = {
          name:
            (pick >> 15) & 1
              ? `*${leaf.shortName}*${spelt(HANZI, nameLength, seed)}`
              : spelt(HANZI, nameLength, seed),
          code: leaf.code,
        };
        const spec = optional(mask, 0, () => spelt(HANZI, 1 + (seed % 40), seed + 1));
        const unit = optional(mask, 1, () => spelt(HANZI, 1 + (seed % 22), seed + 2));
        if (spec !== undefined) json.spec = spec;
        if (unit !== undefined) json.unit = unit;
        if (shape !== "amount") json.quantity = writtenDecimal(textOf(quantity), asNumbers);
        if (shape === "quantity+price" || shape === "all three")
          json.unitPrice = writtenDecimal(textOf(unitPrice), asNumbers);
        if (amount !== undefined) json.amount = writtenDecimal(textOf(amount), asNumbers);
        json.taxRate = writtenRate(rate, (pick >> 16) % 3);
        if (policy !== undefined) json.policy = policy;
        if (perMille !== undefined) {
          // at least a cent and at most the line, on the basis the line is written in (gross when inclusive)
          const discount = (given * BigInt(perMille)) / 1000n || 1n;
          json.discount = writtenDecimal(
            textOf({ units: discount, scale: 2 }) + ((mask >> 2) & 1 ? "4" : ""),
            asNumbers,
          );
        }
        // Every line has at least a cent and stays below 10^11; a price derived as amount ÷ quantity stays
        // below 10^12 (the builder refuses larger ones).
        const fits =
          given >= 1n &&
          given < MAX_LINE_CENTS &&
          (shape === "amount" || centsOf(product) < MAX_LINE_CENTS || shape === "quantity+amount") &&
          (shape !== "quantity+amount" ||
            given * 10n ** BigInt(quantity.scale) < 10n ** 14n * quantity.units);
        return fits ? json : undefined;
      },
    )
    .filter((json): json is Record<string, unknown> => json !== undefined);
}

/** A sale document as JSON (decimals as strings or numbers), and the capital-amount character to build with. */
export const saleArb = fc
  .tuple(fc.constantFrom("special" as const, "general" as const), fc.boolean())
  .chain(([kind, inclusive]) =>
    fc.tuple(
      fc.constant(kind),
      fc.constant(inclusive),
      companyArb,
      buyerArb(kind),
      fc.array(lineArb(kind), { minLength: 1, maxLength: 12 }),
      fc.tuple(fc.nat(15), fc.integer({ min: 1, max: 230 }), fc.integer({ min: 1, max: 8 }), fc.nat()),
    ),
  )
  .map(([kind, inclusive, seller, buyer, lines, [mask, remarksLength, drawerLength, seed]]) => {
    const document: Record<string, unknown> = { kind, seller, buyer, pricesIncludeTax: inclusive, lines };
    const date = optional(mask, 0, () => ["2026-01-01", "2026-05-18", "2026-12-31"][seed % 3]!);
    const remarks = optional(mask, 1, () => spelt(HANZI, remarksLength, seed));
    // 开票人: at most 16 GBK bytes, 8 Chinese characters
    const drawer = optional(mask, 2, () => spelt(HANZI, drawerLength, seed + 1));
    if (date !== undefined) document.issueDate = date;
    if (remarks !== undefined) document.remarks = remarks;
    if (drawer !== undefined) document.drawer = drawer;
    return { document, words: (mask >> 3) & 1 ? ("元" as const) : ("圆" as const) };
  });
