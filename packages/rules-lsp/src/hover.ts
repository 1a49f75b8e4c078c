/**
 * Hover help: for a rule id, the rule's header and both messages quoted from its file (as the generated
 * rule reference shows it); for a function, its signatures and summary; for a field, its platform name,
 * type and meaning; for a parameter, its value under each profile; for a clause keyword, a line of help.
 */
import { DEFAULT_REGISTRY, type Pack } from "@efapiao/rules";
import type { Hover } from "vscode-languageserver-types";
import { findParameter, findRule } from "./lookup.js";
import { fieldNamed, functionSignature, KEYWORD_HELP, typeText, valueText } from "./vocabulary.js";
import { type Position, wordAt } from "./words.js";

export function hover(pack: Pack, text: string, position: Position): Hover | null {
  const at = wordAt(text, position);
  if (at.word === "" || at.inText) return null;
  const markdown = describe(pack, at.word, at.after);
  if (markdown === undefined) return null;
  return {
    contents: { kind: "markdown", value: markdown },
    range: {
      start: { line: position.line, character: at.start },
      end: { line: position.line, character: at.end },
    },
  };
}

function describe(pack: Pack, word: string, after: string): string | undefined {
  const rule = findRule(pack, word);
  if (rule) {
    const { rule: r } = rule;
    const source = rule.pack.sources.find((s) => s.name === r.file)?.text ?? "";
    const quoted = source
      .slice(r.span.start, r.span.end)
      .split("\n")
      .filter((line, i) => i === 0 || /^\s*(message|applies|effective|when|for|assert)\b/.test(line))
      .join("\n");
    return `**${r.id}** · ${r.severity} · \`${r.source}\`\n\n\`\`\`efapiao-rules\n${quoted}\n\`\`\``;
  }
  const fn = DEFAULT_REGISTRY.get(word);
  if (fn && /^\s*[(（]/.test(after)) {
    return `\`\`\`\n${functionSignature(fn).join("\n")}\n\`\`\`\n${fn.summary.zh}\n\n${fn.summary.en}`;
  }
  const parameter = findParameter(pack, word);
  if (parameter) {
    const profiles = [...parameter.profiles].map(([name, value]) => `- ${name}: \`${valueText(value)}\``);
    return [
      `**parameter ${parameter.name}** (${typeText(parameter.type)}) · \`${parameter.source}\``,
      "",
      `- strict: \`${valueText(parameter.value)}\``,
      ...profiles,
    ].join("\n");
  }
  const field = fieldNamed(word);
  if (field) {
    const zh = field.ofLine ? `明细.${field.zh}` : field.zh;
    return `**${word}** — ${zh} (${typeText(field.type)})\n\n${field.en}`;
  }
  const keyword = KEYWORD_HELP[word];
  if (keyword) return `**${word}** — ${keyword.zh}\n\n${keyword.en}`;
  if (fn) return `\`\`\`\n${functionSignature(fn).join("\n")}\n\`\`\`\n${fn.summary.zh}\n\n${fn.summary.en}`;
  return undefined;
}
