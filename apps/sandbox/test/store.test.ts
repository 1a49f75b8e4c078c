// A sandbox restarted on the same store file knows everything it issued: invoices, numbers, forms. A
// write cut short by a crash (torn last line) is ignored; a corrupt line elsewhere is refused, not overwritten.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createNuonuo } from "@efapiao/nuonuo";
import { describe, expect, it } from "vitest";
import { createSandbox, StoreError } from "../src/index.js";
import { invoice, SELLER } from "./helpers.js";

function client(sandbox: Awaited<ReturnType<typeof createSandbox>>) {
  return createNuonuo({ credentials: sandbox.credentials("nuonuo") as never, sellerTaxId: SELLER });
}

describe("file store", () => {
  it("a restarted sandbox keeps its invoices and never reuses a number", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "efapiao-sandbox-")), "state.jsonl");
    const first = await createSandbox({ store: `file:${path}` });
    await client(first).issue({ requestKey: "K-1", invoice: invoice() });
    await client(first).issue({ requestKey: "K-2", invoice: invoice() });
    const before = first.invoices();
    await first.close();

    const second = await createSandbox({ store: path });
    expect(second.invoices()).toEqual(before);
    const nuonuo = client(second);
    expect(await nuonuo.issue({ requestKey: "K-1", invoice: invoice() })).toMatchObject({
      reason: "duplicate",
    });
    await nuonuo.issue({ requestKey: "K-3", invoice: invoice() });
    const numbers = second.invoices().map((i) => i.number);
    expect(new Set(numbers).size).toBe(3);
    await second.close();
  });

  it("ignores a torn last line and refuses a corrupt one in the middle", async () => {
    const dir = mkdtempSync(join(tmpdir(), "efapiao-sandbox-"));
    const path = join(dir, "state.jsonl");
    const first = await createSandbox({ store: path });
    await client(first).issue({ requestKey: "K-1", invoice: invoice() });
    await first.close();
    appendFileSync(path, '{"t":"invoices","id":"nuonuo|x|K-9","r":{"provider":"nuo'); // killed mid-write
    const second = await createSandbox({ store: path });
    expect(second.invoices().map((i) => i.requestKey)).toEqual(["K-1"]);
    await client(second).issue({ requestKey: "K-2", invoice: invoice() });
    await second.close();
    const third = await createSandbox({ store: path });
    expect(third.invoices().map((i) => i.requestKey)).toEqual(["K-1", "K-2"]);
    await third.close();

    const corrupt = join(dir, "corrupt.jsonl");
    writeFileSync(corrupt, `not json\n${readFileSync(path, "utf8").split("\n")[0]}\n`);
    await expect(createSandbox({ store: corrupt })).rejects.toBeInstanceOf(StoreError);
    expect(readFileSync(corrupt, "utf8").startsWith("not json\n")).toBe(true);
  });
});
