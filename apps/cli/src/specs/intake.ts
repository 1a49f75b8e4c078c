import { defineCommand, type LoadedRun } from "../command.js";
import { VERIFICATION_OPTIONS } from "../verification-provider.js";
import { CODES_OPTION } from "./shared-options.js";

export const intakeSpec = defineCommand({
  name: "intake",
  summary: {
    zh: "批量收票：目录或 zip 中的 OFD、XML、JSON → 一份报告",
    en: "take in received files (a directory or zip of OFD, XML, JSON) → one report",
  },
  args: "PATH",
  completeArgs: "file",
  details: {
    zh: "每张发票的字段、规则校验结果、查验结果（给出 --provider 时）和批内重复（同一发票号码出现两次）。标准输出为 JSON 报告；--csv 另写 CSV。终端上在标准错误显示进度。退出码：0 全部读取且无错误、无重复（给出 --provider 时且查验为 genuine），1 否则，2 用法错误。",
    en: "Each invoice's fields, the rule packs' findings, its verification (with --provider) and duplicates within the batch (the same number twice). The JSON report goes to stdout; --csv also writes CSV. On a terminal, progress shows on stderr. Exit 0 when every file was read without errors or duplicates (and verified genuine, with --provider), 1 otherwise, 2 on a usage error.",
  },
  options: {
    csv: {
      type: "string",
      value: "FILE",
      complete: "file",
      help: { zh: "把报告另写为 CSV 文件", en: "also write the report as a CSV file" },
    },
    rules: {
      type: "string",
      multiple: true,
      value: "PATH",
      complete: "file",
      help: {
        zh: "加在标准规则包之上的规则包，可重复",
        en: "a rule pack on top of the standard pack; repeatable",
      },
    },
    profile: {
      type: "string",
      value: "NAME",
      help: { zh: "容差配置（strict、legacy …）", en: "tolerance profile (strict, legacy, …)" },
    },
    codes: CODES_OPTION,
    ...VERIFICATION_OPTIONS,
  },
  load: (): Promise<LoadedRun> => import("../commands/intake.js").then((m) => m.intake),
});
