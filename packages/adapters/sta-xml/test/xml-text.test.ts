import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readXml, writeXml } from "../src/index.js";
import { percentToRate, toMoney } from "../src/xml/fields.js";
import { xmlBlock } from "./arbitraries.js";

describe("writeXml / readXml", () => {
  it("round-trips any element tree: names, attributes, text with markup, CR/LF/tab, astral characters", () => {
    fc.assert(
      fc.property(xmlBlock, (block) => {
        const back = readXml(writeXml(block));
        expect(back).toEqual({ ok: true, value: block, diagnostics: [] });
      }),
      { numRuns: 500 },
    );
  });

  it("escapes markup and keeps ]]> harmless", () => {
    const xml = writeXml(
      { name: "a", attributes: { v: `"x" & <y>` }, text: "1 < 2 & ]]> 3" },
      { declaration: false },
    );
    expect(xml).toBe('<a v="&quot;x&quot; &amp; &lt;y&gt;">1 &lt; 2 &amp; ]]&gt; 3</a>\n');
  });

  it("decodes references once, and CDATA not at all", () => {
    expect(readXml("<a>&#20013;&#x56FD;&amp;&#38;lt;<![CDATA[<b>&amp;]]>&nbsp;</a>")).toEqual({
      ok: true,
      value: { name: "a", text: "中国&&lt;<b>&amp;&nbsp;" },
      diagnostics: [],
    });
  });

  it("writes mixed content inline, so no indentation joins the text", () => {
    const block = { name: "p", text: "备注", children: [{ name: "b", text: "x" }] };
    expect(writeXml({ name: "r", children: [block] }, { declaration: false })).toBe(
      "<r>\n  <p>备注<b>x</b></p>\n</r>\n",
    );
  });
});

describe("value normalisation", () => {
  it.each([
    ["0.120000", "0.12"],
    ["2.120000", "2.12"],
    ["2", "2.00"],
    ["2.5", "2.50"],
    [" 16000.00 ", "16000.00"],
    ["-500.00", "-500.00"],
    ["-0.000", "0.00"],
    ["007.10", "7.10"],
  ])("money %j → %j", (raw, text) => {
    expect(toMoney(raw)).toEqual({ ok: true, text });
  });

  it.each(["12.345", "0.1250001", "1e3", "1,000.00", "", "abc"])("money %j is refused", (raw) => {
    expect(toMoney(raw).ok).toBe(false);
  });

  it.each([
    ["6", "0.06"],
    ["6%", "0.06"],
    ["13", "0.13"],
    ["1.5", "0.015"],
    ["0", "0"],
  ])("percent rate %j → %j", (raw, text) => {
    expect(percentToRate(raw)).toEqual({ ok: true, text });
  });

  it.each(["-6", "100", "abc"])("percent rate %j is refused", (raw) => {
    expect(percentToRate(raw).ok).toBe(false);
  });
});
