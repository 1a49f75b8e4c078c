/**
 * Where a diagnostic points in the text the user typed. Diagnostics carry a JSON path (`lines[0].amount`);
 * the input is JSON text, so the path is looked up in a syntax tree that keeps offsets (jsonc-parser). A
 * path to a missing field points at the nearest object that exists (where the field should be added).
 * JSON syntax errors come with their own offset.
 */
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";

export interface Range {
  start: number;
  end: number;
}

/** `lines[0].amount` → ["lines", 0, "amount"]; `""` → []. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[1] !== undefined) out.push(match[1]);
  }
  return out;
}

/** The JSON text's tree, or its first syntax error. */
export function jsonTree(text: string): { tree?: Node; error?: Range & { code: string } } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first) {
    return {
      error: {
        start: first.offset,
        end: first.offset + Math.max(first.length, 1),
        code: printParseErrorCode(first.error),
      },
    };
  }
  return { tree };
}

/**
 * The text range of the value at a path (for an object property: the property, key and value), falling
 * back to the nearest existing ancestor; undefined for an empty path.
 * @example
 * rangeOfPath(tree, "lines[0].amount") // { start: 312, end: 331 }
 */
export function rangeOfPath(tree: Node | undefined, path: string): Range | undefined {
  if (!tree) return undefined;
  const segments = pathSegments(path);
  for (let n = segments.length; n > 0; n--) {
    const node = findNodeAtLocation(tree, segments.slice(0, n));
    if (node) {
      const target = node.parent?.type === "property" ? node.parent : node;
      return { start: target.offset, end: target.offset + target.length };
    }
  }
  return undefined;
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
