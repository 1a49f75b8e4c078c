import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { collectFiles } from "../src/node.js";
import { GD_XML, SDP_OFD } from "./fixtures.js";

describe("collectFiles", () => {
  it("walks a directory in path order, skipping other files and symbolic links", async () => {
    const dir = mkdtempSync(join(tmpdir(), "efapiao-intake-"));
    mkdirSync(join(dir, "2024-05"));
    writeFileSync(join(dir, "2024-05", "b.ofd"), SDP_OFD());
    writeFileSync(join(dir, "a.xml"), GD_XML());
    writeFileSync(join(dir, "notes.txt"), "hello");
    symlinkSync("/etc", join(dir, "link"));
    const collected = await collectFiles(dir);
    expect(collected.ok).toBe(true);
    if (!collected.ok) return;
    expect(collected.value.files.map((f) => f.name)).toEqual(["2024-05/b.ofd", "a.xml"]);
    expect(collected.value.skipped).toEqual(["link", "notes.txt"]);
  });

  it("opens a batch zip (one that is not itself an OFD), and takes an OFD as one file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "efapiao-intake-"));
    const zip = join(dir, "batch.zip");
    writeFileSync(
      zip,
      zipSync({ "x/a.ofd": SDP_OFD(), "b.xml": GD_XML(), "readme.md": new Uint8Array([65]) }),
    );
    const batch = await collectFiles(zip);
    expect(batch.ok && batch.value.files.map((f) => f.name)).toEqual(["b.xml", "x/a.ofd"]);
    expect(batch.ok && batch.value.skipped).toEqual(["readme.md"]);
    const single = join(dir, "one.ofd");
    writeFileSync(single, SDP_OFD());
    const one = await collectFiles(single);
    expect(one.ok && one.value.files.map((f) => f.name)).toEqual([single]);
  });

  it("refuses a batch beyond its limits and a path that does not exist", async () => {
    const dir = mkdtempSync(join(tmpdir(), "efapiao-intake-"));
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `${i}.xml`), GD_XML());
    const { BATCH_LIMITS } = await import("../src/node.js");
    const over = await collectFiles(dir, { ...BATCH_LIMITS, maxEntries: 2 });
    expect(over.ok).toBe(false);
    expect(over.diagnostics[0]!.rule).toBe("INTAKE_TOO_LARGE");
    const missing = await collectFiles(join(dir, "nope"));
    expect(missing.diagnostics[0]).toMatchObject({ rule: "INTAKE_UNREADABLE" });
    expect(missing.diagnostics[0]!.messageEn).toContain("ENOENT");
  });
});
