import { afterAll, afterEach, describe, expect, it } from "vitest";
import { missingNumbers, numberScope, preassignedNumbers, type Store } from "../src/index.js";
import { removeTempDirs, STORE_KINDS } from "./stores.js";

afterAll(removeTempDirs);

const SCOPE = numberScope("leqi", "91310115MA1K3X4Y77");
/** Forty consecutive pre-assigned numbers, as a QDFPPLFM batch (fpqshm … fpzzhm). */
const BATCH = Array.from({ length: 40 }, (_, i) => `244420000000713093${String(i).padStart(2, "0")}`);

describe.each(STORE_KINDS)("the number pool on the $name store", (kind) => {
  const open: Store[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it("gives each key one number, the same one every time, lowest first, and none twice", async () => {
    const fresh = await kind.fresh();
    open.push(fresh.store);
    const pool = fresh.store.numbers;
    expect(await pool.add(SCOPE, BATCH.slice(0, 3), 1)).toBe(3);
    expect(await pool.add(SCOPE, BATCH.slice(0, 3), 2)).toBe(0); // the same batch again adds nothing
    expect(await pool.free(SCOPE)).toBe(3);
    expect(await pool.take(SCOPE, "SO-1", 3)).toBe("24442000000071309300");
    expect(await pool.take(SCOPE, "SO-2", 3)).toBe("24442000000071309301");
    expect(await pool.take(SCOPE, "SO-1", 4)).toBe("24442000000071309300");
    expect(await pool.take(SCOPE, "SO-3", 4)).toBe("24442000000071309302");
    expect(await pool.take(SCOPE, "SO-4", 5)).toBeUndefined(); // exhausted
    expect(await pool.numberOf(SCOPE, "SO-4")).toBeUndefined();
    expect(await pool.free(SCOPE)).toBe(0);
    // Another seller's pool is another pool.
    expect(await pool.take(numberScope("leqi", "91110108MA00ABCD1B"), "SO-1", 5)).toBeUndefined();

    const state = preassignedNumbers(pool, SCOPE);
    await state.recordAcceptance("SO-2", "S-0001");
    expect(await state.acceptanceOf("SO-2")).toBe("S-0001");
    expect(await state.acceptanceOf("SO-1")).toBeUndefined();
    expect(await state.numberFor("SO-2")).toBe("24442000000071309301");

    // Kept across a restart (the durable stores).
    const again = await fresh.reopen();
    if (again !== fresh.store) open.push(again);
    expect(await again.numbers.numberOf(SCOPE, "SO-3")).toBe("24442000000071309302");
    expect(await again.numbers.acceptanceOf(SCOPE, "SO-2")).toBe("S-0001");
  });

  it("counts what a batch lacks: keys with a number need none", async () => {
    const fresh = await kind.fresh();
    open.push(fresh.store);
    const pool = fresh.store.numbers;
    await pool.add(SCOPE, BATCH.slice(0, 2), 1);
    await pool.take(SCOPE, "A", 2);
    expect(await missingNumbers(pool, SCOPE, ["A", "B"])).toBe(0);
    expect(await missingNumbers(pool, SCOPE, ["A", "B", "C", "D"])).toBe(2);
  });

  it.runIf(kind.name === "postgres")("two workers taking at once never get the same number", async () => {
    const fresh = await kind.fresh();
    const other = await fresh.reopen();
    open.push(fresh.store, other);
    await fresh.store.numbers.add(SCOPE, BATCH, 1);
    const keys = Array.from({ length: 12 }, (_, i) => `K-${i}`);
    // Each worker asks for all twelve keys (both race for each key) and eight more of its own.
    const take = (store: Store, own: string) =>
      Promise.all([
        ...keys.map((k) => store.numbers.take(SCOPE, k, 2)),
        ...Array.from({ length: 8 }, (_, i) => store.numbers.take(SCOPE, `${own}-${i}`, 2)),
      ]);
    const [a, b] = await Promise.all([take(fresh.store, "A"), take(other, "B")]);
    // A shared key has one number, whoever asked; 28 keys got 28 different numbers of the 40.
    expect(a.slice(0, 12)).toEqual(b.slice(0, 12));
    const given = [...a, ...b.slice(12)];
    expect(given.every((n) => n !== undefined && BATCH.includes(n))).toBe(true);
    expect(new Set(given).size).toBe(28);
    expect(await fresh.store.numbers.free(SCOPE)).toBe(12);
  });
});
