/** The options `issue`, `status` and `red` share (contracts.md §4). */
import type { OptionSpec } from "../command.js";

export const PROVIDER_OPTION = {
  type: "string",
  value: "NAME",
  choices: ["sandbox", "nuonuo", "baiwang", "leqi"],
  help: {
    zh: "开票渠道：sandbox（进程内沙箱）、nuonuo、baiwang、leqi",
    en: "how invoices reach the platform: sandbox (in-process), nuonuo, baiwang, leqi",
  },
} as const satisfies OptionSpec;

export const CREDENTIALS_OPTION = {
  type: "string",
  value: "FILE",
  complete: "file",
  help: {
    zh: "凭据文件（JSON）；默认读环境变量 EFAPIAO_CREDENTIALS（文件路径）或 EFAPIAO_CREDENTIALS_JSON（JSON 文本）",
    en: "credentials file (JSON); default: EFAPIAO_CREDENTIALS (a path) or EFAPIAO_CREDENTIALS_JSON (the JSON text)",
  },
} as const satisfies OptionSpec;

export const STORE_OPTION = {
  type: "string",
  value: "URL",
  help: {
    zh: "开票库：SQLite 文件路径或 postgres://…（默认：用户数据目录下的 efapiao/issuing.db）",
    en: "the store: a SQLite file path or postgres://… (default: efapiao/issuing.db in the user's data directory)",
  },
} as const satisfies OptionSpec;

export const WAIT_OPTION = {
  type: "string",
  value: "SECONDS",
  default: "30",
  help: {
    zh: "等待开票结果的最长秒数（默认 30）",
    en: "how long to wait for pending outcomes, in seconds (default 30)",
  },
} as const satisfies OptionSpec;
