// The bureau's invoice state codes (乐企归集能力 V2.011 §5.5 fpzt; 百望 validate state) as red status and state.
import { describe, expect, it } from "vitest";
import { invoiceStateOf } from "./capabilities.js";

describe("invoiceStateOf", () => {
  it("reads each published code", () => {
    expect(invoiceStateOf("0")).toEqual({ redStatus: "none", state: "normal" });
    expect(invoiceStateOf("1")).toEqual({ redStatus: "none", state: "abnormal" });
    expect(invoiceStateOf("2")).toEqual({ redStatus: "none", state: "void" });
    expect(invoiceStateOf("3")).toEqual({ redStatus: "full", state: "normal" });
    expect(invoiceStateOf("4")).toEqual({ redStatus: "none", state: "abnormal" });
    expect(invoiceStateOf("7")).toEqual({ redStatus: "partial", state: "normal" });
    expect(invoiceStateOf("8")).toEqual({ redStatus: "full", state: "normal" });
  });

  it("no code is a normal invoice; an unlisted one is kept raw as the state", () => {
    expect(invoiceStateOf(undefined)).toEqual({ redStatus: "none", state: "normal" });
    expect(invoiceStateOf("9")).toEqual({ redStatus: "none", state: "9" });
  });
});
