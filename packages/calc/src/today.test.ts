import { describe, expect, it } from "vitest";
import { todayInShanghai } from "./today.js";

describe("todayInShanghai", () => {
  it.each([
    // Shanghai is UTC+8 all year (no daylight saving time).
    ["2026-05-17T16:30:00Z", "2026-05-18", "00:30 the next day in Shanghai"],
    ["2026-05-17T15:59:59Z", "2026-05-17", "23:59:59 the same day in Shanghai"],
    ["2024-12-31T16:00:00Z", "2025-01-01", "midnight at New Year"],
    ["2024-02-28T16:00:00Z", "2024-02-29", "leap day"],
  ])("%s → %s (%s)", (instant, date) => {
    expect(todayInShanghai(new Date(instant))).toBe(date);
  });
});
