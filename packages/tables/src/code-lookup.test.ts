import { describe, expect, it } from "vitest";
import { sharedTable } from "../test/shared-table.js";
import { builtinCodeTable } from "./builtin.js";
import { checkInvoiceCode, describeTable, normalizeCode, parentChain } from "./code-lookup.js";

describe("normalizeCode", () => {
  it("pads codes written without their trailing zeros", () => {
    expect(normalizeCode("304020101")).toBe("3040201010000000000");
    expect(normalizeCode(" 3040201010000000000 ")).toBe("3040201010000000000");
    expect(normalizeCode("30402010100000000000")).toBeUndefined();
    expect(normalizeCode("30402x")).toBeUndefined();
    expect(normalizeCode("")).toBeUndefined();
  });
});

describe("look-ups in the official v32.0 table", () => {
  it("gives the table's own values for 3040201010000000000 (checked by hand in the file)", async () => {
    const table = await sharedTable();
    expect(table.get("3040201010000000000")).toMatchObject({
      name: "软件开发服务",
      shortName: "信息技术服务",
      rates: ["0.06"],
      rateText: "6%",
      summary: false,
      parent: "3040201000000000000",
    });
    // Row with two rates and a special-management word (ZZSSL "13%、9%", ZZSTSGL "免税").
    expect(table.get("1010112140000000000")).toMatchObject({
      name: "绿豆芽等芽苗菜",
      shortName: "蔬菜",
      rates: ["0.13", "0.09"],
      specialManagement: ["免税"],
      policyFlags: ["03"],
    });
    // A 不征税 row of group 6: ZZSSL "0%", ZZSTSGL "不征税" → flag 04.
    expect(table.get("6010000000000000000")).toMatchObject({
      name: "预付卡销售和充值",
      rates: ["0"],
      policyFlags: ["04"],
    });
  });

  it("walks the parent chain to the top", async () => {
    const table = await sharedTable();
    expect(parentChain(table, "3040201010000000000").map((entry) => [entry.code, entry.name])).toEqual([
      ["3040201000000000000", "软件服务"],
      ["3040200000000000000", "信息技术服务"],
      ["3040000000000000000", "现代服务"],
      ["3000000000000000000", "销售服务"],
    ]);
    expect(parentChain(table, "3000000000000000000")).toEqual([]);
    expect(parentChain(table, "9999999999999999999")).toEqual([]);
  });

  it("ends the chain where the built-in list has no parent", () => {
    expect(parentChain(builtinCodeTable(), "3040201010000000000").map((row) => row.code)).toEqual([
      "3040201000000000000",
    ]);
  });

  it("lets leaves onto an invoice and refuses summary rows, unknown and malformed codes, naming the version", async () => {
    const table = await sharedTable();
    expect(checkInvoiceCode(table, "3040201010000000000")).toMatchObject({ ok: true });
    const summary = checkInvoiceCode(table, "3040201000000000000");
    expect(summary).toMatchObject({ ok: false, reason: "summary" });
    if (!summary.ok) expect(summary.message.zh).toContain("汇总项");
    const unknown = checkInvoiceCode(table, "3040201770000000000");
    expect(unknown).toMatchObject({ ok: false, reason: "unknown" });
    if (!unknown.ok) {
      expect(unknown.message.zh).toContain("32.0");
      expect(unknown.message.en).toContain("version 32.0");
    }
    expect(checkInvoiceCode(table, "304020101")).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("describes the built-in list as such", () => {
    expect(describeTable(builtinCodeTable()).en).toContain("built-in list");
    expect(describeTable({ version: "32.0", startDate: "2019-04-01" }).zh).toBe(
      "编码表 32.0 版（2019-04-01 启用）",
    );
  });
});
