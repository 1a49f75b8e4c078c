import { defineCommand, type LoadedRun } from "../command.js";
import { CREDENTIALS_OPTION, PROVIDER_OPTION, STORE_OPTION, WAIT_OPTION } from "./issuing-options.js";

const load = async () => import("../commands/red.js");
const common = { provider: PROVIDER_OPTION, credentials: CREDENTIALS_OPTION, store: STORE_OPTION };

export const redApplySpec = defineCommand({
  name: "apply",
  summary: { zh: "为蓝字发票申请红字确认单", en: "apply for a red-letter form against a blue invoice" },
  args: "NUMBER",
  options: {
    ...common,
    lines: {
      type: "string",
      value: "1,2",
      help: {
        zh: "只红冲这些行（蓝字发票的行序号）",
        en: "reverse only these lines (the blue invoice's line indices)",
      },
    },
    amount: {
      type: "string",
      value: "A",
      help: {
        zh: "红冲的价税合计金额（按剩余金额比例分摊到各行）",
        en: "reverse this much of the total incl. tax (spread over the lines)",
      },
    },
    reason: {
      type: "string",
      choices: ["01", "02", "03", "04"],
      help: {
        zh: "冲红原因：01 开票有误 02 销货退回 03 服务中止 04 销售折让",
        en: "reason: 01 error 02 return 03 service stopped 04 allowance",
      },
    },
  },
  load: (): Promise<LoadedRun> => load().then((m) => m.apply),
});

const operation = (name: "confirm" | "refuse" | "cancel", zh: string, en: string) =>
  defineCommand({
    name,
    summary: { zh, en },
    args: "FORM",
    options: common,
    load: (): Promise<LoadedRun> => load().then((m) => m[name]),
  });

export const redSpec = defineCommand({
  name: "red",
  summary: { zh: "红字确认单与红字发票", en: "red-letter forms and red invoices" },
  subcommands: [
    redApplySpec,
    operation("confirm", "确认红字确认单", "confirm a red-letter form"),
    operation("refuse", "拒绝红字确认单", "refuse a red-letter form"),
    operation("cancel", "撤销红字确认单", "cancel a red-letter form"),
    defineCommand({
      name: "list",
      summary: { zh: "列出红字确认单", en: "list the red-letter forms" },
      options: common,
      load: (): Promise<LoadedRun> => load().then((m) => m.list),
    }),
    defineCommand({
      name: "issue",
      summary: { zh: "按确认单开具红字发票", en: "issue the red invoice of a form" },
      args: "FORM",
      options: { ...common, wait: WAIT_OPTION },
      load: (): Promise<LoadedRun> => load().then((m) => m.issueRed),
    }),
  ],
});
