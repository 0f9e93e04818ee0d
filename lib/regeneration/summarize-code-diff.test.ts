import { describe, expect, it } from "vitest";
import { summarizeCodeDiff } from "@/lib/regeneration/summarize-code-diff";

describe("summarizeCodeDiff", () => {
  it("lists removed lines with old numbers and added lines with new numbers", () => {
    const before = "a\nb\nc\nd";
    const after = "a\nc\nd\ne";
    expect(summarizeCodeDiff(before, after)).toBe(
      ["1 lines added, 1 lines removed:", "- 2: b", "+ 4: e"].join("\n"),
    );
  });

  it("says so when nothing changed", () => {
    expect(summarizeCodeDiff("a\nb", "a\nb")).toBe("No code changes from the previous version.");
  });

  it("caps the listing and long lines", () => {
    const before = Array.from({ length: 100 }, (_, index) => `old ${index}`).join("\n");
    const after = Array.from({ length: 100 }, (_, index) => `new ${index} ${"x".repeat(300)}`).join(
      "\n",
    );
    const summary = summarizeCodeDiff(before, after).split("\n");
    expect(summary[0]).toBe("100 lines added, 100 lines removed:");
    expect(summary).toHaveLength(62);
    expect(summary.at(-1)).toBe("… 140 more changed lines");
    expect(summary.every((line) => line.length < 220)).toBe(true);
  });
});
