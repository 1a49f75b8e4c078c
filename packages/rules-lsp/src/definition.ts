/**
 * Go to definition for what packs share: a rule id (in `disable` / `change`, or anywhere) → its `rule`
 * line; a parameter → its `parameter` declaration (the pack whose value the run uses); a `base` / `given`
 * path → the JSON document.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type Pack, parseRuleFile } from "@efapiao/rules";
import type { Location } from "vscode-languageserver-types";
import { findRule } from "./lookup.js";
import { lineOf, type Position, wordAt } from "./words.js";
import { sourcePath, visiblePacks } from "./workspace.js";

export function definition(pack: Pack, text: string, position: Position, filePath: string): Location[] {
  const line = lineOf(text, position.line);
  const quoted = /^\s*(?:base|given)\s+"([^"]*)"/.exec(line);
  if (quoted) {
    const target = resolve(filePath, "..", quoted[1]!);
    return existsSync(target) ? [{ uri: fileUri(target), range: zeroRange() }] : [];
  }
  const at = wordAt(text, position);
  if (at.word === "" || at.inText) return [];
  const rule = findRule(pack, at.word);
  if (rule) {
    const source = rule.pack.sources.find((s) => s.name === rule.rule.file);
    const path = source && sourcePath(source);
    if (path) return [{ uri: fileUri(path), range: spanRange(rule.rule.span) }];
  }
  for (const p of visiblePacks(pack)) {
    for (const source of p.sources) {
      const { ast } = parseRuleFile(source.text, source.name);
      for (const decl of ast.declarations) {
        if (decl.kind !== "parameter" || decl.name.name !== at.word) continue;
        const path = sourcePath(source);
        if (path) return [{ uri: fileUri(path), range: spanRange(decl.name.span) }];
      }
    }
  }
  return [];
}

function spanRange(span: { line: number; column: number; endLine: number; endColumn: number }) {
  return {
    start: { line: span.line - 1, character: span.column - 1 },
    end: { line: span.endLine - 1, character: span.endColumn - 1 },
  };
}

function zeroRange() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** A file URI for an absolute path (the encoding VS Code and other clients expect). */
export function fileUri(path: string): string {
  return `file://${path.split("/").map(encodeURIComponent).join("/")}`;
}
