import { defineCommand, type LoadedRun } from "../command.js";
import { CREDENTIALS_OPTION, PROVIDER_OPTION, STORE_OPTION, WAIT_OPTION } from "./issuing-options.js";
import { CODES_OPTION } from "./shared-options.js";

export const issueSpec = defineCommand({
  name: "issue",
  summary: { zh: "开具发票，每张只开一次", en: "issue invoices, each exactly once" },
  args: "FILE…",
  completeArgs: "file",
  details: {
    zh: "每个文档一行 JSON 输出。同一请求键再次开具不会重复发送。退出码：0 全部已开具或处理中，1 有被拒或失败，2 用法错误或开票库无法打开。",
    en: "One JSON line per document. Issuing a request key again never sends it again. Exit 0 all issued or pending, 1 any rejected or failed, 2 usage or the store cannot be opened.",
  },
  options: {
    provider: PROVIDER_OPTION,
    credentials: CREDENTIALS_OPTION,
    store: STORE_OPTION,
    wait: WAIT_OPTION,
    codes: CODES_OPTION,
  },
  load: (): Promise<LoadedRun> => import("../commands/issue.js").then((m) => m.issue),
});

export const statusSpec = defineCommand({
  name: "status",
  summary: { zh: "查看开票库中的开票记录", en: "print the stored issuing records" },
  args: "[KEY…]",
  options: { store: STORE_OPTION },
  load: (): Promise<LoadedRun> => import("../commands/issue.js").then((m) => m.status),
});
