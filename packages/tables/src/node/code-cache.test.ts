import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tinyGrid } from "../../test/shared-table.js";
import { importCodeGrid } from "../code-import.js";
import type { CodePack } from "../code-pack.js";
import {
  codeCacheDir,
  compareVersions,
  largerCachedPack,
  listCachedPacks,
  loadNewestCachedTable,
  saveCodePack,
} from "./code-cache.js";

function packOfVersion(version: string): CodePack {
  const grid = tinyGrid().map((cells, i) => (i === 0 ? cells : [version, ...cells.slice(1)]));
  const result = importCodeGrid(grid, { file: `v${version}.csv` });
  if (!result.ok) throw new Error(`version ${version} did not import`);
  return result.pack;
}

describe("codeCacheDir", () => {
  it("follows XDG_CACHE_HOME, then HOME", () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: "/tmp/c", HOME: "/home/li" })).toBe("/tmp/c/efapiao");
    expect(codeCacheDir({ HOME: "/home/li" })).toBe("/home/li/.cache/efapiao");
    expect(codeCacheDir({ XDG_CACHE_HOME: "", HOME: "/home/li" })).toBe("/home/li/.cache/efapiao");
  });
});

describe("the pack cache", () => {
  it("keeps versions side by side and loads the newest", async () => {
    const cache = await mkdtemp(join(tmpdir(), "efapiao-cache-"));
    expect(await listCachedPacks(cache)).toEqual([]);
    expect(await loadNewestCachedTable(cache)).toBeUndefined();
    for (const version of ["9.0", "31.1", "31.0"]) await saveCodePack(cache, packOfVersion(version));
    expect((await listCachedPacks(cache)).map((pack) => pack.version)).toEqual(["31.1", "31.0", "9.0"]);
    const newest = await loadNewestCachedTable(cache);
    expect(newest?.ok && newest.table.version).toBe("31.1");
    expect(newest?.ok && newest.table.source).toBe(join(cache, "codes", "codes-31.1.json"));
  });

  it("replaces an earlier import of the same version and leaves no temporary files", async () => {
    const cache = await mkdtemp(join(tmpdir(), "efapiao-cache-"));
    await saveCodePack(cache, packOfVersion("31.0"));
    const path = await saveCodePack(cache, packOfVersion("31.0"));
    expect(path).toBe(join(cache, "codes", "codes-31.0.json"));
    expect(await readdir(join(cache, "codes"))).toEqual(["codes-31.0.json"]);
  });

  it("ignores unrelated files and reports a corrupt pack as a message", async () => {
    const cache = await mkdtemp(join(tmpdir(), "efapiao-cache-"));
    await saveCodePack(cache, packOfVersion("31.0"));
    await writeFile(join(cache, "codes", "notes.txt"), "hello");
    await writeFile(join(cache, "codes", "codes-33.0.json"), "{ truncated");
    const newest = await loadNewestCachedTable(cache);
    expect(newest?.ok).toBe(false);
    if (newest && !newest.ok) expect(newest.message.zh).toContain("codes-33.0.json");
  });
});

describe("compareVersions", () => {
  it("compares dotted numbers numerically", () => {
    expect(compareVersions("9.0", "32.0")).toBeLessThan(0);
    expect(compareVersions("32.1", "32.0")).toBeGreaterThan(0);
    expect(compareVersions("32", "32.0")).toBe(0);
  });
});

describe("largerCachedPack", () => {
  it("finds a cached pack of the same version with more rows, and nothing else", async () => {
    const cache = await mkdtemp(join(tmpdir(), "efapiao-cache-"));
    const full = packOfVersion("31.0");
    const shorter = importCodeGrid(
      tinyGrid()
        .slice(0, 3)
        .map((cells, i) => (i === 0 ? cells : ["31.0", ...cells.slice(1)])),
      { file: "cut.csv" },
    );
    if (!shorter.ok) throw new Error("the two-row table should import");
    expect(await largerCachedPack(cache, shorter.pack)).toBeUndefined(); // empty cache
    await saveCodePack(cache, full);
    expect(await largerCachedPack(cache, shorter.pack)).toMatchObject({ version: "31.0", rows: 3 });
    expect(await largerCachedPack(cache, full)).toBeUndefined(); // the same size may replace it
    expect(await largerCachedPack(cache, packOfVersion("31.1"))).toBeUndefined(); // another version
  });
});
