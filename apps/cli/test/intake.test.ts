/** `efapiao intake` on a directory built from the real samples: the JSON report, the CSV file, exit codes. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, sharedDir } from "./fake-io.js";

const SDP = join(sharedDir, "samples/ofd/sdp-einvoice-customtags.ofd");
const GD = join(sharedDir, "samples/sta-xml/gd-special-1pct-inclusive.xml");

function inbox(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "efapiao-inbox-"));
  for (const [name, from] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    copyFileSync(from, join(dir, name));
  }
  return dir;
}

describe("efapiao intake", () => {
  it("reports every invoice, writes the CSV, and exits 0 when all is well", async () => {
    const dir = inbox({ "may/sdp.ofd": SDP });
    const csv = join(dir, "report.csv");
    const run = await runCli(["intake", dir, "--csv", csv]);
    expect(run.code).toBe(0);
    const report = run.json();
    expect(report).toMatchObject({ files: 1, read: 1, refused: 0, duplicated: 0, withErrors: 0 });
    expect(report.entries[0]).toMatchObject({
      file: "may/sdp.ofd",
      invoice: { number: "24112000000048542163" },
    });
    const rows = readFileSync(csv, "utf8").trimEnd().split("\r\n");
    expect(rows[1]).toMatch(/^may\/sdp\.ofd,read,ofd,24112000000048542163,/);
    expect(run.stderr).not.toContain("\r["); // no progress bar when stderr is not a terminal
  });

  it("exits 1 on a duplicate, and draws progress on a terminal", async () => {
    const dir = inbox({ "a.ofd": SDP, "b/a-copy.ofd": SDP, "gd.xml": GD });
    const run = await runCli(["intake", dir], { stderrIsTTY: true });
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ files: 3, duplicated: 2 });
    expect(run.stderr).toContain("] 3/3");
  });

  it("is a usage error for a path that does not exist", async () => {
    const run = await runCli(["intake", join(tmpdir(), "efapiao-no-such-inbox")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ENOENT");
  });
});
