/** The built-in functions (LANGUAGE.md §5.3) and the default registry. */
import { FunctionRegistry, type RuleFunction } from "../registry.js";
import { codeFunctions } from "./codes.js";
import { dateFunctions } from "./dates.js";
import { mathFunctions } from "./math.js";
import { rateFunctions } from "./rates.js";
import { taxIdFunctions } from "./tax-id.js";
import { textFunctions } from "./text.js";
import { wordsFunctions } from "./words.js";

export const BUILTIN_FUNCTIONS: readonly RuleFunction[] = [
  ...mathFunctions,
  ...textFunctions,
  ...taxIdFunctions,
  ...wordsFunctions,
  ...codeFunctions,
  ...rateFunctions,
  ...dateFunctions,
];

/**
 * The built-in functions plus any given: how host code extends the language.
 * @example
 * const registry = createRegistry(defineFunction({ name: "isAcmeCustomer", signature: "text -> boolean", … }));
 * const pack = compilePack(files, { functions: registry });
 */
export function createRegistry(...extra: RuleFunction[]): FunctionRegistry {
  return new FunctionRegistry([...BUILTIN_FUNCTIONS, ...extra]);
}

export const DEFAULT_REGISTRY: FunctionRegistry = createRegistry();
