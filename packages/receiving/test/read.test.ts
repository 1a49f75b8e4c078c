import { describe, expect, it } from "vitest";
import { readReceived } from "../src/index.js";
import { GD_XML, LEGACY_OFD, SDP_OFD, text } from "./fixtures.js";

describe("readReceived tells the format from the content", () => {
  it("reads an OFD", () => {
    const read = readReceived(SDP_OFD());
    expect(read.ok && read.value.format).toBe("ofd");
    expect(read.ok && read.value.invoice.number).toBe("24112000000048542163");
    expect(read.ok && read.value.sources?.number?.from).toBe("custom-tag");
  });

  it("reads the platform's XML as a complete issued invoice", () => {
    const read = readReceived(GD_XML());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.format).toBe("sta-xml");
    // gd-special-1pct-inclusive.xml: 16000 at 1% inclusive → 15841.58 + 158.42.
    expect(read.value.invoice.totals).toMatchObject({ amount: "15841.58", tax: "158.42", total: "16000.00" });
    expect(read.value.invoice.lines[0]!.code).toMatch(/^\d{19}$/);
    expect(read.value.issued?.taxBureau).toBeDefined();
  });

  it("reads a received invoice printed as JSON (what convert FILE.ofd --to canonical gives)", () => {
    const fromOfd = readReceived(LEGACY_OFD());
    if (!fromOfd.ok) throw new Error("legacy sample unreadable");
    const again = readReceived(text(fromOfd.value.invoice));
    expect(again.ok && again.value.format).toBe("json");
    expect(again.ok && again.value.invoice).toEqual(fromOfd.value.invoice);
  });

  it("refuses what is none of these, and JSON that is not a received invoice", () => {
    const unknown = readReceived(text("hello"));
    expect(unknown.ok).toBe(false);
    expect(unknown.diagnostics[0]!.rule).toBe("RECEIVED_FORMAT");
    const sale = readReceived(text({ kind: "special", lines: [] }));
    expect(sale.ok).toBe(false);
    expect(sale.diagnostics.map((d) => d.path)).toContain("number");
  });
});
