import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GroupUpdateThrottle } from "@/lib/realtime/group-update-throttle";

describe("GroupUpdateThrottle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the first update at once and one trailing update with the latest state", () => {
    const sent: string[] = [];
    const throttle = new GroupUpdateThrottle<string>(1_000, (item) => sent.push(item));
    throttle.push("g1", "a");
    throttle.push("g1", "b");
    throttle.push("g1", "c");
    throttle.push("g2", "x");
    expect(sent).toEqual(["a", "x"]);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual(["a", "x", "c"]);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual(["a", "x", "c"]);
    throttle.push("g1", "d");
    expect(sent).toEqual(["a", "x", "c", "d"]);
  });
});
