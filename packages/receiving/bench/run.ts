/**
 * Benchmark: a 1,000-file batch intake — 400 数电票 OFDs, 300 legacy OFDs, 200 platform XML files and 100
 * received-invoice JSON files, made from the real samples with distinct numbers — read, checked with the
 * standard rule pack and checked for duplicates, and then also verified (查验) over HTTP against an
 * in-process sandbox. The baseline, in the same run, is JSON.parse of the same invoices' canonical JSON.
 * Reported as wall-clock and processor time, per file and as files per second. Run with `pnpm bench` in
 * packages/receiving.
 */
import { readFileSync } from "node:fs";
import { loadStandardPack, createValidator } from "@efapiao/rules";
import { createSandbox, createSandboxProvider } from "@efapiao/sandbox";
import { unzipSync, zipSync } from "fflate";
import { type IntakeFile, intake, readReceived } from "../src/index.js";

const shared = new URL("../../../../shared/samples/", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, shared));
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The sample OFD with another number (on the page and in the metadata) and the rest unchanged. */
function sdpWithNumber(entries: Record<string, Uint8Array>, number: string): Uint8Array {
  const page = "Doc_0/Pages/Page_0/Content.xml";
  return zipSync({
    ...entries,
    [page]: encode(decode(entries[page]!).replace(">24112000000048542163<", `>${number}<`)),
    "OFD.xml": encode(decode(entries["OFD.xml"]!).replace(">24112000000048542163<", `>${number}<`)),
  });
}

function legacyWithNumber(entries: Record<string, Uint8Array>, number: string): Uint8Array {
  const xml = "Doc_0/Attachs/original_invoice.xml";
  return zipSync({ ...entries, [xml]: encode(decode(entries[xml]!).replace(">99999951<", `>${number}<`)) });
}

const sdp = unzipSync(read("ofd/sdp-einvoice-customtags.ofd"));
const legacy = unzipSync(read("ofd/legacy-einvoice-with-original-xml.ofd"));
const gd = decode(read("sta-xml/gd-special-1pct-inclusive.xml"));
const legacyJson = (() => {
  const r = readReceived(read("ofd/legacy-einvoice-with-original-xml.ofd"));
  if (!r.ok) throw new Error("sample unreadable");
  return r.value.invoice;
})();

const files: IntakeFile[] = [];
for (let i = 0; i < 1000; i++) {
  const n20 = `2411200000${String(i).padStart(10, "0")}`;
  let bytes: Uint8Array;
  let name: string;
  if (i < 400) [name, bytes] = [`sdp/${i}.ofd`, sdpWithNumber(sdp, n20)];
  else if (i < 700) [name, bytes] = [`legacy/${i}.ofd`, legacyWithNumber(legacy, String(10000000 + i))];
  else if (i < 900) [name, bytes] = [`xml/${i}.xml`, encode(gd.replaceAll("01234567890123456789", n20))];
  else
    [name, bytes] = [
      `json/${i}.json`,
      encode(JSON.stringify({ ...legacyJson, number: String(20000000 + i) })),
    ];
  files.push({ name, bytes });
}

const check = createValidator({ packs: [await loadStandardPack()] });
const rounds = 3;
/** Median wall time and median processor time (user + system) of `rounds` runs, in ms. */
const time = async (run: () => Promise<unknown> | unknown) => {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await run();
    const d = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((d.user + d.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
  return { wall: mid(wall), cpu: mid(cpu) };
};

const first = await intake(files, { check });
const canonical = first.entries.map((e) => JSON.stringify(e.invoice));
const baseline = await time(() => {
  for (const json of canonical) JSON.parse(json);
});
const readOnly = await time(() => intake(files));
const withRules = await time(() => intake(files, { check }));
// The sample numbers are not the sandbox's: it answers "not found" after the same lookup a genuine
// invoice gets, so the figure is the cost of one 查验 round trip per file.
const sandbox = await createSandbox();
const { verification } = createSandboxProvider({ url: sandbox.url, taxId: "914403001922038216" });
const verified = await intake(files, { verify: verification });
const verifiedCount = verified.entries.filter((e) => e.verification).length;
const withVerification = await time(() => intake(files, { check, verify: verification }));
await sandbox.close();

const load = (await import("node:os")).loadavg()[0]!.toFixed(1);
console.log(`node ${process.version}, ${process.platform}/${process.arch}, load average ${load}`);
console.log(
  `batch: ${files.length} files (${(files.reduce((n, f) => n + f.bytes.length, 0) / 1024 / 1024).toFixed(1)} MiB); read ${first.read}, refused ${first.refused}, duplicated ${first.duplicated}`,
);
console.log(`verification: ${verifiedCount} files asked (in-process sandbox over HTTP)`);
console.log("| task | wall (median of 3) | per file | files/s | ratio | processor time | per file | ratio |");
console.log("|---|---|---|---|---|---|---|---|");
for (const [task, ms] of [
  ["JSON.parse of the 1,000 canonical invoices (baseline)", baseline],
  ["intake: read + duplicates", readOnly],
  ["intake: read + standard rules + duplicates", withRules],
  ["intake: read + standard rules + 查验 (sandbox) + duplicates", withVerification],
] as const) {
  const per = (x: number) => `${(x / files.length).toFixed(3)} ms`;
  console.log(
    `| ${task} | ${ms.wall.toFixed(0)} ms | ${per(ms.wall)} | ${((files.length * 1000) / ms.wall).toFixed(0)} | ${(ms.wall / baseline.wall).toFixed(0)}× | ${ms.cpu.toFixed(0)} ms | ${per(ms.cpu)} | ${(ms.cpu / baseline.cpu).toFixed(0)}× |`,
  );
}
