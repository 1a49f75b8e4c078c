import { defineCommand, type LoadedRun, type OptionSpec } from "../command.js";
import { CODES_OPTION, JSON_OPTION } from "./shared-options.js";

const options = {
  json: JSON_OPTION,
  codes: {
    ...CODES_OPTION,
    help: {
      zh: "用另一张分类编码表运行（默认：内置常用编码，使结果在每台机器上相同）",
      en: "run against another code table (default: the built-in list, so results are the same on every machine)",
    },
  },
} as const satisfies Record<string, OptionSpec>;

export const rulesTestSpec = defineCommand({
  name: "test",
  summary: { zh: "运行规则文件旁的示例", en: "run the examples written next to rule files" },
  args: "PATH…",
  completeArgs: "file",
  options,
  load: (): Promise<LoadedRun> => import("../commands/rules.js").then((m) => m.rulesTest),
});

export const rulesCheckSpec = defineCommand({
  name: "check",
  summary: {
    zh: "检查规则文件：语法、类型、消息、示例",
    en: "lint rule files: syntax, types, messages, examples",
  },
  args: "PATH…",
  completeArgs: "file",
  options,
  load: (): Promise<LoadedRun> => import("../commands/rules.js").then((m) => m.rulesCheck),
});

export const rulesSpec = defineCommand({
  name: "rules",
  summary: { zh: "规则文件：测试与检查", en: "rule files: test and check" },
  subcommands: [rulesTestSpec, rulesCheckSpec],
});
