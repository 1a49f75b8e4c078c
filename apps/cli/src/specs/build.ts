import { defineCommand, type LoadedRun } from "../command.js";
import { CODES_OPTION, WORDS_OPTION } from "./shared-options.js";

export const buildSpec = defineCommand({
  name: "build",
  summary: { zh: "销售数据 → 发票数据", en: "sale data → invoice payload" },
  args: "FILE",
  completeArgs: "file",
  formats: true,
  details: {
    zh: "FILE 为销售数据 JSON（- 表示标准输入）。被拒绝时在标准输出打印诊断 JSON，退出码 1。",
    en: "FILE is sale data JSON (- for stdin). A rejected sale prints the diagnostics JSON on stdout and exits 1.",
  },
  options: {
    view: {
      type: "string",
      choices: ["canonical", "platform"],
      default: "canonical",
      help: {
        zh: "输出视图：规范 JSON 或平台数据模型名称",
        en: "canonical JSON, or keyed by the platform's data-model names",
      },
    },
    words: WORDS_OPTION,
    codes: CODES_OPTION,
  },
  load: (): Promise<LoadedRun> => import("../commands/build.js").then((m) => m.build),
});
