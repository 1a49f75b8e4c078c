import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sharedCsvGrid, tinyGrid } from "../test/shared-table.js";
import { importCodeGrid } from "./code-import.js";
import {
  type CodePack,
  codeTableFromPack,
  encodeCodePack,
  type OfficialRow,
  PACK_COLUMNS,
  parseCodePack,
} from "./code-pack.js";

const META = {
  version: "32.0",
  startDate: "2019-04-01",
  source: { file: "t.xlsx", importedAt: "2026-01-01T00:00:00Z" },
};

function tinyPack(): CodePack {
  const result = importCodeGrid(tinyGrid(), { file: "t.csv" });
  if (!result.ok) throw new Error("tiny grid did not import");
  return result.pack;
}

/** A row whose every column is given, so that a round trip can compare all of them. */
const rowArbitrary = (code: string): fc.Arbitrary<OfficialRow> =>
  fc
    .record({
      SPMC: fc.string({ minLength: 1 }),
      SPBMJC: fc.constantFrom("谷物", "信息技术服务", "其他软件服务"),
      SM: fc.string(),
      ZZSSL: fc.constantFrom("", "13%", "13%、9%", "6%", "0%", "免税"),
      GJZ: fc.string(),
      HZX: fc.constantFrom("Y", "N"),
      KYZT: fc.constantFrom("Y", "N", ""),
      ZZSTSGL: fc.constantFrom("", "免税", "稀土产品、即征即退30%"),
      ZZSZCYJ: fc.string(),
      ZZSTSNRDM: fc.string(),
      XFSGL: fc.string(),
      XFSZCYJ: fc.string(),
      XFSTSNRDM: fc.string(),
      TJJBM: fc.string(),
      HGJCKSPPM: fc.string(),
      GXSJ: fc.constantFrom("", "2019-04-01"),
    })
    .map((fields) => ({ ...fields, SPBM: code, PID: "" }));

describe("code packs", () => {
  it("round-trips any rows through JSON text: every column comes back", () => {
    const rows = fc
      .uniqueArray(fc.stringMatching(/^[1-6]\d{18}$/), { minLength: 1, maxLength: 30 })
      .chain((codes) => fc.tuple(...codes.map(rowArbitrary)));
    fc.assert(
      fc.property(rows, (original) => {
        const loaded = parseCodePack(JSON.stringify(encodeCodePack(original, META)), "mem");
        expect(loaded.ok).toBe(true);
        if (!loaded.ok) return;
        const entries = [...loaded.table.entries()];
        expect(entries).toHaveLength(original.length);
        original.forEach((row, i) => {
          const entry = loaded.table.get(row.SPBM)!;
          expect(entry).toBe(entries[i]);
          expect(entry.name).toBe(row.SPMC);
          expect(entry.shortName).toBe(row.SPBMJC);
          expect(entry.rateText).toBe(row.ZZSSL);
          expect(entry.summary).toBe(row.HZX === "Y");
          expect(entry.available).toBe(row.KYZT !== "N");
          expect(entry.description ?? "").toBe(row.SM);
          expect(entry.keywords ?? "").toBe(row.GJZ);
          expect(entry.specialManagement.join("、")).toBe(row.ZZSTSGL);
          expect(entry.official?.customsHeading ?? "").toBe(row.HGJCKSPPM);
          expect(entry.official?.statisticsCode ?? "").toBe(row.TJJBM);
          expect(entry.official?.updated ?? "").toBe(row.GXSJ);
        });
      }),
      { numRuns: 50 },
    );
  });

  it("stores repetitive columns as dictionaries and the rest as plain arrays", () => {
    const result = importCodeGrid(sharedCsvGrid(), { file: "v32.csv" });
    if (!result.ok) throw new Error("shared table did not import");
    const { columns } = result.pack;
    expect(Array.isArray(columns.SPBM)).toBe(true);
    expect(Array.isArray(columns.SPMC)).toBe(true);
    expect(columns.HZX).toMatchObject({ values: ["Y", "N"] });
    expect((columns.ZZSSL as { values: string[] }).values).toHaveLength(8);
    expect((columns.SPBMJC as { values: string[] }).values).toHaveLength(476);
    expect(Object.keys(columns).sort()).toEqual([...PACK_COLUMNS].sort());
  });

  it("decodes the same values the importer read", () => {
    const pack = tinyPack();
    const again = codeTableFromPack(JSON.parse(JSON.stringify(pack)), "again");
    expect(again.ok && again.table.get("1010101010000000000")?.rates).toEqual(["0.09"]);
    expect(again.ok && again.table.source).toBe("again");
  });

  it.each<[string, (pack: CodePack) => unknown]>([
    ["another JSON document", () => ({ hello: "world" })],
    ["a pack from a newer efapiao", (pack) => ({ ...pack, formatVersion: 2 })],
    ["a missing column", (pack) => ({ ...pack, columns: { ...pack.columns, SPMC: undefined } })],
    [
      "a short column",
      (pack) => ({ ...pack, columns: { ...pack.columns, SPBM: (pack.columns.SPBM as string[]).slice(1) } }),
    ],
    ["a number in a text column", (pack) => ({ ...pack, columns: { ...pack.columns, SPMC: [1, 2, 3] } })],
    [
      "a dictionary index out of range",
      (pack) => ({ ...pack, columns: { ...pack.columns, HZX: { values: ["Y"], index: [0, 5, 0] } } }),
    ],
    ["an unreadable rate", (pack) => ({ ...pack, columns: { ...pack.columns, ZZSSL: ["", "", "9x%"] } })],
    [
      "a code of the wrong length",
      (pack) => ({ ...pack, columns: { ...pack.columns, SPBM: ["1", "2", "3"] } }),
    ],
    ["a zero row count", (pack) => ({ ...pack, rows: 0 })],
  ])("refuses %s with a message, without throwing", (_what, damage) => {
    const loaded = codeTableFromPack(damage(tinyPack()), "cache/codes-32.0.json");
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.message.zh).toContain("cache/codes-32.0.json");
      expect(loaded.message.en).toContain("efapiao codes import");
    }
  });

  it("refuses truncated JSON", () => {
    const text = JSON.stringify(tinyPack());
    const loaded = parseCodePack(text.slice(0, text.length / 2), "p.json");
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.message.en).toContain("JSON");
  });
});
