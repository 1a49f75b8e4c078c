/**
 * Drops keys whose value is undefined, through nested records and arrays, so that values built from
 * optional reads compare and print like the model's JSON (where an absent field has no key).
 * @example
 * compact({ a: 1, b: undefined, c: [{ d: undefined }] }) // { a: 1, c: [{}] }
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = compact(item);
  return out as T;
}
