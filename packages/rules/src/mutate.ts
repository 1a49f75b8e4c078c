/**
 * Example mutations (LANGUAGE.md §8): `set`, `remove` and `insert` on a copy of the base document, by JSON
 * path. A path that does not fit the document is reported in words, never thrown at the user.
 */
import { formatPath } from "@efapiao/model";
import type { JsonPath, JsonValue, Mutation } from "./ast.js";
import type { Words } from "./lexer.js";

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const key of path) {
    if (!isContainer(value)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** The container holding the last step of `path`, creating missing objects on the way when `create`. */
function parentOf(root: unknown, path: JsonPath, create: boolean): Container | undefined {
  let value = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isContainer(value)) return undefined;
    const key = path[i]!;
    let next = (value as Record<string | number, unknown>)[key];
    if (next === undefined && create && typeof key === "string" && !Array.isArray(value)) {
      next = typeof path[i + 1] === "number" ? [] : {};
      (value as Record<string, unknown>)[key] = next;
    }
    value = next;
  }
  return isContainer(value) ? value : undefined;
}

const notFound = (path: JsonPath): Words => ({
  zh: `示例文档中没有 ${formatPath(path)}`,
  en: `The example document has no ${formatPath(path)}`,
});

/**
 * Applies one mutation to `document` in place; returns the problem when the path does not fit.
 * @example
 * const doc = { lines: [{ tax: "1.00" }] };
 * applyMutation(doc, { op: "set", path: ["lines", 0, "tax"], value: "2.00", span }) // undefined; doc.lines[0].tax === "2.00"
 */
export function applyMutation(document: unknown, m: Mutation): Words | undefined {
  if (m.op === "profile") return undefined;
  const path = m.path;
  const last = path.at(-1);
  if (last === undefined) return { zh: "路径为空", en: "The path is empty" };
  const parent = parentOf(document, path, m.op === "set");
  if (!parent) return notFound(path.slice(0, -1));
  if (Array.isArray(parent) !== (typeof last === "number")) {
    return Array.isArray(parent)
      ? {
          zh: `${formatPath(path.slice(0, -1))} 是列表，应写 [序号]`,
          en: `${formatPath(path.slice(0, -1))} is a list; write [index]`,
        }
      : {
          zh: `${formatPath(path.slice(0, -1))} 不是列表`,
          en: `${formatPath(path.slice(0, -1))} is not a list`,
        };
  }
  if (Array.isArray(parent)) {
    const index = last as number;
    const limit = m.op === "remove" ? parent.length - 1 : parent.length;
    if (index > limit) {
      return {
        zh: `${formatPath(path)} 超出列表长度（${parent.length}）`,
        en: `${formatPath(path)} is beyond the list's length (${parent.length})`,
      };
    }
    if (m.op === "set") parent[index] = m.value;
    else if (m.op === "remove") parent.splice(index, 1);
    else {
      const value = insertValue(document, m);
      if (value === undefined) return notFound(m.copyOf ?? path);
      parent.splice(index, 0, value);
    }
    return undefined;
  }
  const object = parent as Record<string, unknown>;
  const key = last as string;
  if (m.op === "set") object[key] = m.value;
  else if (m.op === "remove") {
    if (!(key in object)) return notFound(path);
    delete object[key];
  } else
    return {
      zh: `insert 只能用于列表：${formatPath(path)}`,
      en: `insert works on lists only: ${formatPath(path)}`,
    };
  return undefined;
}

function insertValue(document: unknown, m: Extract<Mutation, { op: "insert" }>): unknown {
  if (m.value !== undefined) return m.value as JsonValue;
  const source = valueAt(document, m.copyOf ?? []);
  return source === undefined ? undefined : structuredClone(source);
}
