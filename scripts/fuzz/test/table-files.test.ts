import { tableFile } from "../src/targets.js";
import { fuzzTest } from "./fuzz-target.js";

fuzzTest(tableFile);
