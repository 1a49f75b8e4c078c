export { main, USAGE } from "./main.js";
export type { CliIO } from "./io.js";
