import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkTaxId,
  describeUscc,
  idCardCheckCharacter,
  isValidIdCard,
  isValidUscc,
  USCC_CHARSET,
  usccCheckCharacter,
} from "./tax-id.js";

const samples = new URL("../../../../shared/samples/providers/", import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, samples), "utf8");

// Independent reference computations, written differently from the code under test: the GB 32100 weights
// are 3^(i−1) mod 31, so Σ vᵢ·3^(i−1) mod 31 is a Horner evaluation from the last character to the first;
// the ISO 7064 MOD 11-2 weights are 2^(18−i) mod 11, which Horner evaluates from the first digit on.
const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function referenceUsccCheck(first17: string): string {
  let acc = 0;
  for (let i = 16; i >= 0; i--) acc = (acc * 3 + CHARS.indexOf(first17[i]!)) % 31;
  return CHARS[(31 - acc) % 31]!;
}
function referenceIdCardCheck(first17: string): string {
  let acc = 0;
  for (const d of first17) acc = ((acc + Number(d)) * 2) % 11;
  // acc = Σ dᵢ·2^(18−i) mod 11; the check value c satisfies acc + c ≡ 1 (mod 11), c = 10 is written X.
  const c = (12 - acc) % 11;
  return c === 10 ? "X" : String(c);
}

describe("reference computations agree with the standards' worked examples", () => {
  it("reproduces the published check characters", () => {
    expect(referenceUsccCheck("91440300192203821")).toBe("6");
    expect(referenceUsccCheck("91330100716105852")).toBe("F");
    expect(referenceUsccCheck("91110000600037341")).toBe("L");
    expect(referenceIdCardCheck("11010519491231002")).toBe("X");
  });
});

describe("usccCheckCharacter", () => {
  it("computes GB 32100 check characters", () => {
    // Worked by hand for 91440300192203821: values × weights
    // 9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 1·20 + 9·29 + 2·25 + 2·13 + 0·8 + 3·24 + 8·10 + 2·30 + 1·28
    // = 831; 831 mod 31 = 25; (31 − 25) mod 31 = 6 → "6".
    expect(usccCheckCharacter("91440300192203821")).toBe("6");
    // The seed's buyer 91110108MA00ABCD1B (M = 21, A = 10, B = 11, C = 12, D = 13):
    // 9 + 3 + 9 + 27 + 0 + 26 + 0 + 136 + 420 + 290 + 0 + 0 + 80 + 264 + 120 + 390 + 28 = 1802;
    // 1802 mod 31 = 4; 31 − 4 = 27 → "U".
    expect(usccCheckCharacter("91110108MA00ABCD1")).toBe("U");
    expect(usccCheckCharacter("91330100716105852")).toBe("F");
    expect(usccCheckCharacter("91110000600037341")).toBe("L");
  });

  it("answers undefined for anything that is not 17 code characters", () => {
    expect(usccCheckCharacter("9144030019220382")).toBeUndefined();
    expect(usccCheckCharacter("914403001922038216")).toBeUndefined();
    expect(usccCheckCharacter("91310115MA1K3XYZ7")).toBeUndefined(); // Z
    expect(usccCheckCharacter("91310115ma1k3xy07")).toBeUndefined(); // lower case
  });
});

describe("checkTaxId: unified social credit codes", () => {
  it.each(["914403001922038216", "91330100716105852F", "91110000600037341L"])("accepts %s", (id) => {
    expect(checkTaxId(id)).toEqual({ valid: true, form: "uscc" });
    expect(isValidUscc(id)).toBe(true);
  });

  it("rejects a wrong check character and names the right one", () => {
    expect(checkTaxId("914403001922038217")).toMatchObject({
      valid: false,
      form: "uscc",
      problem: "checksum",
      position: 18,
      expected: "6",
    });
    expect(isValidUscc("914403001922038217")).toBe(false);
  });

  it("flags the seed's seller 91310115MA1K3XYZ7A for the Z at position 16", () => {
    const check = checkTaxId("91310115MA1K3XYZ7A");
    expect(check).toMatchObject({ valid: false, form: "uscc", problem: "character", position: 16 });
    if (check.valid) return;
    expect(check.reason.zh).toContain("第 16 位 “Z”");
    expect(check.reason.en).toContain('Character 16, "Z"');
    expect(check.expected).toBeUndefined();
  });

  it("flags the seed's buyer 91110108MA00ABCD1B: the check character should be U", () => {
    const check = checkTaxId("91110108MA00ABCD1B");
    expect(check).toMatchObject({
      valid: false,
      form: "uscc",
      problem: "checksum",
      position: 18,
      expected: "U",
    });
    if (check.valid) return;
    expect(check.reason.zh).toContain("应为 “U”");
    expect(check.reason.zh).toContain("“B”");
    expect(check.reason.en).toContain('should be "U", not "B"');
  });

  it("excuses a checksum failure only for codes listed as known exceptions", () => {
    const xiamen = "91350211M00013FA1N"; // real code from a pilot region, fails GB 32100
    expect(referenceUsccCheck(xiamen.slice(0, 17))).toBe("3");
    expect(checkTaxId(xiamen)).toMatchObject({ valid: false, problem: "checksum", expected: "3" });
    expect(checkTaxId(xiamen, { knownExceptions: [xiamen] })).toEqual({
      valid: true,
      form: "uscc",
      exception: true,
    });
    expect(checkTaxId(xiamen, { knownExceptions: new Set([xiamen]) })).toMatchObject({ valid: true });
    // The list excuses checksums only, never a malformed code.
    expect(checkTaxId("91310115MA1K3XYZ7A", { knownExceptions: ["91310115MA1K3XYZ7A"] })).toMatchObject({
      valid: false,
      problem: "character",
    });
  });

  it("reports the first bad character with its position, including invisible ones", () => {
    expect(checkTaxId("91330100716105852f")).toMatchObject({ problem: "character", position: 18 });
    const spaced = checkTaxId("9133010 716105852F");
    expect(spaced).toMatchObject({ problem: "character", position: 8 });
    if (!spaced.valid) expect(spaced.reason.en).toContain("U+0020");
    // Full-width digit (U+FF11) at position 2.
    expect(checkTaxId("9１330100716105852F")).toMatchObject({ problem: "character", position: 2 });
    // Positions count characters, not UTF-16 units: the emoji is character 18.
    expect(checkTaxId("91330100716105852😀")).toMatchObject({ problem: "character", position: 18 });
  });

  it("checks the tax ids found in the provider samples", () => {
    const baiwang = JSON.parse(sample("baiwang-invoice-issue.request.json"));
    // Buyer in the Baiwang sample: a sandbox value; its check character would be Q (reference computation).
    expect(findDeep(baiwang, "buyerTaxNo")).toBe("91110108MA01KPGP0L");
    expect(checkTaxId("91110108MA01KPGP0L")).toMatchObject({
      valid: false,
      problem: "checksum",
      expected: "Q",
    });
    expect(referenceUsccCheck("91110108MA01KPGP0")).toBe("Q");
    // Baiwang's sandbox seller number is not a USCC at all: S (position 14) is outside the character set.
    expect(findDeep(baiwang, "taxNo")).toBe("DB20240220YHCS1009");
    expect(checkTaxId("DB20240220YHCS1009")).toMatchObject({
      valid: false,
      problem: "character",
      position: 14,
    });
  });
});

describe("checkTaxId: resident ID card numbers", () => {
  it("accepts the GB 11643 worked example for a natural person", () => {
    expect(checkTaxId("11010519491231002X", { naturalPerson: true })).toEqual({
      valid: true,
      form: "idCard",
    });
    expect(isValidIdCard("11010519491231002X")).toBe(true);
    expect(idCardCheckCharacter("11010519491231002")).toBe("X");
  });

  it("points out a valid ID card number given for a party not marked as a natural person", () => {
    const check = checkTaxId("11010519491231002X");
    expect(check).toMatchObject({ valid: false, form: "uscc" });
    if (!check.valid) {
      expect(check.reason.zh).toContain("居民身份证号码");
      expect(check.reason.en).toContain("natural person");
    }
  });

  it("still accepts a USCC for a natural person (e.g. an individual business)", () => {
    expect(checkTaxId("91330100716105852F", { naturalPerson: true })).toEqual({ valid: true, form: "uscc" });
  });

  it("rejects an impossible date of birth before looking at the check digit", () => {
    const first17 = "11010519490230002"; // 30 February 1949
    const id = first17 + referenceIdCardCheck(first17);
    expect(checkTaxId(id, { naturalPerson: true })).toMatchObject({
      valid: false,
      form: "idCard",
      problem: "birthDate",
      position: 7,
    });
    expect(isValidIdCard(id)).toBe(false);
  });

  it("rejects a wrong check digit, a lower-case x and letters in the body", () => {
    expect(checkTaxId("110105194912310021", { naturalPerson: true })).toMatchObject({
      valid: false,
      form: "idCard",
      problem: "checksum",
      expected: "X",
    });
    expect(checkTaxId("11010519491231002x", { naturalPerson: true })).toMatchObject({
      valid: false,
      form: "idCard",
      problem: "character",
      position: 18,
    });
    expect(isValidIdCard("11010519491231002x")).toBe(false);
    // Not ID-card-shaped: explained as a USCC.
    expect(checkTaxId("91110108MA00ABCD1B", { naturalPerson: true })).toMatchObject({
      form: "uscc",
      expected: "U",
    });
  });

  it("checks the individual seller in the Nuonuo query sample", () => {
    // salerTaxNum 150301199811285326: born 1998-11-28; check digit by hand:
    // 1·7+5·9+0·10+3·5+0·8+1·4+1·2+9·1+9·6+8·3+1·7+1·9+2·10+8·5+5·8+3·4+2·2 = 292; 292 mod 11 = 6 → "6".
    expect(sample("nuonuo-queryInvoiceResult.fields.txt")).toContain("150301199811285326");
    expect(checkTaxId("150301199811285326", { naturalPerson: true })).toEqual({
      valid: true,
      form: "idCard",
    });
  });

  it("answers undefined from idCardCheckCharacter for anything but 17 ASCII digits", () => {
    expect(idCardCheckCharacter("1101051949123100")).toBeUndefined();
    expect(idCardCheckCharacter("1101051949123100X")).toBeUndefined();
  });
});

describe("checkTaxId: legacy tax numbers and lengths", () => {
  it("accepts legacy numbers of 15, 17 and 20 characters by form", () => {
    // From the Nuonuo samples: a 15-character payer tax number with letters, and the sandbox buyer.
    expect(sample("nuonuo-queryInvoiceResult.fields.txt")).toContain("110101TRDX8RQU1");
    expect(checkTaxId("110101TRDX8RQU1")).toEqual({ valid: true, form: "legacy15" });
    expect(checkTaxId("339901999999198")).toEqual({ valid: true, form: "legacy15" });
    expect(checkTaxId("44030019220382100")).toEqual({ valid: true, form: "legacy17" });
    expect(checkTaxId("11010519491231002X01")).toEqual({ valid: true, form: "legacy20" });
  });

  it("rejects lower-case letters and symbols in legacy numbers", () => {
    expect(checkTaxId("110101trdx8rqu1")).toMatchObject({
      valid: false,
      form: "legacy15",
      problem: "character",
      position: 7,
    });
    expect(checkTaxId("4403001922038-100")).toMatchObject({
      form: "legacy17",
      problem: "character",
      position: 14,
    });
  });

  it("rejects empty ids and lengths that fit no form", () => {
    expect(checkTaxId("")).toMatchObject({ valid: false, problem: "empty" });
    for (const length of [1, 14, 16, 19, 21, 40]) {
      const check = checkTaxId("1".repeat(length));
      expect(check).toMatchObject({ valid: false, problem: "length" });
      expect(check).not.toHaveProperty("form");
      if (!check.valid) expect(check.reason.zh).toContain(`${length} 位`);
    }
    const forPerson = checkTaxId("1".repeat(16), { naturalPerson: true });
    expect(forPerson).toMatchObject({ valid: false, problem: "length" });
    if (!forPerson.valid) expect(forPerson.reason.en).toContain("ID card");
  });

  it("keeps messages short for very long input", () => {
    const check = checkTaxId("9".repeat(1_000_000));
    expect(check.valid).toBe(false);
    if (!check.valid) expect(check.reason.zh.length + check.reason.en.length).toBeLessThan(400);
  });
});

describe("describeUscc", () => {
  it("splits a code into its GB 32100 parts and names them", () => {
    expect(describeUscc("91330100716105852F")).toEqual({
      registrationAuthority: { code: "9", name: { zh: "工商", en: expect.any(String) } },
      entityType: { code: "1", name: { zh: "企业", en: "enterprise" } },
      regionCode: "330100",
      organizationCode: "716105852",
      check: "F",
    });
    expect(describeUscc("91350211M00013FA1N")).toMatchObject({
      regionCode: "350211",
      organizationCode: "M00013FA1",
      check: "N",
    });
  });

  it("names entity types within their authority", () => {
    // 5 民政 / 3 基金会; 1 机构编制 / 2 事业单位; Y 其他 has one undivided category 1.
    expect(describeUscc("53100000500021676Q")?.entityType.name?.zh).toBe("基金会");
    expect(describeUscc("12100000400000000X")?.registrationAuthority.name?.zh).toBe("机构编制");
    expect(describeUscc("12100000400000000X")?.entityType.name?.zh).toBe("事业单位");
    expect(describeUscc("Y1100000400000000X")?.registrationAuthority.name?.zh).toBe("其他");
  });

  it("leaves codes the standard does not list unnamed", () => {
    const parts = describeUscc("B4100000400000000X");
    expect(parts?.registrationAuthority).toEqual({ code: "B" });
    expect(parts?.entityType).toEqual({ code: "4" });
    expect(describeUscc("94100000400000000X")?.entityType).toEqual({ code: "4" }); // 工商 has no category 4
  });

  it("describes only 18 characters of the code set", () => {
    expect(describeUscc("91310115MA1K3XYZ7A")).toBeUndefined();
    expect(describeUscc("9133010071610585")).toBeUndefined();
  });
});

describe("properties", () => {
  const codeChar = fc.constantFrom(...CHARS.split(""));
  const first17 = fc.array(codeChar, { minLength: 17, maxLength: 17 }).map((a) => a.join(""));
  const validUscc = first17.map((body) => body + referenceUsccCheck(body));

  it("the library's character set is GB 32100's: digits and capitals without I, O, S, V, Z", () => {
    const expected = [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"].filter((c) => !"IOSVZ".includes(c)).join("");
    expect(USCC_CHARSET).toBe(expected);
    expect(expected).toBe(CHARS);
  });

  it("any 17 code characters plus the computed check character form a valid USCC", () => {
    fc.assert(
      fc.property(first17, (body) => {
        expect(usccCheckCharacter(body)).toBe(referenceUsccCheck(body));
        const id = body + referenceUsccCheck(body);
        expect(checkTaxId(id)).toEqual({ valid: true, form: "uscc" });
        expect(isValidUscc(id)).toBe(true);
      }),
    );
  });

  it("MOD 31 with these weights detects every single substitution (exhaustive proof of the claim)", () => {
    // A substitution a → b at position i changes the weighted sum by (b − a)·wᵢ. 31 is prime and every
    // weight is non-zero mod 31, so the change is never ≡ 0 mod 31. Check that exhaustively rather than trust it.
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    for (const w of weights) for (let d = 1; d < 31; d++) expect((d * w) % 31).not.toBe(0);
    // The check character is (31 − s) mod 31, one distinct character per residue, so a changed position 18
    // never matches either.
    const checks = new Set(Array.from({ length: 31 }, (_, s) => CHARS[(31 - s) % 31]));
    expect(checks.size).toBe(31);
  });

  it("changing any one character of a valid USCC makes it invalid", () => {
    const replacement = fc.oneof(codeChar, fc.string({ unit: "binary", minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(validUscc, fc.integer({ min: 0, max: 17 }), replacement, (id, at, c) => {
        fc.pre(c !== id[at]);
        const changed = id.slice(0, at) + c + id.slice(at + 1);
        expect(isValidUscc(changed)).toBe(false);
        expect(checkTaxId(changed).valid).toBe(false);
      }),
    );
  });

  const birthDate = fc
    .date({
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10).replaceAll("-", ""));
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));
  const validIdCard = fc
    .tuple(digits(6), birthDate, digits(3))
    .map(([region, born, seq]) => region + born + seq)
    .map((body) => body + referenceIdCardCheck(body));

  it("any region, real birth date and sequence plus the computed check form a valid ID card number", () => {
    fc.assert(
      fc.property(validIdCard, (id) => {
        expect(idCardCheckCharacter(id.slice(0, 17))).toBe(id[17]);
        expect(isValidIdCard(id)).toBe(true);
        expect(checkTaxId(id, { naturalPerson: true })).toEqual({ valid: true, form: "idCard" });
      }),
    );
  });

  it("MOD 11-2 detects every single digit substitution (exhaustive proof of the claim)", () => {
    // 11 is prime, the weights are 1–10 and digit changes are ±1–9: no product is ≡ 0 mod 11.
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    for (const w of weights) for (let d = 1; d < 10; d++) expect((d * w) % 11).not.toBe(0);
  });

  it("changing any one character of a valid ID card number makes it invalid", () => {
    const replacement = fc.oneof(
      fc.constantFrom(..."0123456789Xx"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(validIdCard, fc.integer({ min: 0, max: 17 }), replacement, (id, at, c) => {
        fc.pre(c !== id[at]);
        const changed = id.slice(0, at) + c + id.slice(at + 1);
        expect(isValidIdCard(changed)).toBe(false);
        // With naturalPerson a USCC is accepted too, and an all-digit string may pass GB 32100 by chance
        // (1 in 31); it must never be reported as a valid ID card.
        expect(checkTaxId(changed, { naturalPerson: true })).not.toMatchObject({
          valid: true,
          form: "idCard",
        });
      }),
    );
  });

  it("never throws and always explains itself, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 24 }), fc.boolean(), (id, naturalPerson) => {
        const check = checkTaxId(id, { naturalPerson });
        if (!check.valid) {
          expect(check.reason.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(check.reason.en).toMatch(/[a-z]/);
        }
        if (Array.from(id).length === 18 && !naturalPerson) expect(check.valid).toBe(isValidUscc(id));
      }),
    );
  });
});

/** Finds the first value of `key` anywhere in a JSON value. */
function findDeep(json: unknown, key: string): unknown {
  if (json === null || typeof json !== "object") return undefined;
  if (key in json) return (json as Record<string, unknown>)[key];
  for (const value of Object.values(json)) {
    const found = findDeep(value, key);
    if (found !== undefined) return found;
  }
  return undefined;
}
