import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  editedCsv,
  efapiao,
  REPO_ROOT,
  replaceInRow,
  SHARED_CSV,
  SHARED_XLSX,
  serve,
  tempDir,
} from "./codes-helpers.js";

const SOFTWARE = "3040201010000000000";

describe("codes import, show and search with the STA's xlsx", () => {
  const cache = tempDir();
  const env = { XDG_CACHE_HOME: cache };
  // biome-ignore lint/suspicious/noExplicitAny: the import's JSON output, checked field by field
  let imported: any;

  beforeAll(async () => {
    const run = await efapiao(["codes", "import", SHARED_XLSX], env);
    expect(run.code, run.stderr).toBe(0);
    imported = run.json();
  });

  it("imports 4,236 rows, 678 summary rows and 476 short names into the cache under XDG_CACHE_HOME", () => {
    expect(imported).toMatchObject({
      imported: true,
      kind: "xlsx",
      version: "32.0",
      startDate: "2019-04-01",
      rows: 4236,
      summaryRows: 678,
      leafRows: 3558,
      shortNames: 476,
      pack: join(cache, "efapiao", "codes", "codes-32.0.json"),
      warnings: [],
    });
    expect(existsSync(imported.pack)).toBe(true);
  });

  it("shows 3040201010000000000 as the file has it: 软件开发服务, 信息技术服务, 6%, leaf, parents", async () => {
    const run = await efapiao(["codes", "show", SOFTWARE], env);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({
      code: SOFTWARE,
      name: "软件开发服务",
      shortName: "信息技术服务",
      rates: ["0.06"],
      rateText: "6%",
      summary: false,
      usable: true,
      keywords: "软件开发",
      parents: [
        { code: "3040201000000000000", name: "软件服务" },
        { code: "3040200000000000000", name: "信息技术服务" },
        { code: "3040000000000000000", name: "现代服务" },
        { code: "3000000000000000000", name: "销售服务" },
      ],
      table: { version: "32.0", startDate: "2019-04-01", source: imported.pack },
    });
  });

  it("accepts a code written without its trailing zeros", async () => {
    expect((await efapiao(["codes", "show", "304020101"], env)).json().code).toBe(SOFTWARE);
  });

  it("shows a summary row as found but not usable, and policy flags with their labels", async () => {
    const summary = await efapiao(["codes", "show", "3040201000000000000"], env);
    expect(summary.code).toBe(0);
    expect(summary.json()).toMatchObject({ name: "软件服务", summary: true, usable: false, rates: [] });
    const sprouts = (await efapiao(["codes", "show", "1010112140000000000"], env)).json();
    expect(sprouts).toMatchObject({
      name: "绿豆芽等芽苗菜",
      rates: ["0.13", "0.09"],
      specialManagement: ["免税"],
      policyFlags: [{ code: "03", zh: "免税", en: "Tax-exempt" }],
    });
  });

  it("shows the known 简称 rename of 304020199", async () => {
    const run = (await efapiao(["codes", "show", "3040201990000000000"], env)).json();
    expect(run.shortName).toBe("信息技术服务");
    expect(run.renames).toMatchObject([{ from: "信息技术服务", to: "其他软件服务" }]);
  });

  it("refuses a code the table does not know, naming the table version (exit 1)", async () => {
    const run = await efapiao(["codes", "show", "3040201770000000000"], env);
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ found: false, table: { version: "32.0" } });
    expect(run.json().diagnostics[0].messageEn).toContain("code table version 32.0");
    expect(run.stderr).toContain("32.0");
  });

  it("treats a malformed code as a usage error (exit 2)", async () => {
    const run = await efapiao(["codes", "show", "30402x"], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect((await efapiao(["codes", "show"], env)).code).toBe(2);
  });

  it("searches 软件开发 and finds 3040201010000000000 first", async () => {
    const run = await efapiao(["codes", "search", "软件开发"], env);
    expect(run.code).toBe(0);
    const result = run.json();
    expect(result.results[0]).toMatchObject({
      code: SOFTWARE,
      name: "软件开发服务",
      shortName: "信息技术服务",
      rates: ["0.06"],
    });
    expect(result.table.version).toBe("32.0");
  });

  it("limits results, can leave summary rows out, and says when nothing matches", async () => {
    const limited = (await efapiao(["codes", "search", "稀土", "--limit", "2"], env)).json();
    expect(limited.results).toHaveLength(2);
    expect(limited.total).toBeGreaterThan(2);
    const leaves = (
      await efapiao(["codes", "search", "软件", "--leaves-only", "--limit", "500"], env)
    ).json();
    expect(leaves.results.every((hit: { summary: boolean }) => !hit.summary)).toBe(true);
    const none = await efapiao(["codes", "search", "量子纠缠"], env);
    expect(none.code).toBe(1);
    expect(none.json().results).toEqual([]);
    expect((await efapiao(["codes", "search"], env)).code).toBe(2);
    expect((await efapiao(["codes", "search", "x", "--limit", "0"], env)).code).toBe(2);
  });

  it("lists the cached versions", async () => {
    const run = await efapiao(["codes", "versions"], env);
    expect(run.json()).toEqual({
      cache: join(cache, "efapiao"),
      versions: [{ version: "32.0", path: imported.pack, newest: true }],
    });
  });
});

describe("codes import rejects a damaged table with the row number and writes nothing", () => {
  const dir = tempDir();
  // Rows checked by hand in the CSV: row 7 = 1010101020000000000 小麦 (a leaf), row 3983 = 3040201010000000000.
  it.each<[string, (lines: string[]) => void, number, string]>([
    [
      "a bad code",
      (lines) => replaceInRow(lines, 7, "1010101020000000000", "101010102000000"),
      7,
      "CODES_BAD_CODE",
    ],
    [
      "a missing parent",
      (lines) => replaceInRow(lines, 3983, ",3040201000000000000,", ",3040201770000000000,"),
      3983,
      "CODES_MISSING_PARENT",
    ],
    ["a bad rate", (lines) => replaceInRow(lines, 3983, ",6%,", ",6x%,"), 3983, "CODES_BAD_RATE"],
    ["a missing version", (lines) => replaceInRow(lines, 100, "32.0,", ","), 100, "CODES_BAD_VERSION"],
  ])("%s", async (name, edit, row, rule) => {
    const file = editedCsv(dir, `${name.replaceAll(" ", "-")}.csv`, edit);
    const cache = tempDir();
    const run = await efapiao(["codes", "import", file], { XDG_CACHE_HOME: cache });
    expect(run.code).toBe(1);
    const result = run.json();
    expect(result.imported).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ rule, row, severity: "error" });
    expect(run.stderr).toContain(`第 ${row} 行`);
    expect(run.stderr).toContain(`Row ${row}`);
    expect((await efapiao(["codes", "versions"], { XDG_CACHE_HOME: cache })).json().versions).toEqual([]);
  });

  it("rejects a truncated xlsx without a stack trace", async () => {
    const file = join(dir, "truncated.xlsx");
    writeFileSync(file, readFileSync(SHARED_XLSX).subarray(0, 5000));
    const run = await efapiao(["codes", "import", file]);
    expect(run.code).toBe(1);
    expect(run.json().diagnostics[0].rule).toBe("CODES_UNREADABLE_FILE");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("treats a missing file as a usage error", async () => {
    expect((await efapiao(["codes", "import", join(dir, "nope.xlsx")])).code).toBe(2);
    expect((await efapiao(["codes", "import"])).code).toBe(2);
  });
});

describe("the table in use: --codes, EFAPIAO_CODES, the cache, the built-in list", () => {
  const dir = tempDir();

  it("falls back to the built-in list on an empty cache", async () => {
    const run = (await efapiao(["codes", "show", SOFTWARE])).json();
    expect(run.table).toEqual({ version: "built-in", source: "built-in" });
    const missing = await efapiao(["codes", "show", "1010101020000000000"]);
    expect(missing.code).toBe(1);
    expect(missing.json().diagnostics[0].messageEn).toContain("built-in list");
  });

  it("reads an official file given with --codes, without touching the cache", async () => {
    const cache = tempDir();
    const run = await efapiao(["codes", "show", "1010101020000000000", "--codes", SHARED_CSV], {
      XDG_CACHE_HOME: cache,
    });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ name: "小麦", table: { version: "32.0", source: SHARED_CSV } });
    expect(existsSync(join(cache, "efapiao"))).toBe(false);
  });

  it("reads EFAPIAO_CODES, and --codes wins over it", async () => {
    const v33 = editedCsv(dir, "v33.csv", (lines) => {
      for (let i = 1; i < lines.length; i++) lines[i] = lines[i]!.replace(/^32\.0,/, "33.0,");
    });
    const fromEnv = (await efapiao(["codes", "search", "软件开发"], { EFAPIAO_CODES: v33 })).json();
    expect(fromEnv.table).toMatchObject({ version: "33.0", source: v33 });
    const both = (
      await efapiao(["codes", "search", "软件开发", "--codes", SHARED_CSV], { EFAPIAO_CODES: v33 })
    ).json();
    expect(both.table.version).toBe("32.0");
  });

  it("resolves a relative --codes path against the working directory", async () => {
    const relative = join("..", "shared", "data", "tax-codes", "tax-codes-v32-2019-04-01.csv");
    expect(existsSync(join(REPO_ROOT, relative))).toBe(true);
    const run = await efapiao(["codes", "show", SOFTWARE, "--codes", relative]);
    expect(run.json().table.source).toBe(SHARED_CSV);
  });

  it("turns a damaged --codes file into a usage error that lists the rows (exit 2)", async () => {
    const file = editedCsv(dir, "bad-rate.csv", (lines) => replaceInRow(lines, 3983, ",6%,", ",6x%,"));
    const run = await efapiao(["codes", "show", SOFTWARE, "--codes", file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Row 3983, ZZSSL (H3983)");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("turns a damaged cached pack into a usage error that says to import again", async () => {
    const cache = tempDir();
    await efapiao(["codes", "import", SHARED_CSV], { XDG_CACHE_HOME: cache });
    writeFileSync(join(cache, "efapiao", "codes", "codes-32.0.json"), '{"format":"efapiao-code-pack"');
    const run = await efapiao(["codes", "show", SOFTWARE], { XDG_CACHE_HOME: cache });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("efapiao codes import");
  });

  it("keeps versions side by side and uses the newest", async () => {
    const cache = tempDir();
    const env = { XDG_CACHE_HOME: cache };
    const v33 = editedCsv(dir, "v33-renamed.csv", (lines) => {
      for (let i = 1; i < lines.length; i++) lines[i] = lines[i]!.replace(/^32\.0,/, "33.0,");
      // Row 3986 is 3040201990000000000 其他软件服务 (简称 信息技术服务 in v32.0).
      replaceInRow(lines, 3986, "其他软件服务,信息技术服务,", "其他软件服务,其他软件服务,");
    });
    expect((await efapiao(["codes", "import", v33], env)).code).toBe(0);
    expect((await efapiao(["codes", "import", SHARED_CSV], env)).code).toBe(0);
    const listed = (await efapiao(["codes", "versions"], env)).json();
    expect(listed.versions.map((v: { version: string }) => v.version)).toEqual(["33.0", "32.0"]);
    const newest = (await efapiao(["codes", "show", "3040201990000000000"], env)).json();
    expect(newest).toMatchObject({ shortName: "其他软件服务", table: { version: "33.0" } });
    const older = (
      await efapiao(["codes", "show", "3040201990000000000", "--codes", listed.versions[1].path], env)
    ).json();
    expect(older).toMatchObject({ shortName: "信息技术服务", table: { version: "32.0" } });
  });
});

describe("codes update", () => {
  it("downloads the table file from --url and imports it", async () => {
    const server = await serve(readFileSync(SHARED_XLSX));
    try {
      const cache = tempDir();
      const run = await efapiao(["codes", "update", "--url", server.url], { XDG_CACHE_HOME: cache });
      expect(run.code, run.stderr).toBe(0);
      expect(run.json()).toMatchObject({
        imported: true,
        url: server.url,
        file: "tax-codes.xlsx",
        kind: "xlsx",
        version: "32.0",
        rows: 4236,
        sha256: "208b6cd0866344a22923c57b91ee5f053641f60ac96483fb2b10cbd5d9eab306",
      });
      const shown = (await efapiao(["codes", "show", SOFTWARE], { XDG_CACHE_HOME: cache })).json();
      expect(shown.table.version).toBe("32.0");
    } finally {
      await server.close();
    }
  });

  it("takes the URL from EFAPIAO_CODES_URL", async () => {
    const server = await serve(readFileSync(SHARED_CSV));
    try {
      const run = await efapiao(["codes", "update"], { EFAPIAO_CODES_URL: server.url });
      expect(run.code, run.stderr).toBe(0);
      expect(run.json()).toMatchObject({ url: server.url, kind: "csv", rows: 4236 });
    } finally {
      await server.close();
    }
  });

  it("reports an HTTP error, or a download that is not a table, as rejected (exit 1)", async () => {
    const missing = await serve("not found", 404);
    const garbage = await serve("<html>portal login</html>");
    try {
      const notFound = await efapiao(["codes", "update", "--url", missing.url]);
      expect(notFound.code).toBe(1);
      expect(notFound.json().diagnostics[0]).toMatchObject({ rule: "CODES_DOWNLOAD_FAILED" });
      expect(notFound.json().diagnostics[0].messageEn).toContain("404");
      const notTable = await efapiao(["codes", "update", "--url", garbage.url]);
      expect(notTable.code).toBe(1);
      expect(notTable.json().diagnostics[0].rule).toBe("CODES_NO_HEADER");
    } finally {
      await missing.close();
      await garbage.close();
    }
  });

  it("reports an unreachable server as rejected", async () => {
    const server = await serve("x");
    const { url } = server;
    await server.close();
    const run = await efapiao(["codes", "update", "--url", url]);
    expect(run.code).toBe(1);
    expect(run.json().diagnostics[0].rule).toBe("CODES_DOWNLOAD_FAILED");
  });

  it("refuses URLs it cannot fetch as usage errors", async () => {
    expect((await efapiao(["codes", "update", "--url", "ftp://example.com/t.xlsx"])).code).toBe(2);
    expect((await efapiao(["codes", "update", "--url", "not a url"])).code).toBe(2);
  });
});

describe("codes usage", () => {
  it("needs a known subcommand", async () => {
    expect((await efapiao(["codes"])).code).toBe(2);
    const run = await efapiao(["codes", "lookup", "x"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Unknown command "lookup"; there are: show, search, import, update, versions',
    );
  });
});
