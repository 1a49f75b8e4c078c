/**
 * The shape shared by the small fixed tables (policy flags, specific-business codes, red-letter reasons…):
 * a code as the platform writes it, with a Chinese and an English label, so that every message built from
 * a table can be bilingual like the diagnostics.
 */

/** One entry of a fixed code table. */
export interface LabelledCode<C extends string = string> {
  /** The code exactly as the platform or provider writes it ("03", "81", "bs"). */
  readonly code: C;
  /** Chinese label, as the official documents word it. */
  readonly zh: string;
  /** English label. */
  readonly en: string;
}

/**
 * Builds a constant-time look-up by code over a fixed table.
 * @example
 * const reason = codeLookup(RED_LETTER_REASONS);
 * reason("02")?.zh // "销货退回"
 */
export function codeLookup<T extends { readonly code: string }>(
  table: readonly T[],
): (code: string) => T | undefined {
  const byCode = new Map(table.map((entry) => [entry.code, entry]));
  return (code) => byCode.get(code);
}
