import { platformXml } from "../src/targets.js";
import { fuzzTest } from "./fuzz-target.js";

fuzzTest(platformXml);
