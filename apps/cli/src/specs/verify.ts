import { defineCommand, type LoadedRun } from "../command.js";
import { VERIFICATION_OPTIONS } from "../verification-provider.js";

export const verifySpec = defineCommand({
  name: "verify",
  summary: {
    zh: "查验收到的发票：平台上是否有这张发票，字段是否一致",
    en: "verify received invoices with the platform (查验): exists, fields match",
  },
  args: "FILE|NUMBER…",
  completeArgs: "file",
  details: {
    zh: "FILE 为收到的 OFD、XML 或 JSON；NUMBER 为 20 位发票号码（需 --date，可加 --total）。每个输入打印一行 JSON：genuine、differs（列出不一致字段）、not-found、red-reversed 等。退出码：全部 genuine 为 0，否则 1，用法错误 2。",
    en: "FILE is a received OFD, XML or JSON; NUMBER a 20-digit invoice number (needs --date, --total optional). One JSON line per input: genuine, differs (with the fields), not-found, red-reversed, … Exit 0 when all are genuine, 1 otherwise, 2 on a usage error.",
  },
  options: {
    ...VERIFICATION_OPTIONS,
    date: {
      type: "string",
      value: "YYYY-MM-DD",
      help: { zh: "按号码查验时的开票日期", en: "the issue date, when verifying by NUMBER" },
    },
    total: {
      type: "string",
      value: "AMOUNT",
      help: { zh: "按号码查验时的价税合计", en: "the total, when verifying by NUMBER" },
    },
  },
  load: (): Promise<LoadedRun> => import("../commands/verify.js").then((m) => m.verify),
});
