import { describe, expect, it } from "vitest";
import { describeActivity } from "@/components/errors/activity-sparkline";

describe("describeActivity", () => {
  it("says what the sparkline shows", () => {
    expect(describeActivity(Array(24).fill(0))).toBe("No events in the last 24 hours");
    const counts = Array(24).fill(0);
    counts[3] = 1;
    expect(describeActivity(counts)).toBe("1 event in the last 24 hours, at most 1 in one hour");
    counts[20] = 4;
    expect(describeActivity(counts)).toBe("5 events in the last 24 hours, at most 4 in one hour");
  });
});
