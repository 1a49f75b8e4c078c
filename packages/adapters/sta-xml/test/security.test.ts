/**
 * Hostile XML: entity attacks are refused before parsing, and size and depth are bounded. Each attack is
 * also checked against the raw parser's behaviour where that shows why the guard is needed.
 */
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { guardXml, parseStaXml, readXml, XML_LIMITS } from "../src/index.js";
import { GD, readSample } from "./samples.js";

const gd = readSample(GD);

function rulesOf(xml: string): string[] {
  const result = parseStaXml(xml);
  expect(result.ok).toBe(false);
  return result.diagnostics.map((d) => d.rule);
}

describe("entity declarations are refused (XXE, billion laughs)", () => {
  it("refuses an external entity (XXE) with a clear message, fetching nothing", () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE EInvoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<EInvoice><Header><EIid>&xxe;</EIid></Header></EInvoice>`;
    const result = parseStaXml(xxe);
    expect(result).toEqual({
      ok: false,
      diagnostics: [expect.objectContaining({ rule: "XML_DTD_REFUSED", severity: "error", path: "" })],
    });
    if (!result.ok) {
      expect(result.diagnostics[0]!.messageEn).toContain("DOCTYPE");
      expect(result.diagnostics[0]!.message).toContain("实体");
    }
  });

  it("refuses billion laughs at once, without expanding anything", () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++)
      entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE EInvoice [\n${entities.join("\n")}\n]>\n<EInvoice>&lol9;</EInvoice>`;
    expect(rulesOf(bomb)).toEqual(["XML_DTD_REFUSED"]);
  });

  it("refuses a DOCTYPE even without entities, and bare ENTITY/ELEMENT declarations", () => {
    expect(
      rulesOf(`<!DOCTYPE EInvoice SYSTEM "http://example.com/e.dtd">${gd.slice(gd.indexOf("<EInvoice>"))}`),
    ).toEqual(["XML_DTD_REFUSED"]);
    expect(rulesOf('<!ENTITY a "b"><EInvoice/>')).toEqual(["XML_DTD_REFUSED"]);
    expect(rulesOf("<EInvoice><!ELEMENT x ANY></EInvoice>")).toEqual(["XML_DTD_REFUSED"]);
  });

  it("does not mistake DOCTYPE inside a comment or CDATA for a declaration", () => {
    const xml = gd.replace(
      "<Drawer>张三</Drawer>",
      "<!-- <!DOCTYPE x> --><Drawer><![CDATA[<!DOCTYPE 张三>]]></Drawer>",
    );
    const result = parseStaXml(xml);
    expect(result.ok && result.value.drawer).toBe("<!DOCTYPE 张三>");
  });

  it("leaves undeclared entity references as text instead of resolving them", () => {
    const result = parseStaXml(gd.replace("<Drawer>张三</Drawer>", "<Drawer>&xxe;</Drawer>"));
    expect(result.ok && result.value.drawer).toBe("&xxe;");
  });
});

describe("size is bounded", () => {
  it(`refuses a 10 MB file before parsing it (limit ${XML_LIMITS.maxBytes} bytes)`, () => {
    const padding = `<Padding>${"x".repeat(1024)}</Padding>\n`.repeat(10 * 1024);
    const huge = gd.replace("<Drawer>", `${padding}<Drawer>`);
    expect(huge.length).toBeGreaterThan(10_000_000);
    // Refused by its length alone, before the scan and the parser see it.
    expect(rulesOf(huge)).toEqual(["XML_TOO_LARGE"]);
  });

  it("measures the limit in UTF-8 bytes: 1.5 M Chinese characters are 4.5 MB", () => {
    const chinese = "发".repeat(1_500_000);
    expect(chinese.length).toBeLessThan(XML_LIMITS.maxBytes);
    expect(guardXml(`<a>${chinese}</a>`)?.rule).toBe("XML_TOO_LARGE");
    expect(guardXml(`<a>${"发".repeat(1_000_000)}</a>`)).toBeUndefined(); // 3 MB: within the limit
  });

  it("takes smaller limits from the caller", () => {
    const result = parseStaXml(gd, { limits: { maxBytes: 1000, maxDepth: 32 } });
    expect(!result.ok && result.diagnostics[0]!.rule).toBe("XML_TOO_LARGE");
  });
});

describe("depth is bounded", () => {
  const nested = (depth: number) => `${"<a>".repeat(depth)}${"</a>".repeat(depth)}`;

  it(`accepts ${XML_LIMITS.maxDepth} levels and refuses ${XML_LIMITS.maxDepth + 1}`, () => {
    expect(readXml(nested(XML_LIMITS.maxDepth)).ok).toBe(true);
    const refused = readXml(nested(XML_LIMITS.maxDepth + 1));
    expect(!refused.ok && refused.diagnostics[0]!.rule).toBe("XML_TOO_DEEP");
  });

  it("refuses 100,000 levels with a diagnostic, not a stack overflow", () => {
    const deep = nested(100_000);
    expect(rulesOf(deep)).toEqual(["XML_TOO_DEEP"]);
    // Self-closing and unclosed nesting count too.
    expect(rulesOf("<a>".repeat(100_000))).toEqual(["XML_TOO_DEEP"]);
  });

  it("…which the raw parser alone does not survive when turning it into objects", () => {
    // The reason for the guard: fast-xml-parser's object builder recurses once per level.
    expect(() => new XMLParser().parse(nested(100_000))).toThrow(RangeError);
  });
});

describe("well-formedness the parser does not check", () => {
  it.each([
    ["a closing tag that does not match", "<a><b></a></b>", "XML_MALFORMED"],
    ["an unclosed element", "<a><b></b>", "XML_MALFORMED"],
    ["two root elements", "<a/><b/>", "XML_MALFORMED"],
    ["text after the root", "<a/>tail", "XML_MALFORMED"],
    ["an unclosed comment", "<a><!-- never closed</a>", "XML_MALFORMED"],
    ["an unclosed start tag", '<a x="1"', "XML_MALFORMED"],
    ["a character reference beyond Unicode", "<a>&#x110000;</a>", "XML_MALFORMED"],
    ["a reference to a character XML excludes", "<a>&#0;</a>", "XML_MALFORMED"],
  ])("refuses %s", (_, xml, rule) => {
    const result = readXml(xml);
    expect(!result.ok && result.diagnostics[0]!.rule).toBe(rule);
  });

  it("accepts a byte-order mark, a '>' inside a quoted attribute, and comments around the root", () => {
    const result = readXml('\uFEFF<!-- before --><a x="1>2"><b/></a><!-- after -->\n');
    expect(result).toEqual({
      ok: true,
      value: { name: "a", attributes: { x: "1>2" }, children: [{ name: "b" }] },
      diagnostics: [],
    });
  });
});
