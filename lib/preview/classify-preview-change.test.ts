import { describe, expect, it } from "vitest";
import { classifyPreviewChange } from "@/lib/preview/classify-preview-change";
import type { RunOutcome } from "@/lib/regeneration/verification-report";

const ran = (match: boolean): RunOutcome => ({
  ok: true,
  match,
  score: null,
  note: null,
  durationMs: 1,
});
const failed: RunOutcome = {
  ok: false,
  errorType: "runtime",
  message: "TypeError: boom",
  line: 2,
  durationMs: 1,
};

describe("classifyPreviewChange", () => {
  it.each([
    [failed, ran(true), "fixed"],
    [ran(true), failed, "broken"],
    [failed, failed, "still_failing"],
    [ran(true), ran(false), "selection_changed"],
    [ran(false), ran(true), "selection_changed"],
    [ran(true), ran(true), "unchanged"],
  ] as const)("old %o, new %o → %s", (old, next, change) => {
    expect(classifyPreviewChange(old, next, { isFailingInput: false })).toBe(change);
    // With old code, the failing input is judged by what the old code did, not by its role.
    expect(classifyPreviewChange(old, next, { isFailingInput: true })).toBe(change);
  });

  it("without old code treats the failing input as failed before and others as ran", () => {
    expect(classifyPreviewChange(null, ran(true), { isFailingInput: true })).toBe("fixed");
    expect(classifyPreviewChange(null, failed, { isFailingInput: true })).toBe("still_failing");
    expect(classifyPreviewChange(null, ran(false), { isFailingInput: false })).toBe("unchanged");
    expect(classifyPreviewChange(null, failed, { isFailingInput: false })).toBe("broken");
  });
});
