/**
 * Hard limits that keep hostile or accidental input (random bytes, a 10 MB line, 10,000 nested
 * parentheses) from crashing or hanging the parser and checker. A real rule file is a few kilobytes and a
 * real expression a few levels deep, so each limit is far above anything a specialist writes, and each is
 * reported as an ordinary positioned diagnostic.
 */
export const LIMITS = {
  /** A rule file larger than this is refused before lexing. */
  maxSourceBytes: 1024 * 1024,
  /** Open brackets ( [ { nested deeper than this are refused before parsing (the parser recurses on them). */
  maxNesting: 64,
  /** An expression tree deeper than this (e.g. 300 chained `+` or `not`) is refused before checking. */
  maxExpressionDepth: 256,
  /** Diagnostics per file beyond this are summarised in one final diagnostic. */
  maxDiagnosticsPerFile: 100,
} as const;
