import { defineCommand, type LoadedRun } from "../command.js";
import { PROVIDER_NAMES } from "./provider-names.js";
import { CODES_OPTION, WORDS_OPTION } from "./shared-options.js";

export const payloadSpec = defineCommand({
  name: "payload",
  summary: {
    zh: "打印发给服务商的开票请求（已签名或加密，不发送）",
    en: "print the issue request exactly as it would be sent to a provider, without sending it",
  },
  args: "FILE",
  completeArgs: "file",
  details: {
    zh: "FILE 为销售数据、发票数据或平台 XML。凭据文件缺少字段时退出码 2 并指出该字段。--nonce、--timestamp（秒）和 --request-key 固定随机值和当前时间，使请求逐字节可复现。",
    en: "FILE is sale data, an invoice payload or a platform XML. A credentials file missing a field exits 2 naming it. --nonce, --timestamp (seconds) and --request-key fix what would be random or now, so the request is reproducible byte for byte.",
  },
  options: {
    provider: {
      type: "string",
      choices: PROVIDER_NAMES,
      help: { zh: "服务商（必填）", en: "the provider (required)" },
    },
    credentials: {
      type: "string",
      value: "CRED.json",
      complete: "file",
      help: { zh: "凭据文件（必填）", en: "the credentials file (required)" },
    },
    "request-key": {
      type: "string",
      value: "K",
      help: {
        zh: "请求号（默认：文件中的 requestKey，否则由内容生成）",
        en: "the request key (default: the file's requestKey, else derived from the content)",
      },
    },
    nonce: { type: "string", value: "N", help: { zh: "固定随机数", en: "a fixed nonce" } },
    timestamp: {
      type: "string",
      value: "T",
      help: { zh: "固定时间戳（Unix 秒）", en: "a fixed timestamp (Unix seconds)" },
    },
    words: WORDS_OPTION,
    codes: CODES_OPTION,
  },
  load: (): Promise<LoadedRun> => import("../commands/payload.js").then((m) => m.payload),
});
