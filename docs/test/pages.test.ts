/**
 * The pages show each example through a snippet import (`<<< @/examples/x.ts`), so the code on the page is
 * the file that runs, and print its output under it (examples.test.ts checks that output against the run).
 */
import { describe, expect, it } from "vitest";
import { exampleFiles, outputBlocks, pages } from "./run.js";

const SNIPPET = /^<<< @\/examples\/([\w.-]+\.ts)\s*$/gm;

describe("pages", () => {
  const shown = pages().flatMap(([, text]) => [...text.matchAll(SNIPPET)].map((m) => m[1]!));

  it("show every example", () => {
    expect([...new Set(shown)].sort()).toEqual(exampleFiles());
  });

  it("print the output of every example they show, once", () => {
    expect(
      outputBlocks()
        .map((b) => b.file)
        .sort(),
    ).toEqual([...new Set(shown)].sort());
  });
});
