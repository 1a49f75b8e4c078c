/**
 * The tokens of the rule language (LANGUAGE.md §1) and the one lexer built from them. Keywords are
 * English and reserved; names may be English or Chinese; operators may be ASCII or mathematical signs
 * (× ÷ ≠ ≤ ≥), and full-width （ ） ， are read as their ASCII forms because a Chinese keyboard types them.
 */
import { createToken, type ILexingResult, Lexer, type TokenType } from "chevrotain";

/** A word for a token in error messages ("expected a name, found …"). */
export interface Words {
  zh: string;
  en: string;
}
const words = new Map<TokenType, Words>();
function token(config: Parameters<typeof createToken>[0], zh: string, en: string): TokenType {
  const type = createToken(config);
  words.set(type, { zh, en });
  return type;
}

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u3000\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const Comment = createToken({ name: "Comment", pattern: /#[^\n]*/, group: Lexer.SKIPPED });

/**
 * A text in double quotes, on one line. Inside a `{…}` of a message, quotes belong to the interpolated
 * expression (`"{if x then "是" else "否"}"`), so the matcher tracks brace depth. An unterminated text
 * matches to the end of its line; the AST builder reports the missing quote at its position, which gives a
 * clearer message than a lexer error and lets parsing carry on.
 */
function matchText(text: string, offset: number): [string] | null {
  if (text.charCodeAt(offset) !== 34) return null;
  let i = offset + 1;
  let depth = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === 123) depth++;
    else if (c === 125 && depth > 0) depth--;
    else if (c === 34) {
      if (depth === 0) return [text.slice(offset, i + 1)];
      i++;
      while (i < text.length && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 10)
        i += text.charCodeAt(i) === 92 ? 2 : 1;
      if (i >= text.length || text.charCodeAt(i) !== 34) break;
    }
    i++;
  }
  return [text.slice(offset, Math.min(i, text.length))];
}
export const StringLiteral = token(
  { name: "StringLiteral", pattern: { exec: matchText }, start_chars_hint: ['"'], line_breaks: false },
  "带引号的文本",
  "a text in quotes",
);
export const DateLiteral = token(
  { name: "DateLiteral", pattern: /\d{4}-\d{2}-\d{2}(?![\d.%])/ },
  "日期",
  "a date",
);
export const NumberLiteral = token({ name: "NumberLiteral", pattern: /\d+(?:\.\d+)?%?/ }, "数字", "a number");
export const RuleId = token(
  { name: "RuleId", pattern: /[A-Z][A-Z0-9_]*(?:-[A-Z0-9_]+)+/ },
  "规则编号",
  "a rule id",
);

const NAME_START = "A-Za-z_\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF";
export const Identifier = token(
  { name: "Identifier", pattern: new RegExp(`[${NAME_START}][${NAME_START}0-9]*`) },
  "名称",
  "a name",
);

/** Every keyword also belongs to this category, so a keyword may follow a `.` (`x.at`) as an ordinary name. */
export const Keyword = createToken({ name: "Keyword", pattern: Lexer.NA });

const keywords: Record<string, TokenType> = {};
function keyword(word: string): TokenType {
  const type = token(
    {
      name: `Kw_${word}`,
      pattern: new RegExp(`${word}(?![${NAME_START}0-9])`),
      categories: [Keyword],
      longer_alt: Identifier,
    },
    `“${word}”`,
    `"${word}"`,
  );
  keywords[word] = type;
  return type;
}

export const Rule = keyword("rule");
export const ErrorKw = keyword("error");
export const Warning = keyword("warning");
export const Info = keyword("info");
export const Applies = keyword("applies");
export const To = keyword("to");
export const Effective = keyword("effective");
export const From = keyword("from");
export const Presumes = keyword("presumes");
export const When = keyword("when");
export const For = keyword("for");
export const Each = keyword("each");
export const In = keyword("in");
export const Where = keyword("where");
export const Assert = keyword("assert");
export const Within = keyword("within");
export const At = keyword("at");
export const Message = keyword("message");
export const Zh = keyword("zh");
export const En = keyword("en");
export const Example = keyword("example");
export const Given = keyword("given");
export const SetKw = keyword("set");
export const Remove = keyword("remove");
export const Insert = keyword("insert");
export const Copy = keyword("copy");
export const Of = keyword("of");
export const Expect = keyword("expect");
export const Pass = keyword("pass");
export const Fail = keyword("fail");
export const Parameter = keyword("parameter");
export const Profile = keyword("profile");
export const Disable = keyword("disable");
export const Change = keyword("change");
export const Base = keyword("base");
export const And = keyword("and");
export const Or = keyword("or");
export const Not = keyword("not");
export const Is = keyword("is");
export const Present = keyword("present");
export const Missing = keyword("missing");
export const If = keyword("if");
export const Then = keyword("then");
export const Else = keyword("else");
export const Every = keyword("every");
export const Some = keyword("some");
export const Satisfies = keyword("satisfies");
export const True = keyword("true");
export const False = keyword("false");
export const Null = keyword("null");

export const NotEquals = token({ name: "NotEquals", pattern: /!=|≠/ }, "“≠”", '"≠"');
export const LessEquals = token({ name: "LessEquals", pattern: /<=|≤/ }, "“≤”", '"≤"');
export const GreaterEquals = token({ name: "GreaterEquals", pattern: />=|≥/ }, "“≥”", '"≥"');
export const Equals = token({ name: "Equals", pattern: /==?/ }, "“=”", '"="');
export const Less = token({ name: "Less", pattern: /</ }, "“<”", '"<"');
export const Greater = token({ name: "Greater", pattern: />/ }, "“>”", '">"');
export const Plus = token({ name: "Plus", pattern: /\+/ }, "“+”", '"+"');
export const Minus = token({ name: "Minus", pattern: /-|−/ }, "“-”", '"-"');
export const Times = token({ name: "Times", pattern: /[×*]/ }, "“×”", '"×"');
export const Divide = token({ name: "Divide", pattern: /[÷/]/ }, "“÷”", '"÷"');
export const LParen = token({ name: "LParen", pattern: /\(|（/ }, "“(”", '"("');
export const RParen = token({ name: "RParen", pattern: /\)|）/ }, "“)”", '")"');
export const LBracket = token({ name: "LBracket", pattern: /\[/ }, "“[”", '"["');
export const RBracket = token({ name: "RBracket", pattern: /]/ }, "“]”", '"]"');
export const LBrace = token({ name: "LBrace", pattern: /\{/ }, "“{”", '"{"');
export const RBrace = token({ name: "RBrace", pattern: /}/ }, "“}”", '"}"');
export const Comma = token({ name: "Comma", pattern: /,|，/ }, "“,”", '","');
export const Colon = token({ name: "Colon", pattern: /:|：/ }, "“:”", '":"');
export const Dot = token({ name: "Dot", pattern: /\./ }, "“.”", '"."');

/** All tokens, in matching order: literals before names, keywords before names, two-character operators first. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  DateLiteral,
  NumberLiteral,
  RuleId,
  Keyword,
  ...Object.values(keywords),
  Identifier,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Equals,
  Less,
  Greater,
  Plus,
  Minus,
  Times,
  Divide,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Comma,
  Colon,
  Dot,
];

/** The reserved words, for the TextMate grammar test and "did you mean". */
export const KEYWORDS: readonly string[] = Object.keys(keywords);

/** Words for a token type in messages; unknown types fall back to their name. */
export function tokenWords(type: TokenType): Words {
  if (type === Keyword) return { zh: "关键字", en: "a keyword" };
  return words.get(type) ?? { zh: type.name, en: type.name };
}

let lexer: Lexer | undefined;

/** Tokenises rule text with the one shared lexer (built on first use). */
export function tokenize(text: string): ILexingResult {
  lexer ??= new Lexer(allTokens, { positionTracking: "full", ensureOptimizations: false });
  return lexer.tokenize(text);
}
