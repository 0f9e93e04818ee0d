import { describe, expect, it } from "vitest";
import { fromLocalDateTimeInput, toLocalDateTimeInput } from "@/components/filters/local-datetime";

describe("datetime-local conversion", () => {
  it("round-trips an instant through the viewer's wall-clock time (to the minute)", () => {
    const iso = "2026-03-01T10:45:00.000Z";
    const local = toLocalDateTimeInput(iso);
    expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(fromLocalDateTimeInput(local)).toBe(iso);
  });

  it("treats empty or broken input as no value", () => {
    expect(fromLocalDateTimeInput("")).toBeUndefined();
    expect(fromLocalDateTimeInput("tomorrow-ish")).toBeUndefined();
    expect(toLocalDateTimeInput("nope")).toBe("");
  });
});
