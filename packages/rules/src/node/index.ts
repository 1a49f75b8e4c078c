/**
 * `@efapiao/rules/node`: the parts that need a file system — packs read from directories of `.rules`
 * files, the standard pack's directory, and examples whose base documents are files. Everything else,
 * including the standard pack itself (embedded as data), is in the browser-safe main entry.
 */
export { loadPack, readRuleSources } from "./load.js";
export { standardPackDir } from "./standard-dir.js";
export { fileSystemExampleFiles, lintPacks, runExamples } from "./examples.js";
