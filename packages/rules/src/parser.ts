/**
 * The grammar (LANGUAGE.md §2–§8) as one chevrotain CST parser: LL(2), error recovery on, built once and
 * reused for every file and every message interpolation. The parser only recognises; turning the CST into
 * the AST, and every check, happens afterwards (cst-to-ast.ts, checker.ts).
 */
import {
  CstParser,
  EOF,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
  type CstNode,
} from "chevrotain";
import * as T from "./lexer.js";
import type { Words } from "./lexer.js";

/** What each grammar rule stands for, when an error message would otherwise list dozens of tokens. */
const RULE_WORDS: Record<string, Words> = {
  expression: { zh: "表达式", en: "an expression" },
  orExpr: { zh: "表达式", en: "an expression" },
  primary: {
    zh: "表达式（字段、数字、文本或函数调用）",
    en: "an expression (a field, number, text or function call)",
  },
  argument: { zh: "函数参数", en: "a function argument" },
  declaration: {
    zh: "“rule”、“parameter”、“base”、“disable” 或 “change”",
    en: '"rule", "parameter", "base", "disable" or "change"',
  },
  jsonValue: { zh: "JSON 值", en: "a JSON value" },
  mutation: {
    zh: "“set”、“remove”、“insert”、“profile” 或 “expect”",
    en: '"set", "remove", "insert", "profile" or "expect"',
  },
};

function describeToken(token: IToken): Words {
  if (token.tokenType === EOF) return { zh: "文件结尾", en: "the end of the file" };
  const image = token.image.length > 30 ? `${token.image.slice(0, 27)}…` : token.image;
  return { zh: `“${image}”`, en: `"${image}"` };
}

function describeExpected(types: TokenType[]): Words {
  const unique = [...new Set(types)].slice(0, 6).map(T.tokenWords);
  return {
    zh: unique.map((w) => w.zh).join("、") || "其他内容",
    en:
      unique.length <= 1
        ? (unique[0]?.en ?? "something else")
        : `${unique
            .slice(0, -1)
            .map((w) => w.en)
            .join(", ")} or ${unique.at(-1)!.en}`,
  };
}

/** Error messages are built in both languages and carried through chevrotain as JSON, decoded in {@link syntaxMessage}. */
function message(expected: Words, actual: IToken): string {
  const found = describeToken(actual);
  return JSON.stringify({
    zh: `此处应为${expected.zh}，却是${found.zh}`,
    en: `expected ${expected.en}, found ${found.en}`,
  });
}

const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) => message(T.tokenWords(expected), actual),
  buildNotAllInputParsedMessage: ({ firstRedundant }) =>
    JSON.stringify({
      zh: `多余的内容${describeToken(firstRedundant).zh}（上一个声明或表达式已结束）`,
      en: `unexpected ${describeToken(firstRedundant).en} (the previous declaration or expression has ended)`,
    }),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, actual, ruleName }) =>
    message(
      RULE_WORDS[ruleName] ??
        describeExpected(
          expectedPathsPerAlt
            .flat()
            .map((path) => path[0]!)
            .filter(Boolean),
        ),
      actual[0]!,
    ),
  buildEarlyExitMessage: ({ expectedIterationPaths, actual, ruleName }) =>
    message(
      RULE_WORDS[ruleName] ??
        describeExpected(expectedIterationPaths.map((path) => path[0]!).filter(Boolean)),
      actual[0]!,
    ),
};

/** Decodes a parser error into its two messages (a foreign message is shown as is in both). */
export function syntaxMessage(error: IRecognitionException): Words {
  try {
    const parsed = JSON.parse(error.message) as Words;
    if (typeof parsed.zh === "string" && typeof parsed.en === "string") return parsed;
  } catch {
    // not one of ours
  }
  return { zh: error.message, en: error.message };
}

class RulesParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 2,
      nodeLocationTracking: "full",
      errorMessageProvider: errorMessages,
    });
    this.performSelfAnalysis();
  }

  file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  /** The entry point for a `{…}` inside a message. */
  template = this.RULE("template", () => {
    this.SUBRULE(this.expression);
  });

  declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.ruleDecl) },
      { ALT: () => this.SUBRULE(this.parameterDecl) },
      { ALT: () => this.SUBRULE(this.baseDecl) },
      { ALT: () => this.SUBRULE(this.disableDecl) },
      { ALT: () => this.SUBRULE(this.changeDecl) },
    ]);
  });

  baseDecl = this.RULE("baseDecl", () => {
    this.CONSUME(T.Base);
    this.CONSUME(T.StringLiteral);
  });

  parameterDecl = this.RULE("parameterDecl", () => {
    this.CONSUME(T.Parameter);
    this.SUBRULE(this.dottedName);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.MANY(() => this.SUBRULE(this.profileValue));
  });

  profileValue = this.RULE("profileValue", () => {
    this.CONSUME(T.Profile);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  dottedName = this.RULE("dottedName", () => {
    this.CONSUME(T.Identifier);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.SUBRULE(this.memberName);
    });
  });

  disableDecl = this.RULE("disableDecl", () => {
    this.CONSUME(T.Disable);
    this.SUBRULE(this.ruleRef);
  });

  changeDecl = this.RULE("changeDecl", () => {
    this.CONSUME(T.Change);
    this.SUBRULE(this.ruleRef);
    this.CONSUME(T.To);
    this.SUBRULE(this.severity);
  });

  ruleRef = this.RULE("ruleRef", () => {
    this.OR([{ ALT: () => this.CONSUME(T.RuleId) }, { ALT: () => this.CONSUME(T.Identifier) }]);
  });

  severity = this.RULE("severity", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.ErrorKw) },
      { ALT: () => this.CONSUME(T.Warning) },
      { ALT: () => this.CONSUME(T.Info) },
    ]);
  });

  ruleDecl = this.RULE("ruleDecl", () => {
    this.CONSUME(T.Rule);
    this.SUBRULE(this.ruleRef);
    this.SUBRULE(this.severity);
    this.OPTION(() => this.SUBRULE(this.appliesClause));
    this.OPTION2(() => this.SUBRULE(this.effectiveClause));
    this.OPTION6(() => this.SUBRULE(this.presumesClause));
    this.OPTION3(() => this.SUBRULE(this.whenClause));
    this.OPTION4(() => this.SUBRULE(this.forEachClause));
    this.CONSUME(T.Assert);
    this.SUBRULE(this.expression);
    this.OPTION5(() => this.SUBRULE(this.atClause));
    this.MANY(() => this.SUBRULE(this.messageClause));
    this.MANY2(() => this.SUBRULE(this.exampleDecl));
  });

  appliesClause = this.RULE("appliesClause", () => {
    this.CONSUME(T.Applies);
    this.CONSUME(T.To);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier) });
  });

  effectiveClause = this.RULE("effectiveClause", () => {
    this.CONSUME(T.Effective);
    this.OPTION(() => {
      this.CONSUME(T.From);
      this.CONSUME(T.DateLiteral);
    });
    this.OPTION2(() => {
      this.CONSUME(T.To);
      this.CONSUME2(T.DateLiteral);
    });
  });

  /** `presumes FP-CD-01, FP-CD-02`: the rules whose failure on the same line makes this one's a consequence. */
  presumesClause = this.RULE("presumesClause", () => {
    this.CONSUME(T.Presumes);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.ruleRef) });
  });

  whenClause = this.RULE("whenClause", () => {
    this.CONSUME(T.When);
    this.SUBRULE(this.expression);
  });

  forEachClause = this.RULE("forEachClause", () => {
    this.CONSUME(T.For);
    this.CONSUME(T.Each);
    this.SUBRULE(this.binding);
  });

  /** `VAR in LIST [where COND]`, shared by `for each`, `every`/`some` and selections in calls. */
  binding = this.RULE("binding", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.In);
    this.SUBRULE(this.orExpr);
    this.OPTION(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.expression);
    });
  });

  atClause = this.RULE("atClause", () => {
    this.CONSUME(T.At);
    this.SUBRULE(this.expression);
  });

  messageClause = this.RULE("messageClause", () => {
    this.CONSUME(T.Message);
    this.OR([{ ALT: () => this.CONSUME(T.Zh) }, { ALT: () => this.CONSUME(T.En) }]);
    this.CONSUME(T.StringLiteral);
  });

  exampleDecl = this.RULE("exampleDecl", () => {
    this.CONSUME(T.Example);
    this.CONSUME(T.StringLiteral);
    this.OPTION(() => {
      this.CONSUME(T.Given);
      this.CONSUME2(T.StringLiteral);
    });
    this.MANY(() => this.SUBRULE(this.mutation));
    this.CONSUME(T.Expect);
    this.OR([
      { ALT: () => this.CONSUME(T.Pass) },
      {
        ALT: () => {
          this.CONSUME(T.Fail);
          this.OPTION2(() => {
            this.CONSUME(T.At);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.jsonPath) });
          });
        },
      },
    ]);
  });

  mutation = this.RULE("mutation", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.SetKw);
          this.SUBRULE(this.jsonPath);
          this.CONSUME(T.To);
          this.SUBRULE(this.jsonValue);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Remove);
          this.SUBRULE2(this.jsonPath);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Insert);
          this.SUBRULE3(this.jsonPath);
          this.OR2([
            { ALT: () => this.SUBRULE2(this.jsonValue) },
            {
              ALT: () => {
                this.CONSUME(T.Copy);
                this.CONSUME(T.Of);
                this.SUBRULE4(this.jsonPath);
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Profile);
          this.CONSUME(T.Identifier);
        },
      },
    ]);
  });

  jsonPath = this.RULE("jsonPath", () => {
    this.SUBRULE(this.memberName);
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            this.SUBRULE2(this.memberName);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.LBracket);
            this.CONSUME(T.NumberLiteral);
            this.CONSUME(T.RBracket);
          },
        },
      ]);
    });
  });

  jsonValue = this.RULE("jsonValue", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral) },
      {
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Minus));
          this.CONSUME(T.NumberLiteral);
        },
      },
      { ALT: () => this.CONSUME(T.DateLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Null) },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.jsonValue) });
          this.CONSUME(T.RBracket);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          this.MANY_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE(this.jsonMember) });
          this.CONSUME(T.RBrace);
        },
      },
    ]);
  });

  jsonMember = this.RULE("jsonMember", () => {
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.jsonValue);
  });

  // ---- expressions, lowest precedence first ----

  expression = this.RULE("expression", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.quantifierExpr) },
      { ALT: () => this.SUBRULE(this.orExpr) },
    ]);
  });

  ifExpr = this.RULE("ifExpr", () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.expression);
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression);
    this.CONSUME(T.Else);
    this.SUBRULE3(this.expression);
  });

  quantifierExpr = this.RULE("quantifierExpr", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Every) }, { ALT: () => this.CONSUME(T.Some) }]);
    this.SUBRULE(this.binding);
    this.CONSUME(T.Satisfies);
    this.SUBRULE(this.expression);
  });

  orExpr = this.RULE("orExpr", () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  /** Prefix `not`s are a repetition, not recursion, so a long run of them cannot exhaust the stack. */
  notExpr = this.RULE("notExpr", () => {
    this.MANY(() => this.CONSUME(T.Not));
    this.SUBRULE(this.comparison);
  });

  comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.SUBRULE(this.compareOp);
            this.SUBRULE2(this.additive);
            this.OPTION2(() => {
              this.CONSUME(T.Within);
              this.SUBRULE3(this.additive);
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.In);
            this.SUBRULE4(this.additive);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Not);
            this.CONSUME2(T.In);
            this.SUBRULE5(this.additive);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Is);
            this.OR2([{ ALT: () => this.CONSUME(T.Present) }, { ALT: () => this.CONSUME(T.Missing) }]);
          },
        },
      ]);
    });
  });

  compareOp = this.RULE("compareOp", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Equals) },
      { ALT: () => this.CONSUME(T.NotEquals) },
      { ALT: () => this.CONSUME(T.LessEquals) },
      { ALT: () => this.CONSUME(T.GreaterEquals) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.Greater) },
    ]);
  });

  additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.multiplicative);
    });
  });

  multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Times) }, { ALT: () => this.CONSUME(T.Divide) }]);
      this.SUBRULE2(this.unary);
    });
  });

  unary = this.RULE("unary", () => {
    this.MANY(() => this.CONSUME(T.Minus));
    this.SUBRULE(this.postfix);
  });

  postfix = this.RULE("postfix", () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.SUBRULE(this.memberName);
    });
  });

  memberName = this.RULE("memberName", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.Keyword) }]);
  });

  primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.DateLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE2(this.expression) });
          this.CONSUME(T.RBracket);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.OPTION(() => {
            this.CONSUME2(T.LParen);
            this.MANY_SEP2({ SEP: T.Comma, DEF: () => this.SUBRULE(this.argument) });
            this.CONSUME2(T.RParen);
          });
        },
      },
    ]);
  });

  argument = this.RULE("argument", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Each);
          this.SUBRULE(this.binding);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.expression);
          this.OPTION(() => {
            this.CONSUME(T.For);
            this.CONSUME2(T.Each);
            this.SUBRULE2(this.binding);
          });
        },
      },
    ]);
  });
}

let parser: RulesParser | undefined;

/** The parse of one token stream: the CST (possibly with recovered parts) and the syntax errors. */
export interface ParseOutput {
  cst: CstNode;
  errors: IRecognitionException[];
}

/**
 * Parses tokens with the one shared parser instance (built on first use: chevrotain's grammar analysis is the
 * expensive part, so it must happen once per process, not once per file).
 */
export function parseTokens(tokens: IToken[], entry: "file" | "template"): ParseOutput {
  parser ??= new RulesParser();
  parser.input = tokens;
  const cst = entry === "file" ? parser.file() : parser.template();
  return { cst, errors: parser.errors };
}
