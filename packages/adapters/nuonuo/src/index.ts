export * from "./sign.js";
