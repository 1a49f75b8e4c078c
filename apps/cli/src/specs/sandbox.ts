import { defineCommand, type LoadedRun } from "../command.js";

export const sandboxSpec = defineCommand({
  name: "sandbox",
  summary: {
    zh: "启动本地沙箱平台（乐企、诺诺、百望协议）",
    en: "run a local platform speaking the 乐企, Nuonuo and Baiwang protocols",
  },
  details: {
    zh: "标准输出第一行是沙箱地址；把它作为任一服务商凭据文件的 url。Ctrl-C 停止。",
    en: "The first line of stdout is the sandbox's base URL: put it as `url` in any provider's credentials file. Ctrl-C stops it.",
  },
  options: {
    port: {
      type: "string",
      value: "P",
      default: "0",
      help: { zh: "监听 127.0.0.1 的端口（0：任一空闲端口）", en: "port on 127.0.0.1 (0: any free port)" },
    },
    store: {
      type: "string",
      value: "FILE",
      complete: "file",
      help: {
        zh: "保存沙箱状态的文件（默认只在内存中）",
        en: "a file keeping the sandbox's state across restarts (default: memory only)",
      },
    },
    faults: {
      type: "string",
      value: "SPEC",
      help: {
        zh: "注入故障：名称=概率，逗号分隔（timeout、reset、5xx、seal、slow、duplicate）",
        en: "inject faults: name=probability, comma-separated (timeout, reset, 5xx, seal, slow, duplicate)",
      },
    },
    seed: {
      type: "string",
      value: "N",
      help: { zh: "故障随机数种子（可复现）", en: "seed of the fault draws (reproducible runs)" },
    },
    credentials: {
      type: "string",
      value: "FILE",
      multiple: true,
      complete: "file",
      help: {
        zh: "额外接受的服务商凭据文件（可多次给出）",
        en: "a provider credentials file to accept as well (may be repeated)",
      },
    },
  },
  load: (): Promise<LoadedRun> => import("../commands/sandbox.js").then((m) => m.sandbox),
});
