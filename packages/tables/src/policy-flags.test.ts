import { describe, expect, it } from "vitest";
import { sharedCsvGrid } from "../test/shared-table.js";
import { policyFlagsForSpecialManagement } from "./policy-flags.js";

describe("ZZSTSGL → 优惠政策标识", () => {
  it("maps the words one by one, keeping order and dropping repeats", () => {
    expect(policyFlagsForSpecialManagement(["免税"])).toEqual({ flags: ["03"], unknown: [] });
    expect(policyFlagsForSpecialManagement(["稀土产品", "即征即退30%"])).toEqual({
      flags: ["02", "11"],
      unknown: [],
    });
    expect(policyFlagsForSpecialManagement(["按5%简易征收减按1.5%计征", "按5%简易征收"])).toEqual({
      flags: ["10", "09"],
      unknown: [],
    });
    expect(policyFlagsForSpecialManagement(["超税负8%即征即退", "超税负12%即征即退"]).flags).toEqual([
      "16",
      "17",
    ]);
    expect(policyFlagsForSpecialManagement(["免税", "免税"]).flags).toEqual(["03"]);
  });

  it("reports words that name no flag", () => {
    expect(policyFlagsForSpecialManagement(["免税", "出口退税"])).toEqual({
      flags: ["03"],
      unknown: ["出口退税"],
    });
  });

  it("covers every word of the official v32.0 table's ZZSTSGL column", () => {
    const [header, ...rows] = sharedCsvGrid();
    const column = header!.indexOf("ZZSTSGL");
    const words = new Set(rows.flatMap((cells) => (cells[column] ? cells[column].split("、") : [])));
    expect(words.size).toBeGreaterThan(10);
    expect(policyFlagsForSpecialManagement([...words]).unknown).toEqual([]);
  });
});
