/**
 * Completion: after `disable` / `change`, the rule ids of every visible pack; after `NAME.`, the fields
 * under it (a line variable's fields, or `buyer.` → `buyer.taxId`…); elsewhere keywords, document fields,
 * functions and parameters — each with its type and its help in both languages.
 */
import { BUILTIN_PARAMETERS, type Pack } from "@efapiao/rules";
import { type CompletionItem, CompletionItemKind } from "vscode-languageserver-types";
import {
  ALL_KEYWORDS,
  DOCUMENT_FIELDS,
  FUNCTIONS,
  functionSignature,
  KEYWORD_HELP,
  LINE_FIELDS,
  typeText,
  valueText,
} from "./vocabulary.js";
import { lineOf, type Position, prefixAt } from "./words.js";
import { visiblePacks } from "./workspace.js";

export function completions(pack: Pack, text: string, position: Position): CompletionItem[] {
  const before = lineOf(text, position.line).slice(0, position.character);
  const prefix = prefixAt(text, position);
  if (/^\s*(disable|change)\s+[A-Z0-9_-]*$/.test(before)) return ruleIds(pack);
  const dot = prefix.lastIndexOf(".");
  if (dot >= 0) return fieldsUnder(prefix.slice(0, dot));
  return [...keywords(), ...documentFields(), ...functions(), ...parameters(pack)];
}

function ruleIds(pack: Pack): CompletionItem[] {
  return visiblePacks(pack).flatMap((p) =>
    p.rules.map((rule) => ({
      label: rule.id,
      kind: CompletionItemKind.Reference,
      detail: `${rule.severity} · ${rule.source}`,
    })),
  );
}

/** `buyer.` → the document fields under `buyer.`; any other variable → the fields of a line. */
function fieldsUnder(head: string): CompletionItem[] {
  const documentChildren = DOCUMENT_FIELDS.filter((f) => f.name.startsWith(`${head}.`));
  if (documentChildren.length > 0) {
    return documentChildren.map((f) => ({
      label: f.name.slice(head.length + 1),
      kind: CompletionItemKind.Field,
      detail: `${typeText(f.type)} · ${f.zh}`,
      documentation: f.en,
    }));
  }
  return LINE_FIELDS.map((f) => ({
    label: f.name,
    kind: CompletionItemKind.Field,
    detail: `${typeText(f.type)} · 明细.${f.zh}`,
    documentation: f.en,
  }));
}

function keywords(): CompletionItem[] {
  return ALL_KEYWORDS.map((word) => {
    const help = KEYWORD_HELP[word];
    return {
      label: word,
      kind: CompletionItemKind.Keyword,
      ...(help ? { detail: help.en, documentation: help.zh } : {}),
    };
  });
}

function documentFields(): CompletionItem[] {
  return DOCUMENT_FIELDS.map((f) => ({
    label: f.name,
    kind: CompletionItemKind.Field,
    detail: `${typeText(f.type)} · ${f.zh}`,
    documentation: f.en,
  }));
}

function functions(): CompletionItem[] {
  return FUNCTIONS.map((fn) => ({
    label: fn.name,
    kind: CompletionItemKind.Function,
    detail: functionSignature(fn).join(" | "),
    documentation: `${fn.summary.zh}\n${fn.summary.en}`,
  }));
}

function parameters(pack: Pack): CompletionItem[] {
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const p of [...visiblePacks(pack).flatMap((v) => v.parameters), ...BUILTIN_PARAMETERS]) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    items.push({
      label: p.name,
      kind: CompletionItemKind.Variable,
      detail: `${typeText(p.type)} = ${valueText(p.value)}`,
    });
  }
  return items;
}
