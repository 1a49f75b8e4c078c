/**
 * Inputs made by damaging a real file a little: a few edits (delete, insert, replace, repeat, cut) at random
 * places, with pieces that matter to the format (markup, quotes, digits, long numbers, odd characters).
 * Most inputs stay close enough to the format to reach deep into the parser, which purely random text
 * never does.
 */
import fc from "fast-check";

/** One edit of a text, positions as fractions of its length so that they fit any text. */
type Edit =
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; piece: string }
  | { kind: "replace"; at: number; length: number; piece: string }
  | { kind: "repeat"; at: number; length: number; times: number }
  | { kind: "cut"; at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

/**
 * Texts made from `seeds` by up to `maxEdits` edits with `pieces`; the seeds themselves come up too.
 * @example
 * fc.sample(mutated(["<a>1</a>"], ["<", "&", "9"]), 3) // ["<a>1</a>", "<a>1&</a>", "<a>"]
 */
export function mutated(
  seeds: readonly string[],
  pieces: readonly string[],
  maxEdits = 4,
): fc.Arbitrary<string> {
  const piece = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6, unit: "binary" }));
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant("delete" as const), at: fraction, length: fc.nat(40) }),
    fc.record({ kind: fc.constant("insert" as const), at: fraction, piece }),
    fc.record({ kind: fc.constant("replace" as const), at: fraction, length: fc.nat(12), piece }),
    fc.record({
      kind: fc.constant("repeat" as const),
      at: fraction,
      length: fc.nat(60),
      times: fc.integer({ min: 2, max: 4 }),
    }),
    fc.record({ kind: fc.constant("cut" as const), at: fraction }),
  );
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { maxLength: maxEdits }))
    .map(([seed, edits]) => edits.reduce(apply, seed));
}

function apply(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * text.length);
  switch (edit.kind) {
    case "delete":
      return text.slice(0, at) + text.slice(at + edit.length);
    case "insert":
      return text.slice(0, at) + edit.piece + text.slice(at);
    case "replace":
      return text.slice(0, at) + edit.piece + text.slice(at + edit.length);
    case "repeat":
      return (
        text.slice(0, at) + text.slice(at, at + edit.length).repeat(edit.times) + text.slice(at + edit.length)
      );
    case "cut":
      return text.slice(0, at);
  }
}

/** Pieces that matter to any of the formats: numbers at the edges of exactness, markup, odd characters. */
export const COMMON_PIECES = [
  "0",
  "-",
  ".",
  "9",
  "1.00499999999999999",
  "12345678901234567890",
  "1e400",
  "-0",
  "0.000",
  "999999999999.99",
  "\uFEFF",
  "\u0000",
  "\uD800",
  "中",
  "😀",
  " ",
  "\n",
  "\r\n",
  "\t",
  '"',
  "'",
  "\\",
  ",",
  "%",
  "*",
  "x",
];
