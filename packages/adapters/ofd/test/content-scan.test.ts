/**
 * Page content scanning where comments and CDATA sections hold markup. A CDATA section's content is text
 * whatever it looks like (XML 1.0 §2.7), and a comment is nothing at all (§2.5); before this was settled
 * first, a CDATA section holding `</TextCode>` sent the scanner into an endless loop (found by the fuzz
 * test in CI).
 */
import { describe, expect, it } from "vitest";
import { scanContent } from "../src/package/content-scan.js";

const page = (body: string) =>
  `<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">${body}</ofd:Layer></ofd:Content></ofd:Page>`;

describe("scanContent with comments and CDATA", () => {
  it("reads an end tag written inside CDATA as text", () => {
    const scanned = scanContent(
      page(
        '<ofd:TextObject ID="3"><ofd:TextCode>ab<![CDATA[x</ofd:TextCode>]]></ofd:TextCode></ofd:TextObject>',
      ),
    );
    expect(scanned).toEqual({
      ok: true,
      value: { templates: [], objects: [{ id: "2" }, { id: "3", text: "abx</ofd:TextCode>" }] },
    });
  });

  it("finds no object in a tag written inside CDATA or a comment", () => {
    const scanned = scanContent(
      page(
        '<!-- <ofd:TextObject ID="8"><ofd:TextCode>no</ofd:TextCode></ofd:TextObject> -->' +
          '<ofd:TextObject ID="3"><ofd:TextCode><![CDATA[<ofd:TextObject ID="9">]]></ofd:TextCode></ofd:TextObject>',
      ),
    );
    expect(scanned.ok && scanned.value.objects).toEqual([
      { id: "2" },
      { id: "3", text: '<ofd:TextObject ID="9">' },
    ]);
  });

  it("takes comment and CDATA in document order", () => {
    // The `<!--` is inside the CDATA (text); the `<![CDATA[` after it is inside a real comment (dropped).
    const scanned = scanContent(
      page(
        '<ofd:TextObject ID="3"><ofd:TextCode><![CDATA[a<!--b]]>&amp;c<!-- <![CDATA[ d ]]> --></ofd:TextCode></ofd:TextObject>',
      ),
    );
    expect(scanned.ok && scanned.value.objects[1]).toEqual({ id: "3", text: "a<!--b&c" });
  });

  it("finds no object in a processing instruction", () => {
    const scanned = scanContent(page('<?note <ofd:TextObject ID="7"> "?><ofd:PathObject ID="4"/>'));
    expect(scanned.ok && scanned.value.objects).toEqual([{ id: "2" }, { id: "4" }]);
  });

  it("keeps '>' inside attribute values and a self-closing text code", () => {
    const scanned = scanContent(
      page(
        '<ofd:TextObject ID="3" Boundary="a>b"><ofd:TextCode X="1"/><ofd:TextCode X=\'>\'>5</ofd:TextCode></ofd:TextObject>',
      ),
    );
    expect(scanned.ok && scanned.value.objects[1]).toEqual({ id: "3", text: "5" });
  });
});
