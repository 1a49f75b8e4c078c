import { defineCommand, type LoadedRun } from "../command.js";
import { CODES_OPTION } from "./shared-options.js";

const load = async () => import("../commands/codes.js");

export const codesShowSpec = defineCommand({
  name: "show",
  summary: { zh: "查看一个分类编码", en: "show one classification code" },
  args: "CODE",
  options: { codes: CODES_OPTION },
  load: (): Promise<LoadedRun> => load().then((m) => m.show),
});

export const codesSearchSpec = defineCommand({
  name: "search",
  summary: { zh: "按名称或简称搜索分类编码", en: "search classification codes by name or short name" },
  args: "WORDS…",
  options: {
    limit: {
      type: "string",
      value: "N",
      help: { zh: "最多列出的条数（默认 20）", en: "how many to list (default 20)" },
    },
    "leaves-only": {
      type: "boolean",
      help: { zh: "只列出可开票的末级编码", en: "list only leaf codes, the ones an invoice can use" },
    },
    codes: CODES_OPTION,
  },
  load: (): Promise<LoadedRun> => load().then((m) => m.search),
});

export const codesImportSpec = defineCommand({
  name: "import",
  summary: {
    zh: "把官方编码表文件（xlsx/CSV）导入本地缓存",
    en: "read an official table file (xlsx/CSV) into the local cache",
  },
  args: "FILE",
  completeArgs: "file",
  load: (): Promise<LoadedRun> => load().then((m) => m.importTable),
});

export const codesUpdateSpec = defineCommand({
  name: "update",
  summary: { zh: "下载编码表文件并导入", en: "download the table file, then import it" },
  options: {
    url: {
      type: "string",
      value: "URL",
      help: {
        zh: "下载地址（默认：EFAPIAO_CODES_URL 或内置地址）",
        en: "where to download from (default: EFAPIAO_CODES_URL or the built-in address)",
      },
    },
  },
  load: (): Promise<LoadedRun> => load().then((m) => m.update),
});

export const codesVersionsSpec = defineCommand({
  name: "versions",
  summary: { zh: "列出缓存中的编码表版本", en: "list the table versions in the cache" },
  load: (): Promise<LoadedRun> => load().then((m) => m.versions),
});

export const codesSpec = defineCommand({
  name: "codes",
  summary: { zh: "税收分类编码表", en: "the classification-code table" },
  subcommands: [codesShowSpec, codesSearchSpec, codesImportSpec, codesUpdateSpec, codesVersionsSpec],
});
