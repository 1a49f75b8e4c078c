import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { UseRecord } from "../src/index.js";
import { openUseFileStore } from "../src/node.js";

const record = (key: string, status: UseRecord["status"], createdAt: number): UseRecord => ({
  key,
  buyerTaxId: "914403001922038216",
  period: "2026-05",
  number: key.split("/")[2]!,
  issueDate: "2026-05-18",
  action: "confirm",
  use: "deduct",
  status,
  diagnostics: [],
  sends: 0,
  createdAt,
  updatedAt: createdAt,
});

describe("openUseFileStore", () => {
  it("keeps the last write of each record across reopening, and refuses a second insert", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "efapiao-use-")), "sub", "use.jsonl");
    const store = openUseFileStore(path);
    await store.insert(record("b/2026-05/1/1", "recorded", 1));
    await store.insert(record("b/2026-05/2/1", "recorded", 2));
    await store.update({ ...record("b/2026-05/1/1", "done", 1), sends: 1 });
    await expect(store.insert(record("b/2026-05/1/1", "recorded", 1))).rejects.toThrow("exists");
    const again = openUseFileStore(path);
    const listed = await again.list("914403001922038216", "2026-05");
    expect(listed.map((r) => [r.key, r.status, r.sends])).toEqual([
      ["b/2026-05/1/1", "done", 1],
      ["b/2026-05/2/1", "recorded", 0],
    ]);
    expect(readFileSync(path, "utf8").trim().split("\n")).toHaveLength(3);
  });

  it("ignores a last line torn by a crash, but not a damaged line in the middle", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "efapiao-use-")), "use.jsonl");
    const store = openUseFileStore(path);
    await store.insert(record("b/2026-05/1/1", "done", 1));
    appendFileSync(path, '{"key":"b/2026-05/2/1","buyerT');
    expect(await store.list("914403001922038216")).toHaveLength(1);
    appendFileSync(path, '\n{"key":"x"}\n');
    await expect(store.list("914403001922038216")).rejects.toThrow("use.jsonl:2");
  });
});
