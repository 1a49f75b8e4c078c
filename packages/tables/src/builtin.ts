/**
 * A short hand-written list of common codes, so that the demo and `efapiao build` work on a fresh clone
 * before any official table is imported. Values are typed from the official table v32.0 (2019-04-01);
 * the full table reaches users through `efapiao codes import`, never through this file.
 */
import { BUILTIN_VERSION } from "./code-lookup.js";
import { type CodeEntry, type CodeTable, createCodeTable } from "./code-table.js";

const leaf = (code: string, name: string, shortName: string, rates: string[], parent: string): CodeEntry => ({
  code,
  name,
  shortName,
  rates,
  summary: false,
  specialManagement: [],
  policyFlags: [],
  parent,
});

/** A summary row (汇总项): kept so that "summary rows cannot be invoiced" works on the built-in list too. */
const summary = (code: string, name: string, shortName: string, parent: string): CodeEntry => ({
  ...leaf(code, name, shortName, [], parent),
  summary: true,
});

const BUILTIN_ROWS: readonly CodeEntry[] = [
  summary("3040201000000000000", "软件服务", "信息技术服务", "3040200000000000000"),
  leaf("3040201010000000000", "软件开发服务", "信息技术服务", ["0.06"], "3040201000000000000"),
  leaf("3040203000000000000", "信息系统服务", "信息技术服务", ["0.06"], "3040200000000000000"),
  leaf("3040301990000000000", "其他设计服务", "设计服务", ["0.06"], "3040301000000000000"),
  leaf("3040603990000000000", "其他咨询服务", "其他咨询服务", ["0.06"], "3040603000000000000"),
  leaf("3040801010000000000", "物业管理服务", "企业管理服务", ["0.06"], "3040801000000000000"),
  leaf("3049900000000000000", "其他现代服务", "现代服务", ["0.06"], "3040000000000000000"),
  leaf("3070401000000000000", "餐饮服务", "餐饮服务", ["0.06"], "3070400000000000000"),
  leaf("3070402000000000000", "住宿服务", "住宿服务", ["0.06"], "3070400000000000000"),
  leaf("3010102990100000000", "国内其他陆路货物运输服务", "运输服务", ["0.09"], "3010102990000000000"),
  leaf("1060105020000000000", "纸制文具及用品", "纸制品", ["0.13"], "1060105000000000000"),
  leaf("1030307050000000000", "茶饮料", "软饮料", ["0.13"], "1030307000000000000"),
];

let builtin: CodeTable | undefined;

/**
 * The built-in short list of common codes (version "built-in"), used when no official table was imported.
 * @example
 * builtinCodeTable().get("3040201010000000000")?.shortName // "信息技术服务"
 */
export function builtinCodeTable(): CodeTable {
  builtin ??= createCodeTable(BUILTIN_ROWS, { version: BUILTIN_VERSION, source: "built-in" });
  return builtin;
}
