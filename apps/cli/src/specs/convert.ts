import { defineCommand, type LoadedRun } from "../command.js";
import { CODES_OPTION, WORDS_OPTION } from "./shared-options.js";

/** What `convert --to` writes. */
export const CONVERT_TARGETS = ["sta-xml", "docbits-xml", "canonical"] as const;

export const convertSpec = defineCommand({
  name: "convert",
  summary: {
    zh: "在发票数据与平台 XML、DocBits XML 之间转换",
    en: "convert between the invoice payload, the platform XML and DocBits XML",
  },
  args: "FILE",
  completeArgs: "file",
  details: {
    zh: "输入格式自动识别。平台 XML 是已开具的发票：输入未开具时需给出 --number --issued-at --bureau-code --bureau-name。",
    en: "The input format is detected. The platform XML is an issued invoice: for an unissued input give --number --issued-at --bureau-code --bureau-name.",
  },
  options: {
    to: {
      type: "string",
      choices: CONVERT_TARGETS,
      help: { zh: "目标格式（必填）", en: "the target format (required)" },
    },
    number: { type: "string", value: "N", help: { zh: "20 位发票号码", en: "the 20-digit invoice number" } },
    "issued-at": {
      type: "string",
      value: "TIME",
      help: { zh: "开票时间（ISO 8601）", en: "the issue time (ISO 8601)" },
    },
    "bureau-code": {
      type: "string",
      value: "CODE",
      help: { zh: "税务机关代码", en: "the tax bureau's code" },
    },
    "bureau-name": {
      type: "string",
      value: "NAME",
      help: { zh: "税务机关名称", en: "the tax bureau's name" },
    },
    kind: {
      type: "string",
      choices: ["special", "general"],
      help: {
        zh: "DocBits 文件未注明时的发票种类",
        en: "the invoice kind of a DocBits file that does not say it",
      },
    },
    strict: {
      type: "boolean",
      help: {
        zh: "读取时有警告（如推断的发票种类、脱敏的编码）即拒绝转换",
        en: "refuse an input read with warnings (an inferred kind, a masked code)",
      },
    },
    words: WORDS_OPTION,
    codes: CODES_OPTION,
  },
  load: (): Promise<LoadedRun> => import("../commands/convert.js").then((m) => m.convert),
});
