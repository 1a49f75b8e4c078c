/**
 * The printed item name `*简称*名称`: the classification code's short name between asterisks, then the
 * item's own name (which may itself contain asterisks).
 */

/**
 * @example
 * splitItemName("*信息技术服务*软件开发") // { shortName: "信息技术服务", name: "软件开发" }
 * splitItemName("软件开发")               // undefined
 */
export function splitItemName(itemName: string): { shortName: string; name: string } | undefined {
  const match = /^\*([^*]+)\*([\s\S]+)$/.exec(itemName);
  return match ? { shortName: match[1]!, name: match[2]! } : undefined;
}

/**
 * The inverse of {@link splitItemName}.
 * @example
 * joinItemName("信息技术服务", "软件开发") // "*信息技术服务*软件开发"
 */
export function joinItemName(shortName: string, name: string): string {
  return `*${shortName}*${name}`;
}
