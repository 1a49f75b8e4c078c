/**
 * Taxpayer identification numbers (纳税人识别号) as they appear on an e-fapiao: the 18-character Unified
 * Social Credit Code of GB 32100-2015 (统一社会信用代码), the legacy 15/17/20-character tax numbers that
 * still exist, and — for individuals — the 18-digit resident ID card number of GB 11643 (ISO 7064 MOD 11-2).
 *
 * Every check answers with a value that says what is wrong and where, in Chinese and English; nothing here
 * throws on anything a user can type. A checksum failure is reported separately (`problem: "checksum"`) from a
 * malformed code, because a few real codes from early pilot regions fail the GB 32100 checksum (for example
 * `91350211M00013FA1N`, Xiamen) and company rule packs must be able to lower that one finding or list the
 * codes as known exceptions (domain-facts.md, "Taxpayer identification").
 */
import type { Message } from "./diagnostic.js";
import { isCalendarDate } from "./dates.js";

/** The 31 characters of GB 32100; a character's index is its value. I, O, S, V and Z are never used. */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** Weights of positions 1–17 (GB 32100): 3^(i−1) mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** Weights of positions 1–17 (GB 11643 / ISO 7064 MOD 11-2): 2^(18−i) mod 11. */
const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character of an ID card number, indexed by the weighted sum mod 11. */
const ID_CARD_CHECK = "10X98765432";

export type TaxIdForm = "uscc" | "legacy15" | "legacy17" | "legacy20" | "idCard";
/** What is wrong, for programs: rule packs lower `checksum` findings without hiding malformed codes. */
export type TaxIdProblem = "empty" | "length" | "character" | "birthDate" | "checksum";

export type TaxIdCheck =
  | {
      valid: true;
      form: TaxIdForm;
      /** Set when a checksum failure was excused by `knownExceptions`. */
      exception?: true;
    }
  | {
      valid: false;
      /** The form the id was checked as; absent when its length fits no form. */
      form?: TaxIdForm;
      problem: TaxIdProblem;
      reason: Message;
      /** 1-based position of the offending character (`character`, `checksum`). */
      position?: number;
      /** The check character the id should end with (`checksum`). */
      expected?: string;
    };

export interface TaxIdOptions {
  /** The party is an individual: an 18-digit resident ID card number is accepted (as well as a USCC). */
  naturalPerson?: boolean;
  /** Codes whose checksum failure is excused (reported valid with `exception: true`), e.g. `91350211M00013FA1N`. */
  knownExceptions?: Iterable<string>;
}

type Failure = Omit<Extract<TaxIdCheck, { valid: false }>, "valid" | "form">;

/** The legacy tax numbers: form only, no checksum is publicly known for them. */
const LEGACY_FORMS: Readonly<Record<number, TaxIdForm>> = { 15: "legacy15", 17: "legacy17", 20: "legacy20" };

/**
 * Checks a taxpayer identification number and says which form it has, or precisely what is wrong with it.
 * An 18-character id is a USCC; with `naturalPerson` it may also be a resident ID card number (tried first).
 * Ids of 15, 17 or 20 characters are legacy tax numbers, checked for form only (digits and capital letters).
 * Input is taken as typed: spaces and lower-case letters are reported, not silently repaired.
 * @example
 * checkTaxId("91330100716105852F")  // { valid: true, form: "uscc" }
 * checkTaxId("91110108MA00ABCD1B")  // { valid: false, form: "uscc", problem: "checksum", position: 18, expected: "U", reason: { zh: "…", en: "…" } }
 * checkTaxId("11010519491231002X", { naturalPerson: true })   // { valid: true, form: "idCard" }
 * checkTaxId("91350211M00013FA1N", { knownExceptions: ["91350211M00013FA1N"] }) // { valid: true, form: "uscc", exception: true }
 */
export function checkTaxId(id: string, options: TaxIdOptions = {}): TaxIdCheck {
  // Code points, not UTF-16 units, so an emoji counts as one character and positions stay right.
  const chars = Array.from(id);
  if (chars.length === 0) {
    return { valid: false, problem: "empty", reason: { zh: "纳税人识别号为空", en: "The tax id is empty" } };
  }
  const excused = new Set(options.knownExceptions ?? []);
  const verdict = (form: TaxIdForm, failure: Failure | undefined): TaxIdCheck => {
    if (!failure) return { valid: true, form };
    if (failure.problem === "checksum" && excused.has(id)) return { valid: true, form, exception: true };
    return { valid: false, form, ...failure };
  };

  if (chars.length === 18) {
    const asUscc = verdict("uscc", usccFailure(chars));
    if (!options.naturalPerson) {
      // A valid ID card number given without `naturalPerson` is almost always an individual not marked as one.
      if (!asUscc.valid && isValidIdCard(id)) return withIdCardHint(asUscc);
      return asUscc;
    }
    const asIdCard = verdict("idCard", idCardFailure(chars));
    if (asIdCard.valid) return asIdCard;
    if (asUscc.valid) return asUscc;
    // Neither: explain it as the form it resembles (17 digits and a digit or X look like an ID card).
    return /^\d{17}[\dXx]$/.test(id) ? asIdCard : asUscc;
  }

  const legacy = LEGACY_FORMS[chars.length];
  if (legacy) return verdict(legacy, legacyFailure(chars));
  const idCard = options.naturalPerson ? "、18 位居民身份证号码" : "";
  const idCardEn = options.naturalPerson ? ", an 18-digit resident ID card number" : "";
  return {
    valid: false,
    problem: "length",
    reason: {
      zh: `纳税人识别号有 ${chars.length} 位：应为 18 位统一社会信用代码${idCard}，或 15、17、20 位的旧税号`,
      en: `The tax id has ${chars.length} characters: expected an 18-character unified social credit code${idCardEn}, or a legacy tax number of 15, 17 or 20 characters`,
    },
  };
}

/**
 * The GB 32100 check character for the first 17 characters of a USCC, or undefined when they are not
 * 17 characters of {@link USCC_CHARSET}.
 * @example
 * usccCheckCharacter("91330100716105852") // "F"
 * usccCheckCharacter("91110108MA00ABCD1") // "U"
 */
export function usccCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]!);
    if (value < 0) return undefined;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * True for an 18-character USCC whose characters and check character are right (no exceptions applied).
 * @example
 * isValidUscc("914403001922038216") // true
 * isValidUscc("914403001922038217") // false
 */
export function isValidUscc(id: string): boolean {
  return id.length === 18 && usccCheckCharacter(id.slice(0, 17)) === id[17];
}

/**
 * The ISO 7064 MOD 11-2 check character (a digit or X) for the first 17 digits of a resident ID card
 * number, or undefined when they are not 17 ASCII digits.
 * @example
 * idCardCheckCharacter("11010519491231002") // "X"
 */
export function idCardCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_CARD_WEIGHTS[i]!;
  return ID_CARD_CHECK[sum % 11];
}

/**
 * True for an 18-character resident ID card number: 17 digits, a real date of birth in digits 7–14, and
 * the right check character (a digit or a capital X).
 * @example
 * isValidIdCard("11010519491231002X") // true
 * isValidIdCard("11010519491231002x") // false: the standard writes a capital X
 */
export function isValidIdCard(id: string): boolean {
  return id.length === 18 && idCardFailure(Array.from(id)) === undefined;
}

/** A code or category of GB 32100 with its name, when the code is one the standard lists. */
export interface UsccPart {
  code: string;
  name?: Message;
}

export interface UsccDescription {
  /** Position 1: 登记管理部门 (the registering authority). */
  registrationAuthority: UsccPart;
  /** Position 2: 机构类别 (the kind of entity), named within its authority. */
  entityType: UsccPart;
  /** Positions 3–8: GB/T 2260 region code of the registering office. */
  regionCode: string;
  /** Positions 9–17: 主体标识码 (the organisation code). */
  organizationCode: string;
  /** Position 18, as given. */
  check: string;
}

/**
 * Splits a USCC into its parts (GB 32100: 1 registration authority, 2 entity type, 3–8 region, 9–17
 * organisation code, 18 check) and names the authority and entity type. Describes any 18 characters of
 * {@link USCC_CHARSET} — it does not verify the check character (use {@link checkTaxId}); undefined otherwise.
 * @example
 * describeUscc("91330100716105852F")
 * // { registrationAuthority: { code: "9", name: { zh: "工商", … } }, entityType: { code: "1", name: { zh: "企业", … } },
 * //   regionCode: "330100", organizationCode: "716105852", check: "F" }
 */
export function describeUscc(id: string): UsccDescription | undefined {
  if (id.length !== 18 || [...id].some((c) => !USCC_CHARSET.includes(c))) return undefined;
  const authority = USCC_AUTHORITIES[id[0]!];
  return {
    registrationAuthority: named(id[0]!, authority?.name),
    entityType: named(id[1]!, authority?.types[id[1]!]),
    regionCode: id.slice(2, 8),
    organizationCode: id.slice(8, 17),
    check: id[17]!,
  };
}

function named(code: string, name: Message | undefined): UsccPart {
  return name ? { code, name } : { code };
}

function usccFailure(chars: readonly string[]): Failure | undefined {
  const bad = chars.findIndex((c) => !USCC_CHARSET.includes(c));
  if (bad >= 0) {
    return character(bad, chars[bad]!, {
      zh: "统一社会信用代码只使用数字和大写字母（不用 I、O、S、V、Z）",
      en: "a unified social credit code uses digits and capital letters except I, O, S, V and Z",
    });
  }
  const expected = usccCheckCharacter(chars.slice(0, 17).join(""))!;
  return checksum(expected, chars[17]!, { zh: "统一社会信用代码", en: "unified social credit code" });
}

function idCardFailure(chars: readonly string[]): Failure | undefined {
  const bad = chars.findIndex((c, i) => !(/^\d$/.test(c) || (i === 17 && c === "X")));
  if (bad >= 0) {
    return character(bad, chars[bad]!, {
      zh: "身份证号码前 17 位是数字，第 18 位是数字或大写 X",
      en: "an ID card number has 17 digits and then a digit or a capital X",
    });
  }
  const birth = chars.slice(6, 14).join("");
  if (!isCalendarDate(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`)) {
    return {
      problem: "birthDate",
      position: 7,
      reason: {
        zh: `身份证号码第 7–14 位 “${birth}” 不是有效的出生日期（YYYYMMDD）`,
        en: `Digits 7–14 of the ID card number, "${birth}", are not a valid date of birth (YYYYMMDD)`,
      },
    };
  }
  const expected = idCardCheckCharacter(chars.slice(0, 17).join(""))!;
  return checksum(expected, chars[17]!, { zh: "身份证号码", en: "ID card number" });
}

function legacyFailure(chars: readonly string[]): Failure | undefined {
  const bad = chars.findIndex((c) => !/^[0-9A-Z]$/.test(c));
  if (bad < 0) return undefined;
  return character(bad, chars[bad]!, {
    zh: `${chars.length} 位的旧税号只使用数字和大写字母`,
    en: `a legacy ${chars.length}-character tax number uses digits and capital letters only`,
  });
}

function character(index: number, c: string, rule: Message): Failure {
  return {
    problem: "character",
    position: index + 1,
    reason: {
      zh: `第 ${index + 1} 位 ${showCharacter(c, "“", "”")} 无效：${rule.zh}`,
      en: `Character ${index + 1}, ${showCharacter(c, '"', '"')}, is not allowed: ${rule.en}`,
    },
  };
}

function checksum(expected: string, actual: string, what: Message): Failure | undefined {
  if (expected === actual) return undefined;
  return {
    problem: "checksum",
    position: 18,
    expected,
    reason: {
      zh: `${what.zh}校验位错误：第 18 位应为 “${expected}”，而不是 “${actual}”`,
      en: `Wrong check character in the ${what.en}: position 18 should be "${expected}", not "${actual}"`,
    },
  };
}

function withIdCardHint(check: Extract<TaxIdCheck, { valid: false }>): TaxIdCheck {
  return {
    ...check,
    reason: {
      zh: `${check.reason.zh}（这是一个有效的居民身份证号码；如果对方是个人，请标明为自然人）`,
      en: `${check.reason.en} (it is a valid resident ID card number; if the party is an individual, mark it as a natural person)`,
    },
  };
}

/**
 * Quotes a character for a message; invisible ones (spaces, controls) also get their code point, so a
 * stray space is not shown as empty quotes. Internal: shared with invoice-number.ts, not exported by the package.
 * @internal
 */
export function showCharacter(c: string, open: string, close: string): string {
  const quoted = `${open}${c}${close}`;
  return /^[\s\p{C}]$/u.test(c)
    ? `${quoted} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`
    : quoted;
}

/**
 * GB 32100 登记管理部门 and, within each, 机构类别 — the standard's list as extended by the code-issuing
 * authorities (2 外交 … 8 工会, A, N added after 2015). English names are ours.
 */
const USCC_AUTHORITIES: Readonly<
  Record<string, { name: Message; types: Readonly<Record<string, Message>> }>
> = {
  "1": {
    name: { zh: "机构编制", en: "establishment administration" },
    types: {
      "1": { zh: "机关", en: "government body" },
      "2": { zh: "事业单位", en: "public institution" },
      "3": {
        zh: "中央编办直接管理机构编制的群众团体",
        en: "mass organisation under the central establishment office",
      },
      "9": { zh: "其他", en: "other" },
    },
  },
  "2": {
    name: { zh: "外交", en: "foreign affairs" },
    types: {
      "1": { zh: "外国常驻新闻机构", en: "resident foreign news agency" },
      "9": { zh: "其他", en: "other" },
    },
  },
  "3": {
    name: { zh: "司法行政", en: "judicial administration" },
    types: {
      "1": { zh: "律师执业机构", en: "law firm" },
      "2": { zh: "公证处", en: "notary office" },
      "3": { zh: "基层法律服务所", en: "grassroots legal service office" },
      "4": { zh: "司法鉴定机构", en: "forensic appraisal institution" },
      "5": { zh: "仲裁委员会", en: "arbitration commission" },
      "9": { zh: "其他", en: "other" },
    },
  },
  "4": {
    name: { zh: "文化", en: "culture" },
    types: {
      "1": { zh: "外国在华文化中心", en: "foreign cultural centre in China" },
      "9": { zh: "其他", en: "other" },
    },
  },
  "5": {
    name: { zh: "民政", en: "civil affairs" },
    types: {
      "1": { zh: "社会团体", en: "social organisation" },
      "2": { zh: "民办非企业单位", en: "private non-enterprise unit" },
      "3": { zh: "基金会", en: "foundation" },
      "9": { zh: "其他", en: "other" },
    },
  },
  "6": {
    name: { zh: "旅游", en: "tourism" },
    types: {
      "1": { zh: "外国旅游部门常驻代表机构", en: "resident office of a foreign tourism authority" },
      "2": {
        zh: "港澳台地区旅游部门常驻内地（大陆）代表机构",
        en: "resident office of a Hong Kong, Macao or Taiwan tourism authority",
      },
      "9": { zh: "其他", en: "other" },
    },
  },
  "7": {
    name: { zh: "宗教", en: "religious affairs" },
    types: {
      "1": { zh: "宗教活动场所", en: "place of religious activity" },
      "2": { zh: "宗教院校", en: "religious school" },
      "9": { zh: "其他", en: "other" },
    },
  },
  "8": {
    name: { zh: "工会", en: "trade unions" },
    types: { "1": { zh: "基层工会", en: "grassroots trade union" }, "9": { zh: "其他", en: "other" } },
  },
  "9": {
    name: { zh: "工商", en: "industry and commerce (market regulation)" },
    types: {
      "1": { zh: "企业", en: "enterprise" },
      "2": { zh: "个体工商户", en: "individual business" },
      "3": { zh: "农民专业合作社", en: "farmers' specialised cooperative" },
    },
  },
  A: {
    name: {
      zh: "中央军委改革和编制办公室",
      en: "Central Military Commission reform and establishment office",
    },
    types: {
      "1": { zh: "军队事业单位", en: "military public institution" },
      "9": { zh: "其他", en: "other" },
    },
  },
  N: {
    name: { zh: "农业", en: "agriculture" },
    types: {
      "1": { zh: "组级集体经济组织", en: "group-level collective economic organisation" },
      "2": { zh: "村级集体经济组织", en: "village-level collective economic organisation" },
      "3": { zh: "乡镇级集体经济组织", en: "township-level collective economic organisation" },
      "9": { zh: "其他", en: "other" },
    },
  },
  Y: {
    name: { zh: "其他", en: "other" },
    types: { "1": { zh: "不再细分", en: "not subdivided" } },
  },
};
