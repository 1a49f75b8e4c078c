/**
 * Turns zod's validation issues into efapiao diagnostics: one per problem, with the JSON path and a
 * message a tax clerk understands in Chinese and English. Messages for our own checks (decimals, rates,
 * dates) travel in the issue's `params.zh`; zod's built-in checks are worded here.
 */
import type { z } from "zod";
import { type Diagnostic, echo, error, formatPath, type Message } from "./diagnostic.js";

/** Extra wording a schema attaches to a custom issue. */
export interface IssueParams {
  zh?: string;
  rule?: string;
}

/**
 * Parse with `{ reportInput: true }`: zod 4 strips `input` from issues otherwise, and without it a field of
 * the wrong type cannot be told from a missing one (both would read "missing").
 * @param prefix  rule-id prefix, e.g. "SALE" gives SALE_REQUIRED, SALE_UNKNOWN_FIELD, …
 * @example
 * const parsed = SaleSchema.safeParse(json, { reportInput: true });
 * if (!parsed.success) return zodIssuesToDiagnostics(parsed.error.issues, "SALE");
 */
export function zodIssuesToDiagnostics(issues: readonly z.core.$ZodIssue[], prefix: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const shown = echo(key);
        out.push(
          error(`${prefix}_UNKNOWN_FIELD`, formatPath([...path, shown]), {
            zh: `不认识的字段 “${shown}”（字段名区分大小写；请检查拼写）`,
            en: `Unknown field "${shown}" (field names are case-sensitive; check the spelling)`,
          }),
        );
      }
      continue;
    }
    const [rule, message] = describe(issue, prefix);
    out.push(error(rule, formatPath(path), message));
  }
  return out;
}

function describe(issue: z.core.$ZodIssue, prefix: string): [string, Message] {
  const field = lastKey(issue.path as PropertyKey[]);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) {
        return [
          `${prefix}_REQUIRED`,
          { zh: `缺少必填字段 “${field}”`, en: `Required field "${field}" is missing` },
        ];
      }
      return [
        `${prefix}_WRONG_TYPE`,
        {
          zh: `字段 “${field}” 应为${typeZh(issue.expected)}，收到的是${typeZh(kindOf(issue.input))}`,
          en: `Field "${field}" must be ${typeEn(issue.expected)}, got ${typeEn(kindOf(issue.input))}`,
        },
      ];
    case "invalid_value":
      return [
        `${prefix}_INVALID_VALUE`,
        {
          zh: `字段 “${field}” 只能取 ${issue.values.map((v) => JSON.stringify(v)).join("、")}`,
          en: `Field "${field}" must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
        },
      ];
    case "too_small":
      if (isNumeric(issue.origin)) return outOfRange(prefix, field, "≥", issue.minimum, issue.inclusive);
      if (issue.origin === "array") {
        return [
          `${prefix}_TOO_FEW`,
          {
            zh: `“${field}” 至少需要 ${issue.minimum} 项`,
            en: `"${field}" needs at least ${issue.minimum} item(s)`,
          },
        ];
      }
      return [
        `${prefix}_EMPTY`,
        { zh: `字段 “${field}” 不能为空`, en: `Field "${field}" must not be empty` },
      ];
    case "too_big":
      if (isNumeric(issue.origin)) return outOfRange(prefix, field, "≤", issue.maximum, issue.inclusive);
      if (issue.origin === "array") {
        return [
          `${prefix}_TOO_MANY`,
          {
            zh: `“${field}” 最多 ${issue.maximum} 项`,
            en: `"${field}" allows at most ${issue.maximum} items`,
          },
        ];
      }
      return [
        `${prefix}_TOO_LONG`,
        {
          zh: `字段 “${field}” 过长：最多 ${issue.maximum} 个字符`,
          en: `Field "${field}" is too long: at most ${issue.maximum} characters`,
        },
      ];
    case "invalid_format":
      return [
        `${prefix}_FORMAT`,
        {
          zh: (issue as { params?: IssueParams }).params?.zh ?? `字段 “${field}” 格式不正确`,
          en: issue.message ?? `Field "${field}" has the wrong format`,
        },
      ];
    case "custom": {
      const params = (issue.params ?? {}) as IssueParams;
      return [params.rule ?? `${prefix}_INVALID`, { zh: params.zh ?? issue.message, en: issue.message }];
    }
    default:
      return [
        `${prefix}_INVALID`,
        { zh: `字段 “${field}” 无效`, en: `Field "${field}" is invalid: ${issue.message}` },
      ];
  }
}

/** Bounds on numbers (e.g. a line's positive `index`) are not lengths: "must not be empty" would mislead. */
function isNumeric(origin: string): boolean {
  return origin === "number" || origin === "int" || origin === "bigint";
}

function outOfRange(
  prefix: string,
  field: string,
  side: "≥" | "≤",
  bound: number | bigint,
  inclusive: boolean | undefined,
): [string, Message] {
  const atLeast = side === "≥";
  const [zh, en] = inclusive
    ? [atLeast ? "不能小于" : "不能大于", atLeast ? "at least" : "at most"]
    : [atLeast ? "应大于" : "应小于", atLeast ? "greater than" : "less than"];
  return [
    `${prefix}_OUT_OF_RANGE`,
    { zh: `字段 “${field}” ${zh} ${bound}`, en: `Field "${field}" must be ${en} ${bound}` },
  ];
}

function lastKey(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === "string") return String(path[i]);
  return "(document)";
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

const TYPE_ZH: Record<string, string> = {
  string: "文本",
  number: "数字",
  boolean: "布尔值（true/false）",
  object: "对象",
  array: "数组",
  null: "空值 null",
  int: "整数",
};
const TYPE_EN: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "a boolean (true/false)",
  int: "an integer",
  object: "an object",
  array: "an array",
  null: "null",
};
const typeZh = (t: string) => TYPE_ZH[t] ?? t;
const typeEn = (t: string) => TYPE_EN[t] ?? t;
