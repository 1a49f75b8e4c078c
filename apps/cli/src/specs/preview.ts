import { defineCommand, type LoadedRun } from "../command.js";
import { CODES_OPTION, WORDS_OPTION } from "./shared-options.js";

export const previewSpec = defineCommand({
  name: "preview",
  summary: {
    zh: "发票预览：开具后的样子（HTML 或 PDF）",
    en: "the invoice as it looks when issued (HTML or PDF)",
  },
  args: "FILE",
  completeArgs: "file",
  details: {
    zh: "输入可为销售数据、发票数据、已开具发票 JSON、平台 XML 或 DocBits XML。未给 --html 或 --pdf 时 HTML 打印到标准输出；两者可同时给出。",
    en: "The input may be sale data, an invoice payload, an issued invoice (JSON), platform XML or DocBits XML. Without --html or --pdf the HTML goes to stdout; both may be given.",
  },
  options: {
    html: {
      type: "string",
      value: "OUT.html",
      complete: "file",
      help: { zh: "写入自包含的 HTML 文件", en: "write a self-contained HTML file" },
    },
    pdf: {
      type: "string",
      value: "OUT.pdf",
      complete: "file",
      help: { zh: "写入 PDF（内嵌字体子集）", en: "write a PDF (with an embedded font subset)" },
    },
    kind: {
      type: "string",
      choices: ["special", "general"],
      help: {
        zh: "DocBits 文件未注明时的发票种类",
        en: "the invoice kind of a DocBits file that does not say it",
      },
    },
    words: WORDS_OPTION,
    codes: CODES_OPTION,
  },
  load: (): Promise<LoadedRun> => import("../commands/preview.js").then((m) => m.preview),
});
