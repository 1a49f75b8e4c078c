/**
 * A position in an {@link XmlBlock} tree that knows its own path (`/EInvoice/EInvoiceData/
 * IssuItemInformation[2]/Amount`), so every diagnostic a reader makes can name the element it is about.
 * Paths are XPath: 1-based indices, written only on elements that repeat.
 */
import type { XmlBlock } from "@efapiao/model";

/**
 * The name without its namespace prefix.
 * @example
 * localName("efp:tax_code") // "tax_code"
 */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * @example
 * const root = new XmlCursor(block);                        // path "/EInvoice"
 * root.child("EInvoiceData")?.children("IssuItemInformation")[1]?.path
 * // "/EInvoice/EInvoiceData/IssuItemInformation[2]"
 */
export class XmlCursor {
  constructor(
    readonly block: XmlBlock,
    readonly path: string = `/${block.name}`,
  ) {}

  get name(): string {
    return localName(this.block.name);
  }

  /** The first child element with this local name. */
  child(name: string): XmlCursor | undefined {
    const found = (this.block.children ?? []).find((c) => localName(c.name) === name);
    return found && new XmlCursor(found, `${this.path}/${name}`);
  }

  /** Every child element with this local name, each with its 1-based index in the path. */
  children(name: string): XmlCursor[] {
    return (this.block.children ?? [])
      .filter((c) => localName(c.name) === name)
      .map((c, i) => new XmlCursor(c, `${this.path}/${name}[${i + 1}]`));
  }

  /** How many child elements have this local name. */
  count(name: string): number {
    let n = 0;
    for (const c of this.block.children ?? []) if (localName(c.name) === name) n++;
    return n;
  }

  /** The element's own text as written, or undefined when it has none. */
  get text(): string | undefined {
    return this.block.text;
  }

  /** The path a child of this name would have, for "missing element" diagnostics. */
  pathOf(name: string): string {
    return `${this.path}/${name}`;
  }
}
