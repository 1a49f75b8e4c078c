/**
 * Fuzzing the OFD reader: damaged real files (bytes flipped, cut, spliced), real files whose XML parts are
 * damaged and zipped again, and archives of random entries. Whatever the input, readOfd returns a value —
 * never throws — every error names a rule and says it in Chinese and English, and what it accepts is a
 * valid received invoice. EFAPIAO_FUZZ_RUNS sets the runs per property (`pnpm fuzz` runs many more).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReceivedInvoice, readOfd } from "../src/index.js";
import { LEGACY, readSample, SDP } from "./samples.js";
import { buildZip, entriesOf, rezip } from "./zip-builder.js";

const RUNS = Number(process.env.EFAPIAO_FUZZ_RUNS ?? 50);
/** Room for the runs asked for (a few ms each), above the default test timeout. */
const TIMEOUT = 10_000 + RUNS * 20;
const samples = [readSample(SDP), readSample(LEGACY)];
const sampleEntries = samples.map(entriesOf);

let calls = 0;

/**
 * The reader's contract on any input. Every 100 inputs it yields to the event loop, so that a long
 * `pnpm fuzz` campaign does not starve the test runner's own messages.
 */
async function holdsContract(bytes: Uint8Array): Promise<void> {
  if (++calls % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  const read = readOfd(bytes);
  for (const d of read.diagnostics) {
    expect(d.rule).toMatch(/^[A-Z][A-Z0-9_-]+$/);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.messageEn.length).toBeGreaterThan(0);
  }
  if (read.ok) expect(parseReceivedInvoice(read.value.invoice).ok).toBe(true);
  else expect(read.diagnostics.some((d) => d.severity === "error")).toBe(true);
}

const damage = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ maxLength: 16 }),
    }),
  ),
  { minLength: 1, maxLength: 8 },
);

function applyDamage(
  bytes: Uint8Array,
  steps: { kind: string; at: number; value?: number; bytes?: Uint8Array }[],
): Uint8Array {
  let out = Uint8Array.from(bytes);
  for (const step of steps) {
    const at = out.length === 0 ? 0 : step.at % out.length;
    if (step.kind === "flip") out[at] = step.value!;
    else if (step.kind === "cut") out = out.subarray(0, at);
    else out = Uint8Array.from([...out.subarray(0, at), ...step.bytes!, ...out.subarray(at)]);
  }
  return out;
}

describe("fuzzing readOfd", () => {
  it(
    "damaged real files",
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 1 }), damage, async (which, steps) => {
          await holdsContract(applyDamage(samples[which]!, steps));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  /**
   * What is written into an XML part: random text, or markup that changes how the text around it is
   * read (a random string almost never spells `<![CDATA[`; an unclosed CDATA around an end tag once
   * looped the page scanner).
   */
  const insertion = fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(
          "<![CDATA[",
          "]]>",
          "<!--",
          "-->",
          "</ofd:TextCode>",
          "</ofd:TextObject>",
          "<ofd:TextCode>",
          '"',
          "'",
          "&amp;",
          "&#x",
        ),
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join(""));

  it(
    "real files with damaged XML parts, zipped again",
    async () => {
      const xmlOf = (which: number) => [...sampleEntries[which]!.keys()].filter((n) => n.endsWith(".xml"));
      await fc.assert(
        fc.asyncProperty(
          fc
            .integer({ min: 0, max: 1 })
            .chain((which) =>
              fc.tuple(fc.constant(which), fc.constantFrom(...xmlOf(which)), fc.nat(), fc.nat(), insertion),
            ),
          async ([which, part, from, length, insert]) => {
            const text = new TextDecoder().decode(sampleEntries[which]!.get(part)!);
            const at = from % (text.length + 1);
            const damaged = text.slice(0, at) + insert + text.slice(at + (length % 40));
            await holdsContract(rezip(sampleEntries[which]!, { [part]: damaged }, 0)); // stored: the fuzzing is of the reader, not of deflate
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "archives of random entries",
    async () => {
      const name = fc.oneof(
        fc.constantFrom(
          "OFD.xml",
          "Doc_0/Document.xml",
          "Doc_0/Tags/CustomTags.xml",
          "Doc_0/Tags/CustomTag.xml",
          "../x",
          "/abs",
          "a//b",
        ),
        fc.string({ minLength: 1, maxLength: 12 }),
      );
      const content = fc.oneof(
        fc.constantFrom(
          '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
          '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/P/Content.xml"/></ofd:Pages><ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags></ofd:Document>',
          '<ofd:CustomTags xmlns:ofd="x"><ofd:CustomTag><ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>',
          '<r><InvoiceNo><ObjectRef PageRef="1">5</ObjectRef></InvoiceNo></r>',
        ),
        fc.string({ maxLength: 64 }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ name, data: content, method: fc.constantFrom(0 as const, 8 as const) }), {
            maxLength: 6,
          }),
          async (entries) => {
            const unique = [...new Map(entries.map((e) => [e.name, e])).values()];
            await holdsContract(buildZip(unique));
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
