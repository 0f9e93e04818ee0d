import { describe, expect, it } from "vitest";
import { getDigestWindow, getLatestDigestWindow } from "@/lib/notifications/daily-digest-window";

describe("digest windows", () => {
  it("covers the 24 hours before the digest hour of its day", () => {
    expect(getDigestWindow("2031-03-10", 8)).toEqual({
      day: "2031-03-10",
      start: new Date("2031-03-09T08:00:00.000Z"),
      end: new Date("2031-03-10T08:00:00.000Z"),
    });
  });

  it("is today's from the digest hour on and yesterday's before it", () => {
    expect(getLatestDigestWindow(new Date("2031-03-10T08:00:00.000Z"), 8).day).toBe("2031-03-10");
    expect(getLatestDigestWindow(new Date("2031-03-10T23:59:00.000Z"), 8).day).toBe("2031-03-10");
    expect(getLatestDigestWindow(new Date("2031-03-10T07:59:59.999Z"), 8).day).toBe("2031-03-09");
    expect(getLatestDigestWindow(new Date("2031-03-01T00:30:00.000Z"), 6).day).toBe("2031-02-28");
  });

  it("rejects a malformed day", () => {
    expect(() => getDigestWindow("2031-13-40", 8)).toThrow(RangeError);
  });
});
