import { defineCommand, type LoadedRun } from "../command.js";
import { CODES_OPTION } from "./shared-options.js";

export const validateSpec = defineCommand({
  name: "validate",
  summary: {
    zh: "用规则包校验销售数据、发票 JSON 或平台 XML",
    en: "run the rule packs on sale data, an invoice or a platform XML",
  },
  args: "FILE",
  completeArgs: "file",
  formats: true,
  details: {
    zh: "格式自动识别。退出码：0 无错误，1 有错误，2 用法错误或文件无法读取。",
    en: "The format is detected. Exit 0 no errors, 1 errors found, 2 usage error or unreadable file.",
  },
  options: {
    rules: {
      type: "string",
      multiple: true,
      value: "PATH",
      complete: "file",
      help: {
        zh: "加在标准规则包之上的规则包（目录或 .rules 文件），可重复",
        en: "a rule pack (directory or .rules file) on top of the standard pack; repeatable",
      },
    },
    profile: {
      type: "string",
      value: "NAME",
      help: {
        zh: "容差配置：strict（默认）、legacy 或规则包定义的配置",
        en: "tolerance profile: strict (default), legacy, or one a pack defines",
      },
    },
    codes: CODES_OPTION,
  },
  load: (): Promise<LoadedRun> => import("../commands/validate.js").then((m) => m.validate),
});
