/**
 * The function registry: every function a rule can call, with its type signatures, so calls are checked at
 * compile time (unknown name, wrong number or type of arguments). Host code extends it with its own
 * functions; the built-ins live in `functions/`.
 */
import type { CodeTable } from "@efapiao/tables";
import type { Words } from "./lexer.js";
import { listOf, type Type } from "./types.js";
import type { Value } from "./values.js";

/** What a function sees of the run besides its arguments. */
export interface RunContext {
  /** The classification-code table in use (the CLI passes the one it loaded). */
  codes: CodeTable;
  /** Parameter values for this run (profile applied). */
  params: Readonly<Record<string, Value>>;
  /** The document's issue date, or today (Asia/Shanghai) when it has none. */
  issueDate: string;
}

export interface FunctionSignature {
  params: Type[];
  /** Type of any further arguments (variadic functions such as `max(a, b, c)`). */
  rest?: Type;
  result: Type;
}

export interface RuleFunction {
  name: string;
  /** Alternatives, tried in order; the first whose parameters fit the arguments is used. */
  signatures: FunctionSignature[];
  /** One line for the function list and hints. */
  summary: Words;
  /**
   * The function itself. Arguments arrive evaluated; unless `acceptsMissing`, a call with a missing argument
   * is missing without calling it. Return `undefined` for "missing". Must not throw on any argument.
   */
  impl(args: Value[], ctx: RunContext): Value;
  acceptsMissing?: boolean;
  /**
   * Checks arguments known at compile time (literals), e.g. that a regex compiles; `constants[i]` is
   * undefined when argument i is not a literal. Returns the problem, if any.
   */
  check?(constants: (Value | undefined)[]): Words | undefined;
}

/** A set of functions by name. Immutable: `with` returns a new registry. */
export class FunctionRegistry {
  private readonly byName: ReadonlyMap<string, RuleFunction>;

  constructor(functions: Iterable<RuleFunction>) {
    this.byName = new Map([...functions].map((f) => [f.name, f]));
  }

  get(name: string): RuleFunction | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  list(): RuleFunction[] {
    return [...this.byName.values()];
  }

  /** A registry with these functions added (replacing any of the same name). */
  with(...functions: RuleFunction[]): FunctionRegistry {
    return new FunctionRegistry([...this.byName.values(), ...functions]);
  }
}

/**
 * Parses a type written as in the function list: `number`, `text`, `date`, `boolean`, `line`, `any`,
 * `list of number`.
 */
export function parseType(text: string): Type {
  const t = text.trim();
  if (t.startsWith("list of ")) return listOf(parseType(t.slice("list of ".length)));
  if (t === "number" || t === "text" || t === "date" || t === "boolean" || t === "line" || t === "any")
    return t;
  throw new TypeError(`Unknown type in a function signature: "${text}"`);
}

/**
 * Parses a signature written `text, number -> boolean`; a last parameter `...number` makes it variadic.
 * @example
 * parseSignature("text, list of text -> boolean") // { params: ["text", { list: "text" }], result: "boolean" }
 */
export function parseSignature(text: string): FunctionSignature {
  const [left = "", right] = text.split("->");
  if (right === undefined) throw new TypeError(`A signature needs "->": "${text}"`);
  const parts = left
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const signature: FunctionSignature = { params: [], result: parseType(right) };
  for (const part of parts) {
    if (part.startsWith("...")) signature.rest = parseType(part.slice(3));
    else signature.params.push(parseType(part));
  }
  return signature;
}

/**
 * Defines a function with signatures written as text — the way host code adds its own.
 * @example
 * const registry = createRegistry(
 *   defineFunction({
 *     name: "isAcmeCustomer",
 *     signature: "text -> boolean",
 *     summary: { zh: "是否为本公司客户", en: "Is one of our customers" },
 *     impl: ([taxId]) => customers.has(taxId as string),
 *   }),
 * );
 */
export function defineFunction(
  spec: Omit<RuleFunction, "signatures"> & { signature: string | string[] },
): RuleFunction {
  const { signature, ...rest } = spec;
  return { ...rest, signatures: (Array.isArray(signature) ? signature : [signature]).map(parseSignature) };
}

/** A built-in's implementation taking its (at most two) arguments by position. */
export type Direct = (a: Value, b: Value, ctx: RunContext) => Value;

const directs = new WeakMap<RuleFunction, Direct>();

/**
 * Defines a built-in of one or two arguments by a function of the arguments themselves: compiled calls
 * (compile.ts) pass them without making or reading an array, which per-line calls would do thousands of
 * times per invoice. `impl` calls the same function, for everything else.
 */
export function defineBuiltin(
  spec: Omit<RuleFunction, "signatures" | "impl"> & { signature: string | string[]; direct: Direct },
): RuleFunction {
  const { direct, ...rest } = spec;
  const fn = defineFunction({ ...rest, impl: (args, ctx) => direct(args[0], args[1], ctx) });
  directs.set(fn, direct);
  return fn;
}

/** The positional implementation of a built-in defined with {@link defineBuiltin}. */
export function directOf(fn: RuleFunction): Direct | undefined {
  return directs.get(fn);
}
