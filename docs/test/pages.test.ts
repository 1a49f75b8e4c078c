/**
 * The pages show each example through a snippet import (`<<< @/examples/x.ts`), so the code on the page is
 * the file that runs; the output printed under it must be what that file really prints.
 */
import { describe, expect, it } from "vitest";
import { exampleFiles, pages, runExample } from "./run.js";

const SNIPPET = /^<<< @\/examples\/([\w.-]+\.ts)\s*$/gm;
// The marker names the command line, relative to docs/: `<!-- output of examples/x.ts ARG… -->`.
const OUTPUT = /<!-- output of examples\/([\w.-]+\.ts)((?: \S+)*) -->\n```(?:text|xml|json)\n([\s\S]*?)```/g;

describe("pages", () => {
  const all = pages();

  it("show every example", () => {
    const shown = all.flatMap(([, text]) => [...text.matchAll(SNIPPET)].map((m) => m[1]));
    expect([...new Set(shown)].sort()).toEqual(exampleFiles());
  });

  const blocks = all.flatMap(([page, text]) =>
    [...text.matchAll(OUTPUT)].map((m) => ({
      page,
      file: m[1]!,
      args: m[2]!.split(" ").filter(Boolean),
      printed: m[3]!,
    })),
  );

  it("print the output of every example they show", () => {
    const shown = all.flatMap(([, text]) => [...text.matchAll(SNIPPET)].map((m) => m[1]));
    expect(blocks.map((b) => b.file).sort()).toEqual([...new Set(shown)].sort());
  });

  for (const { page, file, args, printed } of blocks) {
    it(`${page}: the output shown for ${[file, ...args].join(" ")} is what it prints`, async () => {
      expect(printed).toBe((await runExample(file, args)).stdout);
    });
  }
});
