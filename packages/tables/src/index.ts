export { type CodeEntry, type CodeTable, createCodeTable } from "./code-table.js";
export { builtinCodeTable } from "./builtin.js";
