/**
 * Where a field's value came from, so a reader of the result can tell data the issuer attached from text
 * read off the page, and both from metadata or a computed value.
 */

export type FieldSource =
  /** An element of an attached invoice XML (`Doc_0/Attachs/original_invoice.xml`). */
  | { from: "attachment"; part: string; element: string }
  /** A custom tag (`Doc_0/Tags/CustomTag.xml`) pointing at text objects on a page or template. */
  | { from: "custom-tag"; part: string; tag: string; objects: { part: string; id: string }[] }
  /** A text object on the page found by what it looks like (the title, the total in capitals). */
  | { from: "page-text"; part: string; id: string }
  /** `OFD.xml` DocInfo/CustomData, the metadata the issuer wrote beside the page. */
  | { from: "doc-info"; part: "OFD.xml"; name: string }
  /** Computed from other fields, because the file does not show it. */
  | { from: "computed"; basis: string };

/** A field read from one source, as written there. */
export interface RawField {
  /** Path in the received invoice: `number`, `buyer.taxId`, `lines[0].amount`. */
  path: string;
  text: string;
  source: FieldSource;
}

/**
 * A short description of a source, for messages.
 * @example
 * describeSource({ from: "doc-info", part: "OFD.xml", name: "发票号码" }) // "OFD.xml CustomData 发票号码"
 */
export function describeSource(source: FieldSource): string {
  switch (source.from) {
    case "attachment":
      return `${source.part}#${source.element}`;
    case "custom-tag":
      return `${source.part} <${source.tag}> → ${source.objects.map((o) => `${o.part}#${o.id}`).join(", ")}`;
    case "page-text":
      return `${source.part}#${source.id}`;
    case "doc-info":
      return `OFD.xml CustomData ${source.name}`;
    case "computed":
      return `computed from ${source.basis}`;
  }
}
