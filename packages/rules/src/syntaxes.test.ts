/**
 * The documentation against the code: the TextMate grammar (syntaxes/efapiao-rules.tmLanguage.json)
 * highlights every keyword of the lexer and recognises the language's literals, and LANGUAGE.md lists
 * exactly the lexer's keywords and the built-in functions. Oniguruma's \x{…} escapes are rewritten to
 * JavaScript's \u{…} so the grammar's patterns can be tried here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KEYWORDS } from "./lexer.js";

interface Pattern {
  match?: string;
  name?: string;
  begin?: string;
  patterns?: Pattern[];
  include?: string;
}

const grammar = JSON.parse(
  readFileSync(new URL("../syntaxes/efapiao-rules.tmLanguage.json", import.meta.url), "utf8"),
) as {
  scopeName: string;
  fileTypes: string[];
  repository: Record<string, Pattern>;
};

function allPatterns(p: Pattern): Pattern[] {
  return [p, ...(p.patterns ?? []).flatMap(allPatterns)];
}
const patterns = Object.values(grammar.repository)
  .flatMap(allPatterns)
  .filter((p) => p.match);
const regex = (p: Pattern) => new RegExp(p.match!.replace(/\\x\{([0-9A-F]+)\}/g, "\\u{$1}"), "u");

/** The scope of the first pattern that matches the whole word. */
function scopeOf(word: string): string | undefined {
  for (const p of patterns) {
    const m = regex(p).exec(word);
    if (m && m[0] === word && m.index === 0) return p.name ?? "captured";
  }
  return undefined;
}

describe("the TextMate grammar", () => {
  it("is for .rules files", () => {
    expect(grammar.scopeName).toBe("source.efapiao-rules");
    expect(grammar.fileTypes).toEqual(["rules"]);
  });

  it("highlights every keyword of the lexer as a keyword, severity or constant", () => {
    for (const keyword of KEYWORDS) {
      expect(scopeOf(keyword), keyword).toMatch(/^(keyword|storage|constant)/);
    }
  });

  it("recognises literals, rule ids, functions and Chinese field names", () => {
    expect(scopeOf("2026-05-18")).toBe("constant.other.date.efapiao-rules");
    expect(scopeOf("6%")).toBe("constant.numeric.efapiao-rules");
    expect(scopeOf("FP-CO-01")).toBe("entity.name.function.rule-id.efapiao-rules");
    expect(scopeOf("购买方纳税人识别号")).toBe("variable.other.field.efapiao-rules");
    expect(scopeOf("×")).toBe("keyword.operator.efapiao-rules");
    expect(
      regex(patterns.find((p) => p.name === "entity.name.function.efapiao-rules")!).exec("round(x, 2)")?.[0],
    ).toBe("round");
  });
});

describe("LANGUAGE.md", () => {
  const language = readFileSync(new URL("../LANGUAGE.md", import.meta.url), "utf8");

  it("lists exactly the built-in functions in its function table", async () => {
    const { BUILTIN_FUNCTIONS } = await import("./functions/index.js");
    const section = language.slice(language.indexOf("### 5.3 Function list"), language.indexOf("## 6."));
    const documented = new Set(
      [...section.matchAll(/^\| `([A-Za-z]+)\(|, `([A-Za-z]+)\(/gm)].map((m) => m[1] ?? m[2]),
    );
    expect([...documented].sort()).toEqual(BUILTIN_FUNCTIONS.map((f) => f.name).sort());
  });

  it("lists exactly the lexer's keywords", () => {
    const documented = /`(rule [^`]+)`/.exec(language)![1]!.split(/\s+/);
    expect(documented.sort()).toEqual([...KEYWORDS].sort());
  });
});
