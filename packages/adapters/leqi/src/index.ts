export * from "./sm4.js";
