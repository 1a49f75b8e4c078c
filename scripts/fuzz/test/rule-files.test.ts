import { ruleFile } from "../src/targets.js";
import { fuzzTest } from "./fuzz-target.js";

fuzzTest(ruleFile);
