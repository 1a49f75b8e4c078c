import { describe, expect, it } from "vitest";
import { HEADER, sharedCsvGrid, sharedTable } from "../test/shared-table.js";
import { builtinCodeTable } from "./builtin.js";
import { importCodeGrid } from "./code-import.js";
import { diffShortNames, knownRenames, shortNameStatus } from "./short-names.js";

const OTHER_SOFTWARE = "3040201990000000000";

/** The official table as a made-up version 33.0 in which 304020199's 简称 became 其他软件服务. */
function version33() {
  const grid = sharedCsvGrid().map((cells, i) => (i === 0 ? cells : [...cells]));
  const code = HEADER.indexOf("SPBM");
  for (const cells of grid.slice(1)) {
    cells[HEADER.indexOf("BB")] = "33.0";
    if (cells[code] === OTHER_SOFTWARE) cells[HEADER.indexOf("SPBMJC")] = "其他软件服务";
  }
  const result = importCodeGrid(grid, { file: "v33.csv" });
  if (!result.ok) throw new Error("v33 did not import");
  return result.table;
}

describe("shortNameStatus", () => {
  it("matches the table's own 简称", async () => {
    expect(shortNameStatus(await sharedTable(), OTHER_SOFTWARE, "信息技术服务")).toEqual({
      status: "match",
      expected: "信息技术服务",
    });
  });

  it("says 'renamed' for the platform's newer 简称 of 304020199", async () => {
    const status = shortNameStatus(await sharedTable(), OTHER_SOFTWARE, "其他软件服务");
    expect(status).toMatchObject({
      status: "renamed",
      givenIs: "newer",
      expected: "信息技术服务",
      rename: knownRenames[0],
    });
    if (status.status === "renamed") {
      expect(status.message.zh).toContain("32.0");
      expect(status.message.en).toContain("import a newer official table");
    }
  });

  it("says 'mismatch' for any other 简称, and 'unknown' for a code the table lacks", async () => {
    const table = await sharedTable();
    expect(shortNameStatus(table, OTHER_SOFTWARE, "软件服务")).toMatchObject({
      status: "mismatch",
      expected: "信息技术服务",
    });
    expect(shortNameStatus(table, "3040201010000000000", "其他软件服务").status).toBe("mismatch");
    expect(shortNameStatus(table, "3040201770000000000", "x").status).toBe("unknown");
    expect(shortNameStatus(builtinCodeTable(), "3040201010000000000", "信息技术服务").status).toBe("match");
  });

  it("records renames between two imported versions and reads the old name as outdated", async () => {
    const v32 = await sharedTable();
    const v33 = version33();
    const renames = diffShortNames(v32, v33);
    expect(renames).toEqual([
      {
        code: OTHER_SOFTWARE,
        from: "信息技术服务",
        to: "其他软件服务",
        fromVersion: "32.0",
        toVersion: "33.0",
        source: `${v32.source} → v33.csv`,
      },
    ]);
    expect(shortNameStatus(v33, OTHER_SOFTWARE, "信息技术服务", renames)).toMatchObject({
      status: "renamed",
      givenIs: "older",
      expected: "其他软件服务",
    });
    expect(shortNameStatus(v32, OTHER_SOFTWARE, "其他软件服务", renames)).toMatchObject({
      status: "renamed",
      givenIs: "newer",
    });
  });
});
