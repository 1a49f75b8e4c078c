/**
 * The 用途确认 records of every store (memory, SQLite, PostgreSQL): written, rewritten, listed by buyer and
 * period oldest first, kept across a reopen, and a second insert under one key refused.
 */
import { error } from "@efapiao/model";
import type { UseRecord } from "@efapiao/receiving";
import { afterAll, describe, expect, it } from "vitest";
import { DURABLE_KINDS, removeTempDirs, STORE_KINDS } from "./stores.js";

afterAll(removeTempDirs);

const BUYER = "91310000MA1FL8XQ3B";

function record(number: string, seq: number, createdAt: number, extra: Partial<UseRecord> = {}): UseRecord {
  return {
    key: `${BUYER}/2026-05/${number}/${seq}`,
    buyerTaxId: BUYER,
    period: "2026-05",
    number,
    issueDate: "2026-05-18",
    action: "confirm",
    use: "deduct",
    status: "recorded",
    diagnostics: [],
    sends: 0,
    createdAt,
    updatedAt: createdAt,
    ...extra,
  };
}

describe.each(STORE_KINDS)("use records in the $name store", (kind) => {
  it("inserts, updates and lists a buyer's records by period, oldest first", async () => {
    const { store } = await kind.fresh();
    try {
      const a = record("26312000000000000001", 1, 1000);
      // Same millisecond: the tenth request about an invoice comes after its second, not before.
      const b2 = record("26312000000000000002", 2, 2000, { action: "cancel", status: "done" });
      const b10 = record("26312000000000000002", 10, 2000);
      delete b10.use;
      const other = { ...record("26312000000000000003", 1, 500), period: "2026-04", key: "x/2026-04/3/1" };
      const stranger = {
        ...record("26312000000000000004", 1, 100),
        buyerTaxId: "91110000600001760P",
        key: "y",
      };
      for (const r of [a, b10, b2, other, stranger]) await store.uses.insert(r);

      const sent: UseRecord = {
        ...a,
        status: "refused",
        sends: 1,
        providerCode: "06",
        providerMessage: "已勾选无法重复勾选",
        diagnostics: [error("USE_NO_ANSWER", "26312000000000000001", { zh: "没有答复", en: "No answer" })],
        updatedAt: 1500,
      };
      await store.uses.update(sent);

      expect(await store.uses.list(BUYER, "2026-05")).toEqual([sent, b2, b10]);
      expect((await store.uses.list(BUYER)).map((r) => r.key)).toEqual([other.key, a.key, b2.key, b10.key]);
      expect(await store.uses.list("91110000600001760P")).toEqual([stranger]);
      await expect(store.uses.insert(a)).rejects.toThrow(/exists/);
      expect((await store.uses.list(BUYER, "2026-05"))[0]).toEqual(sent);
    } finally {
      await store.close();
    }
  });
});

describe.each(DURABLE_KINDS)("use records in the $name store after a restart", (kind) => {
  it("are all still there", async () => {
    const { store, reopen } = await kind.fresh();
    const a = record("26312000000000000001", 1, 1000);
    await store.uses.insert(a);
    await store.uses.update({ ...a, status: "done", sends: 1, updatedAt: 1001 });
    await store.close();
    const again = await reopen();
    try {
      expect(await again.uses.list(BUYER, "2026-05")).toEqual([
        { ...a, status: "done", sends: 1, updatedAt: 1001 },
      ]);
    } finally {
      await again.close();
    }
  });
});
