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

export const rulesFmtSpec = defineCommand({
  name: "fmt",
  summary: { zh: "把规则文件排成统一格式", en: "format rule files canonically" },
  args: "PATH…",
  completeArgs: "file",
  details: {
    zh: "PATH 为 .rules 文件或目录。默认把格式化结果打印到标准输出；--write 改写文件，--check 在有文件需要格式化时退出码 1。",
    en: "PATH is a .rules file or a directory. By default prints the formatted text on stdout; --write rewrites the files, --check exits 1 when a file is not formatted.",
  },
  options: {
    write: { type: "boolean", short: "w", help: { zh: "就地改写文件", en: "rewrite the files in place" } },
    check: {
      type: "boolean",
      help: {
        zh: "只检查：有文件需要格式化时退出码 1",
        en: "only check: exit 1 when a file is not formatted",
      },
    },
  },
  load: (): Promise<LoadedRun> => import("../commands/rules-fmt.js").then((m) => m.rulesFmt),
});

export const rulesSpec = defineCommand({
  name: "rules",
  summary: { zh: "规则文件：测试、检查与格式化", en: "rule files: test, check and format" },
  subcommands: [rulesTestSpec, rulesCheckSpec, rulesFmtSpec],
});
