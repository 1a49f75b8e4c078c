/** Options several commands share, declared once so that their help reads the same everywhere. */
import type { OptionSpec } from "../command.js";

export const CODES_OPTION = {
  type: "string",
  value: "FILE",
  complete: "file",
  help: {
    zh: "分类编码表：官方 xlsx/CSV 文件或已导入的表包（默认：EFAPIAO_CODES、本地缓存、内置常用编码）",
    en: "classification-code table: an official xlsx/CSV file or an imported pack (default: EFAPIAO_CODES, the local cache, the built-in list)",
  },
} as const satisfies OptionSpec;

export const WORDS_OPTION = {
  type: "string",
  choices: ["圆", "元"],
  default: "圆",
  help: { zh: "大写金额用圆或元", en: "write the capital amount with 圆 or 元" },
} as const satisfies OptionSpec;

export const JSON_OPTION = {
  type: "boolean",
  help: { zh: "在标准输出打印机器可读的报告", en: "print a machine-readable report on stdout" },
} as const satisfies OptionSpec;
