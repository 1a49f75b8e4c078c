import { describe, expect, it } from "vitest";
import { HEADER, sharedCsvGrid, TINY_VERSION, tinyGrid } from "../test/shared-table.js";
import { type Cell, type CodeImportResult, importCodeGrid } from "./code-import.js";

const OPTIONS = { file: "test.csv", importedAt: "2026-01-01T00:00:00.000Z" };

function rejected(result: CodeImportResult) {
  if (result.ok) throw new Error("expected the import to be rejected");
  return result.diagnostics.filter((d) => d.severity === "error");
}

/** The tiny table with row `rowNumber` (spreadsheet numbering) changed. */
function tinyWith(rowNumber: number, fields: Record<string, string>): string[][] {
  const grid = tinyGrid();
  const cells = [...grid[rowNumber - 1]!];
  for (const [column, value] of Object.entries(fields)) cells[HEADER.indexOf(column)] = value;
  grid[rowNumber - 1] = cells;
  return grid;
}

describe("importCodeGrid: a valid table", () => {
  it("reads version, dates and rows of a hand-made table", () => {
    const result = importCodeGrid(tinyGrid(), OPTIONS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.version).toBe(TINY_VERSION);
    expect(result.pack.startDate).toBe("2019-04-01");
    expect(result.pack.transitionEnd).toBe("2019-05-01");
    expect(result.pack.source).toEqual({ file: "test.csv", importedAt: "2026-01-01T00:00:00.000Z" });
    expect(result.table.size).toBe(3);
    const wheat = result.table.get("1010101010000000000")!;
    expect(wheat).toMatchObject({
      name: "小麦",
      shortName: "谷物",
      rates: ["0.09"],
      summary: false,
      keywords: "小麦、麦子",
    });
    expect(wheat.parent).toBe("1010101000000000000");
    expect(result.table.get("1000000000000000000")?.parent).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it("imports the official v32.0 table: 4,236 rows, 678 summary rows, 476 short names", () => {
    const result = importCodeGrid(sharedCsvGrid(), OPTIONS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const entries = [...result.table.entries()];
    expect(entries).toHaveLength(4236);
    expect(entries.filter((entry) => entry.summary)).toHaveLength(678);
    expect(new Set(entries.map((entry) => entry.shortName)).size).toBe(476);
    expect(result.table.version).toBe("32.0");
  });

  it("skips empty rows but keeps the spreadsheet's row numbers", () => {
    const grid = tinyWith(4, { ZZSSL: "bad" });
    grid.splice(2, 0, [], ["", "  ", null as unknown as string]);
    const [problem] = rejected(importCodeGrid(grid, OPTIONS));
    expect(problem).toMatchObject({ row: 6, column: "ZZSSL", path: "H6" });
  });

  it("accepts a title row above the header, a parent listed after its child, and retyped dates", () => {
    const [header, top, cereal, wheat] = tinyGrid();
    const grid: Cell[][] = [["商品和服务税收分类编码表"], header!, top!, wheat!, cereal!];
    grid[2] = [...top!];
    grid[2][HEADER.indexOf("QYSJ")] = "2019-04-01";
    grid[2][HEADER.indexOf("GDQJZSJ")] = new Date(Date.UTC(2019, 4, 1));
    const result = importCodeGrid(grid, OPTIONS);
    expect(result.ok).toBe(true);
  });

  it("writes a version a spreadsheet turned into a number back as 30.0", () => {
    const grid = tinyGrid().map((cells, i) =>
      i === 0 ? cells : cells.map((cell, c) => (c === 0 ? "30" : cell)),
    );
    const result = importCodeGrid(grid, OPTIONS);
    expect(result.ok && result.pack.version).toBe("30.0");
  });

  it("warns about, but keeps, special-management words that name no policy flag", () => {
    const result = importCodeGrid(tinyWith(4, { ZZSTSGL: "免税、出口退税" }), OPTIONS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ severity: "warning", row: 4, column: "ZZSTSGL", path: "L4" });
    expect(result.table.get("1010101010000000000")).toMatchObject({
      specialManagement: ["免税", "出口退税"],
      policyFlags: ["03"],
    });
  });
});

describe("importCodeGrid: rejected tables name the row (header = row 1) and never half-import", () => {
  it.each<[string, number, Record<string, string>, string, string]>([
    ["a code that is not 19 digits", 4, { SPBM: "101010101" }, "CODES_BAD_CODE", "D4"],
    [
      "a code a spreadsheet stored as a number",
      4,
      { SPBM: "1.0101010100000001E+18" },
      "CODES_BAD_CODE",
      "D4",
    ],
    ["a missing parent", 4, { PID: "1010101990000000000" }, "CODES_MISSING_PARENT", "T4"],
    ["a malformed parent", 3, { PID: "1" }, "CODES_BAD_PARENT", "T3"],
    ["a bad rate", 4, { ZZSSL: "9x%" }, "CODES_BAD_RATE", "H4"],
    ["a leaf without a rate", 4, { ZZSSL: "" }, "CODES_LEAF_WITHOUT_RATE", "H4"],
    ["a missing version", 3, { BB: "" }, "CODES_BAD_VERSION", "A3"],
    ["a different version", 4, { BB: "33.0" }, "CODES_BAD_VERSION", "A4"],
    ["a missing start date", 2, { QYSJ: "" }, "CODES_BAD_DATE", "B2"],
    ["an impossible start date", 2, { QYSJ: "20190230" }, "CODES_BAD_DATE", "B2"],
    ["a summary flag that is not Y/N", 3, { HZX: "是" }, "CODES_BAD_SUMMARY_FLAG", "J3"],
    ["a missing name", 3, { SPMC: "" }, "CODES_MISSING_NAME", "E3"],
    ["a missing short name", 4, { SPBMJC: "" }, "CODES_MISSING_SHORT_NAME", "F4"],
  ])("%s", (_what, rowNumber, fields, rule, path) => {
    const result = importCodeGrid(tinyWith(rowNumber, fields), OPTIONS);
    expect(result.ok).toBe(false);
    expect("pack" in result).toBe(false);
    const problems = rejected(result);
    expect(problems[0]).toMatchObject({ rule, row: rowNumber, path });
    expect(problems[0]!.message).toContain(`第 ${rowNumber} 行`);
    expect(problems[0]!.messageEn).toContain(`Row ${rowNumber}`);
  });

  it("points the number hint at the cause", () => {
    const [problem] = rejected(importCodeGrid(tinyWith(4, { SPBM: "1.0101010100000001E+18" }), OPTIONS));
    expect(problem!.messageEn).toContain("stored as a number");
  });

  it("reports a duplicate code on its second row, naming the first", () => {
    const grid = tinyGrid();
    grid.push([...grid[3]!]);
    const [problem] = rejected(importCodeGrid(grid, OPTIONS));
    expect(problem).toMatchObject({ rule: "CODES_DUPLICATE_CODE", row: 5 });
    expect(problem!.messageEn).toContain("first on row 4");
  });

  it("rejects a file without the official header, or with required columns missing", () => {
    expect(
      rejected(
        importCodeGrid(
          [
            ["code", "name"],
            ["1", "x"],
          ],
          OPTIONS,
        ),
      )[0]!.rule,
    ).toBe("CODES_NO_HEADER");
    const withoutRates = tinyGrid().map((cells) => cells.filter((_, c) => HEADER[c] !== "ZZSSL"));
    const [problem] = rejected(importCodeGrid(withoutRates, OPTIONS));
    expect(problem).toMatchObject({ rule: "CODES_MISSING_COLUMN", row: 1 });
    expect(problem!.messageEn).toContain("ZZSSL");
    expect(rejected(importCodeGrid([HEADER], OPTIONS))[0]!.rule).toBe("CODES_EMPTY");
    expect(rejected(importCodeGrid([], OPTIONS))[0]!.rule).toBe("CODES_NO_HEADER");
  });

  it("finds the corruption in the official table, row for row", () => {
    const grid = sharedCsvGrid();
    const code = HEADER.indexOf("SPBM");
    // Spreadsheet row 3983 is 3040201010000000000 软件开发服务 (checked by hand in the CSV).
    expect(grid[3982]![code]).toBe("3040201010000000000");
    grid[3982] = [...grid[3982]!];
    grid[3982]![HEADER.indexOf("ZZSSL")] = "6%%";
    grid[99] = [...grid[99]!];
    grid[99]![0] = "";
    const problems = rejected(importCodeGrid(grid, OPTIONS));
    expect(problems.map((problem) => [problem.row, problem.column])).toEqual([
      [100, "BB"],
      [3983, "ZZSSL"],
    ]);
  });

  it("lists at most maxDiagnostics problems, then says how many more", () => {
    const grid = tinyGrid().map((cells, i) =>
      i === 0 ? cells : cells.map((cell, c) => (c === 0 ? "x" : cell)),
    );
    const result = importCodeGrid(grid, { ...OPTIONS, maxDiagnostics: 2 });
    if (result.ok) throw new Error("expected rejection");
    expect(result.diagnostics).toHaveLength(3);
    expect(result.diagnostics[2]).toMatchObject({
      rule: "CODES_MORE_PROBLEMS",
      messageEn: "1 more problem(s) not listed",
    });
  });
});

describe("importCodeGrid: a damaged copy of the official table is refused (issue 9, item 4)", () => {
  it("a table with fewer rows than its version's official count", () => {
    const half = sharedCsvGrid().slice(0, 2001); // header and 2,000 of the 4,236 rows
    const problems = rejected(importCodeGrid(half, OPTIONS));
    expect(problems.map((p) => p.rule)).toContain("CODES_TOO_FEW_ROWS");
    const tooFew = problems.find((p) => p.rule === "CODES_TOO_FEW_ROWS")!;
    expect(tooFew.messageEn).toContain("4236 rows; this file has 2000");
  });

  it("a CSV cut in the middle of a row: the row is named, and the count is short", () => {
    const grid = sharedCsvGrid();
    const cut = grid.slice(0, 3001);
    cut[3000] = cut[3000]!.slice(0, 5); // the 3,000th data row ends inside its name, SPMC
    cut[3000]![4] = cut[3000]![4]!.slice(0, 1);
    const problems = rejected(importCodeGrid(cut, OPTIONS));
    expect(problems).toContainEqual(expect.objectContaining({ rule: "CODES_ROW_CUT", row: 3001 }));
    expect(problems.map((p) => p.rule)).toContain("CODES_TOO_FEW_ROWS");
  });

  it("broken parent links", () => {
    const grid = sharedCsvGrid();
    // Row 2 is 1000000000000000000 货物, the parent of every 1… row under it; without it their links break.
    expect(grid[1]![HEADER.indexOf("SPBM")]).toBe("1000000000000000000");
    const problems = rejected(importCodeGrid([grid[0]!, ...grid.slice(2)], OPTIONS));
    expect(problems.some((p) => p.rule === "CODES_MISSING_PARENT")).toBe(true);
  });
});
