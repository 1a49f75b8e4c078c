/**
 * What the editor knows about names: the fields rules read (document and line), the functions, the
 * keywords with a line of help each, and how to print types and values. All of it comes from
 * `@efapiao/rules` itself (its field catalogue, function registry and keyword list), so the editor cannot
 * offer a name the compiler would refuse.
 */
import {
  ALL_FIELDS,
  DEFAULT_REGISTRY,
  type Field,
  KEYWORDS,
  type RuleFunction,
  type Type,
  type Value,
} from "@efapiao/rules";

/** One line of help per clause keyword (LANGUAGE.md §2–§8). */
export const KEYWORD_HELP: Readonly<Record<string, { zh: string; en: string }>> = {
  rule: {
    zh: "规则：rule ID 严重程度（error | warning | info）",
    en: "a rule: rule ID SEVERITY (error | warning | info)",
  },
  applies: {
    zh: "适用范围：special、general、sale、invoice",
    en: "which documents: special, general, sale, invoice",
  },
  effective: {
    zh: "生效日期：effective from 日期 to 日期（含两端）",
    en: "in force: effective from DATE to DATE (both inclusive)",
  },
  when: {
    zh: "前提条件：为假或缺失时规则不运行",
    en: "a guard: the rule is silent when it is false or missing",
  },
  for: {
    zh: "逐行检查：for each line in lines where …",
    en: "check each line: for each line in lines where …",
  },
  assert: { zh: "必须成立的条件", en: "the condition that must hold" },
  at: { zh: "报告的字段路径", en: "the field the finding is reported at" },
  message: {
    zh: '消息：message zh "…" 与 message en "…"，{表达式} 插入值',
    en: 'messages: message zh "…" and message en "…", with {expr} for values',
  },
  example: {
    zh: "示例：基础文档 + 修改 + 期望结果",
    en: "an example: a base document, changes, the expected outcome",
  },
  given: { zh: "示例的基础文档（相对本文件）", en: "the example's base document (relative to this file)" },
  set: { zh: "示例中修改字段：set PATH to VALUE", en: "change a field in an example: set PATH to VALUE" },
  remove: { zh: "示例中删除字段", en: "remove a field in an example" },
  insert: {
    zh: "示例中插入元素（可 copy of 另一元素）",
    en: "insert an element in an example (optionally a copy of another)",
  },
  expect: {
    zh: "期望结果：expect pass 或 expect fail at PATH",
    en: "the expected outcome: expect pass, or expect fail at PATH",
  },
  parameter: {
    zh: "参数：parameter 名称 = 值（默认配置 strict）",
    en: "a parameter: parameter NAME = VALUE (the strict profile)",
  },
  profile: {
    zh: "配置下的取值，或示例运行的配置",
    en: "the value under a profile, or the profile an example runs under",
  },
  disable: { zh: "停用一条规则（规则包覆盖）", en: "turn a rule off (a pack override)" },
  change: {
    zh: "改变规则的严重程度：change ID to warning",
    en: "change a rule's severity: change ID to warning",
  },
  base: { zh: "本文件示例的默认基础文档", en: "the default base document of this file's examples" },
  within: { zh: "容差比较：a = b within t", en: "compare within a tolerance: a = b within t" },
  every: { zh: "全部满足：every v in L satisfies 条件", en: "all satisfy: every v in L satisfies CONDITION" },
  some: {
    zh: "至少一个满足：some v in L satisfies 条件",
    en: "at least one satisfies: some v in L satisfies CONDITION",
  },
  present: { zh: "字段存在：x is present", en: "the field is there: x is present" },
  missing: { zh: "字段缺失：x is missing", en: "the field is absent: x is missing" },
};

export function typeText(type: Type): string {
  return typeof type === "object" ? `list of ${typeText(type.list)}` : type;
}

export function valueText(value: Value): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map((v) => valueText(v as Value)).join(", ")}]`;
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

export function functionSignature(fn: RuleFunction): string[] {
  return fn.signatures.map((s) => {
    const params = s.params.map(typeText);
    if (s.rest) params.push(`${typeText(s.rest)}…`);
    return `${fn.name}(${params.join(", ")}) → ${typeText(s.result)}`;
  });
}

export const FUNCTIONS: readonly RuleFunction[] = DEFAULT_REGISTRY.list();
export const DOCUMENT_FIELDS: readonly Field[] = ALL_FIELDS.filter((f) => !f.ofLine);
export const LINE_FIELDS: readonly Field[] = ALL_FIELDS.filter((f) => f.ofLine);
export const ALL_KEYWORDS: readonly string[] = KEYWORDS;

/** The field a dotted name reads: a document field (`buyer.taxId`), or a line field through a variable. */
export function fieldNamed(word: string): Field | undefined {
  const document = DOCUMENT_FIELDS.find((f) => f.name === word || f.zh === word);
  if (document) return document;
  const dot = word.indexOf(".");
  if (dot < 0) return undefined;
  const rest = word.slice(dot + 1);
  return LINE_FIELDS.find((f) => f.name === rest || f.zh === rest);
}
