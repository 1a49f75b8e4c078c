import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sharedTable } from "../test/shared-table.js";
import { builtinCodeTable } from "./builtin.js";
import { searchCodes } from "./code-search.js";

describe("searchCodes over the official v32.0 table", () => {
  it("finds 软件开发服务 first for 软件开发", async () => {
    const result = searchCodes(await sharedTable(), "软件开发");
    expect(result.fuzzy).toBe(false);
    expect(result.hits[0]?.entry.code).toBe("3040201010000000000");
    expect(result.hits[0]?.matchedIn).toEqual(["name", "keywords"]);
  });

  it("ranks an exact name above names that merely contain the word", async () => {
    const result = searchCodes(await sharedTable(), "餐饮服务");
    expect(result.hits[0]?.entry).toMatchObject({ code: "3070401000000000000", name: "餐饮服务" });
  });

  it("requires every word of a multi-word query", async () => {
    const result = searchCodes(await sharedTable(), "餐饮 机械", { limit: 100 });
    expect(result.hits.map((hit) => hit.entry.code)).toContain("1090252020000000000"); // 餐饮服务用机械
    for (const { entry } of result.hits) {
      const text = [entry.name, entry.keywords, entry.shortName, entry.description].join(" ");
      expect(text).toContain("餐饮");
      expect(text).toContain("机械");
    }
  });

  it("looks up code prefixes", async () => {
    const table = await sharedTable();
    expect(searchCodes(table, "304020101").hits.map((hit) => hit.entry.code)).toEqual([
      "3040201010000000000",
    ]);
    const under = searchCodes(table, "3040201", { limit: 100 });
    expect(under.hits.map((hit) => hit.entry.code).sort()).toEqual([
      "3040201000000000000",
      "3040201010000000000",
      "3040201030000000000",
      "3040201040000000000",
      "3040201990000000000",
    ]);
  });

  it("falls back to two-character pieces when the words match nothing as written", async () => {
    const result = searchCodes(await sharedTable(), "开发软件");
    expect(result.fuzzy).toBe(true);
    expect(result.hits[0]?.entry.code).toBe("3040201010000000000");
  });

  it("matches Latin letters whatever their case", async () => {
    const table = await sharedTable();
    expect(searchCodes(table, "led").total).toBe(searchCodes(table, "LED").total);
    expect(searchCodes(table, "led").total).toBeGreaterThan(0);
  });

  it("puts leaf codes before summary rows, whatever the query", async () => {
    const table = await sharedTable();
    const words = ["服务", "软件", "稀土", "农产品", "运输", "设备", "技术", "纸", "钢"];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.integer({ min: 1, max: 200 }), (word, limit) => {
        const summaries = searchCodes(table, word, { limit }).hits.map((hit) => hit.entry.summary);
        const firstSummary = summaries.indexOf(true);
        if (firstSummary !== -1) expect(summaries.slice(firstSummary)).not.toContain(false);
      }),
      { numRuns: 30 },
    );
  });

  it("counts all matches, returns at most `limit`, and can leave summary rows out", async () => {
    const table = await sharedTable();
    const all = searchCodes(table, "稀土", { limit: 5 });
    expect(all.hits).toHaveLength(5);
    expect(all.total).toBeGreaterThan(5);
    const leaves = searchCodes(table, "稀土", { limit: 1000, leavesOnly: true });
    expect(leaves.hits.every((hit) => !hit.entry.summary)).toBe(true);
    expect(leaves.total).toBeLessThan(all.total);
  });

  it("returns nothing for an empty query or a word the table does not contain", async () => {
    const table = await sharedTable();
    expect(searchCodes(table, "  ").total).toBe(0);
    expect(searchCodes(table, "量子纠缠").total).toBe(0);
  });
});

describe("searchCodes over a table made from entries", () => {
  it("searches the built-in list too", () => {
    const result = searchCodes(builtinCodeTable(), "餐饮");
    expect(result.hits.map((hit) => hit.entry.code)).toEqual(["3070401000000000000"]);
  });
});
