/**
 * JSON text with exact numbers. Some providers (百望) want money as JSON numbers; a JavaScript number
 * cannot carry "0.10" or a 20-digit amount exactly, so the mapping marks such values with {@link jsonNumber}
 * and {@link stringifyJson} writes their decimal text as a number literal. The text it returns is the one
 * signed and sent.
 */

/** A decimal to be written as a JSON number literal, exactly as given. */
export class JsonNumber {
  constructor(readonly text: string) {}
  toJSON(): number {
    return Number(this.text);
  }
}

const NUMBER_LITERAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Marks decimal text to be written as a JSON number.
 * @example
 * stringifyJson({ a: jsonNumber("2.00") }) // '{"a":2.00}'
 */
export function jsonNumber(text: string): JsonNumber {
  if (!NUMBER_LITERAL.test(text)) throw new RangeError(`Not a JSON number literal: ${JSON.stringify(text)}`);
  return new JsonNumber(text);
}

/**
 * Compact JSON like `JSON.stringify(value)`, except that {@link JsonNumber}s are written as their exact text
 * and properties whose value is undefined are left out.
 * @example
 * stringifyJson({ price: jsonNumber("0.10"), name: "燕麦" }) // '{"price":0.10,"name":"燕麦"}'
 */
export function stringifyJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join("");
}

function write(value: unknown, out: string[]): void {
  if (value instanceof JsonNumber) {
    out.push(value.text);
  } else if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      const item = value[i];
      if (item === undefined) out.push("null");
      else write(item, out);
    }
    out.push("]");
  } else if (value !== null && typeof value === "object") {
    out.push("{");
    let first = true;
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      if (!first) out.push(",");
      first = false;
      out.push(JSON.stringify(key), ":");
      write(item, out);
    }
    out.push("}");
  } else {
    out.push(JSON.stringify(value) ?? "null");
  }
}
