import { docbitsXml } from "../src/targets.js";
import { fuzzTest } from "./fuzz-target.js";

fuzzTest(docbitsXml);
