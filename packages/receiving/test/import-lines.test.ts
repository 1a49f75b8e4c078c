import { appendFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMemoryUseStore, type UseRecord } from "../src/index.js";
import { importUseLines } from "../src/node.js";

const BUYER = "914403001922038216";
const record = (key: string, status: UseRecord["status"], createdAt: number): UseRecord => ({
  key,
  buyerTaxId: BUYER,
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
const line = (r: UseRecord) => `${JSON.stringify(r)}\n`;

describe("importUseLines", () => {
  it("moves each key's last line into the store once and renames the file", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "efapiao-use-")), "use-confirmations.jsonl");
    const done = { ...record("b/2026-05/1/1", "done", 1), sends: 1 };
    writeFileSync(
      path,
      line(record("b/2026-05/1/1", "recorded", 1)) +
        line(record("b/2026-05/2/1", "recorded", 2)) +
        line(done),
    );
    appendFileSync(path, '{"key":"b/2026-05/3/1","buyerT'); // torn by a crash: never acknowledged
    const store = createMemoryUseStore();
    await store.insert(record("b/2026-05/2/1", "unknown", 2)); // already imported by a run cut short
    expect(await importUseLines(path, store)).toBe(1);
    expect((await store.list(BUYER)).map((r) => [r.key, r.status, r.sends])).toEqual([
      ["b/2026-05/1/1", "done", 1],
      ["b/2026-05/2/1", "unknown", 0],
    ]);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.imported`)).toBe(true);
    expect(await importUseLines(path, store)).toBeUndefined();
  });

  it("refuses a file damaged before its last line, importing nothing", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "efapiao-use-")), "use.jsonl");
    writeFileSync(
      path,
      `${line(record("b/2026-05/1/1", "done", 1))}{"key":\n${line(record("b/2026-05/2/1", "done", 2))}`,
    );
    const store = createMemoryUseStore();
    await expect(importUseLines(path, store)).rejects.toThrow("use.jsonl:2");
    expect(store.records.size).toBe(0);
    expect(existsSync(path)).toBe(true);
  });
});
