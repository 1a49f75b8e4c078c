import { readFileSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { readCodeTableBytes, readCodeTableFile } from "./read-table-file.js";

const IMPORTED_AT = "2026-01-01T00:00:00.000Z";

/** The official table in /work/shared/data, read in place (from packages/tables-import/src/). */
const TAX_CODES = new URL("../../../../shared/data/tax-codes/", import.meta.url);
const SHARED_XLSX = fileURLToPath(new URL("tax-codes-v32-2019-04-01.xlsx", TAX_CODES));
const SHARED_CSV = fileURLToPath(new URL("tax-codes-v32-2019-04-01.csv", TAX_CODES));

describe("readCodeTableFile on the official files", () => {
  it("reads the STA's xlsx: 4,236 rows, version 32.0 as text, codes as 19-digit strings", async () => {
    const result = await readCodeTableFile(SHARED_XLSX);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kind).toBe("xlsx");
    expect(result.pack.version).toBe("32.0");
    expect(result.pack.startDate).toBe("2019-04-01");
    expect(result.pack.transitionEnd).toBe("2019-05-01");
    expect(result.pack.source.sha256).toBe(
      "208b6cd0866344a22923c57b91ee5f053641f60ac96483fb2b10cbd5d9eab306",
    );
    expect(result.pack.source.file).toBe("tax-codes-v32-2019-04-01.xlsx");
    const entries = [...result.table.entries()];
    expect(entries).toHaveLength(4236);
    expect(entries.filter((entry) => entry.summary)).toHaveLength(678);
    expect(new Set(entries.map((entry) => entry.shortName)).size).toBe(476);
    for (const entry of entries) expect(entry.code).toMatch(/^\d{19}$/);
    expect(result.table.get("3040201010000000000")).toMatchObject({
      name: "软件开发服务",
      shortName: "信息技术服务",
      rates: ["0.06"],
    });
    expect(result.table.source).toBe(SHARED_XLSX);
  });

  it("reads the CSV of the same columns into the very same pack", async () => {
    const [xlsx, csv] = await Promise.all([
      readCodeTableFile(SHARED_XLSX, { importedAt: IMPORTED_AT }),
      readCodeTableFile(SHARED_CSV, { importedAt: IMPORTED_AT }),
    ]);
    if (!xlsx.ok || !csv.ok) throw new Error("an official file did not import");
    expect(csv.kind).toBe("csv");
    expect(csv.pack.columns).toEqual(xlsx.pack.columns);
    expect({ ...csv.pack, source: undefined }).toEqual({ ...xlsx.pack, source: undefined });
  });

  it("reads a pack it wrote back as a pack", async () => {
    const imported = await readCodeTableFile(SHARED_CSV, { importedAt: IMPORTED_AT });
    if (!imported.ok) throw new Error("the CSV did not import");
    const bytes = new TextEncoder().encode(JSON.stringify(imported.pack));
    const again = await readCodeTableBytes(bytes, "codes-32.0.json");
    expect(again.ok && again.kind).toBe("pack");
    expect(again.ok && again.table.size).toBe(4236);
  });
});

describe("readCodeTableBytes on damaged or unusual files", () => {
  it("turns a truncated xlsx into a diagnostic, not an exception", async () => {
    const bytes = (await readFile(SHARED_XLSX)).subarray(0, 4000);
    const result = await readCodeTableBytes(bytes, "broken.xlsx");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics[0]).toMatchObject({ rule: "CODES_UNREADABLE_FILE", severity: "error" });
      expect(result.diagnostics[0]!.messageEn).toContain("broken.xlsx");
    }
  });

  it("reports a missing file as a diagnostic", async () => {
    const result = await readCodeTableFile(join(tmpdir(), "no-such-table.xlsx"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]!.messageEn).toContain("ENOENT");
  });

  it("reads a CSV saved by Chinese Excel in GBK", async () => {
    const header = "BB,QYSJ,SPBM,SPMC,SPBMJC,ZZSSL,HZX,PID\r\n";
    // 货物 = bb f5 ce ef, 软件开发服务 = c8 ed bc fe bf aa b7 a2 b7 fe ce f1 in GBK (worked out with Python's codec).
    const gbk = (hex: string) => Buffer.from(hex, "hex");
    const bytes = Buffer.concat([
      Buffer.from(header),
      Buffer.from("30.0,20190401,3000000000000000000,"),
      gbk("bbf5ceef"),
      Buffer.from(","),
      gbk("bbf5ceef"),
      Buffer.from(",,Y,0\r\n30.0,20190401,3040201010000000000,"),
      gbk("c8edbcfebfaab7a2b7fecef1"),
      Buffer.from(","),
      gbk("bbf5ceef"),
      Buffer.from(",6%,N,3000000000000000000\r\n"),
    ]);
    const directory = await mkdtemp(join(tmpdir(), "efapiao-gbk-"));
    await writeFile(join(directory, "gbk.csv"), bytes);
    const result = await readCodeTableFile(join(directory, "gbk.csv"));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.table.get("3040201010000000000")).toMatchObject({
        name: "软件开发服务",
        shortName: "货物",
        rates: ["0.06"],
      });
    }
  });

  it("reports the row of a CSV problem", async () => {
    const text =
      "BB,QYSJ,SPBM,SPMC,SPBMJC,ZZSSL,HZX,PID\n30.0,20190401,1000000000000000000,货物,货物,,Y,0\n30.0,20190401,123,x,x,13%,N,1000000000000000000\n";
    const result = await readCodeTableBytes(new TextEncoder().encode(text), "t.csv");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.diagnostics[0]).toMatchObject({ rule: "CODES_BAD_CODE", row: 3, path: "C3" });
  });
});

describe("readCodeTableBytes on the official CSV cut short (issue 9, item 4)", () => {
  it("a cut inside a character stays UTF-8: the cut row and the short count are named, no mojibake", async () => {
    const bytes = readFileSync(SHARED_CSV);
    // Row 3 is 1010000000000000000 农、林、牧、渔业类产品; cut after the first byte of 林 (E6 9E 97).
    const at = bytes.indexOf(Buffer.from("林")) + 1;
    const result = await readCodeTableBytes(bytes.subarray(0, at), "cut.csv");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => [d.rule, d.row])).toEqual([
      ["CODES_TOO_FEW_ROWS", 1],
      ["CODES_ROW_CUT", 3],
      ["CODES_MISSING_SHORT_NAME", 3],
      ["CODES_BAD_SUMMARY_FLAG", 3],
    ]);
    // The part before the cut was read as UTF-8: no special-management words in mojibake were reported.
  });
});
