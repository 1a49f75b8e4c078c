import { defineCommand, type LoadedRun } from "../command.js";
import { VERIFICATION_OPTIONS } from "../verification-provider.js";
import { STORE_OPTION } from "./issuing-options.js";

const load = async () => import("../commands/use.js");

const options = { ...VERIFICATION_OPTIONS, store: STORE_OPTION };

export const useListSpec = defineCommand({
  name: "list",
  summary: {
    zh: "列出所属期收到的专用发票及其用途状态",
    en: "list the period's received special invoices and their use",
  },
  args: "PERIOD",
  options: VERIFICATION_OPTIONS,
  load: (): Promise<LoadedRun> => load().then((m) => m.list),
});

export const useConfirmSpec = defineCommand({
  name: "confirm",
  summary: {
    zh: "确认发票用于抵扣（或 --no-deduct 不抵扣）",
    en: "confirm invoices for deduction (or --no-deduct)",
  },
  args: "PERIOD NUMBER…",
  options: {
    ...options,
    "no-deduct": { type: "boolean", help: { zh: "确认为不抵扣", en: "confirm as not deducted" } },
  },
  load: (): Promise<LoadedRun> => load().then((m) => m.confirm),
});

export const useCancelSpec = defineCommand({
  name: "cancel",
  summary: { zh: "撤销发票的用途确认", en: "cancel invoices' use confirmation" },
  args: "PERIOD NUMBER…",
  options,
  load: (): Promise<LoadedRun> => load().then((m) => m.cancel),
});

export const useRecordsSpec = defineCommand({
  name: "records",
  summary: { zh: "查看已记录的用途确认请求", en: "review the recorded use-confirmation requests" },
  args: "[PERIOD]",
  options: { "tax-id": VERIFICATION_OPTIONS["tax-id"], store: STORE_OPTION },
  load: (): Promise<LoadedRun> => load().then((m) => m.records),
});

export const useSpec = defineCommand({
  name: "use",
  summary: {
    zh: "用途确认（勾选）：收到的专用发票",
    en: "use confirmation (用途确认) of received special invoices",
  },
  subcommands: [useListSpec, useConfirmSpec, useCancelSpec, useRecordsSpec],
});
