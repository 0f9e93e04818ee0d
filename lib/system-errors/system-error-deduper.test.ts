import { describe, expect, it } from "vitest";
import { createSystemErrorDeduper } from "@/lib/system-errors/system-error-deduper";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("createSystemErrorDeduper", () => {
  it("stores the first occurrence and counts repeats, flushing at powers of two", () => {
    const time = clock();
    const deduper = createSystemErrorDeduper({ now: time.now });
    expect(deduper.check("k")).toEqual({ kind: "first" });
    deduper.remember("k", "row-1");
    const decisions = [2, 3, 4, 5].map(() => deduper.check("k"));
    expect(decisions.map((decision) => decision.kind)).toEqual([
      "repeat",
      "repeat",
      "repeat",
      "repeat",
    ]);
    expect(
      decisions.map((decision) => (decision.kind === "repeat" ? decision.flush?.occurrences : 0)),
    ).toEqual([2, undefined, 4, undefined]);
  });

  it("also flushes once flushEveryMs passed since the last copy", () => {
    const time = clock();
    const deduper = createSystemErrorDeduper({ now: time.now, flushEveryMs: 10_000 });
    deduper.check("k");
    deduper.remember("k", "row-1");
    deduper.check("k"); // 2: flushed
    deduper.check("k"); // 3: not due
    time.advance(10_000);
    expect(deduper.check("k")).toMatchObject({ kind: "repeat", flush: { occurrences: 4 } });
    expect(deduper.check("k")).toMatchObject({ kind: "repeat", flush: null });
    time.advance(10_000);
    expect(deduper.check("k")).toMatchObject({
      kind: "repeat",
      flush: { rowId: "row-1", occurrences: 6 },
    });
  });

  it("starts a new row after the window and keeps keys apart", () => {
    const time = clock();
    const deduper = createSystemErrorDeduper({ now: time.now, windowMs: 60_000 });
    expect(deduper.check("a")).toEqual({ kind: "first" });
    expect(deduper.check("b")).toEqual({ kind: "first" });
    time.advance(59_999);
    expect(deduper.check("a").kind).toBe("repeat");
    time.advance(1);
    expect(deduper.check("a")).toEqual({ kind: "first" });
  });

  it("does not flush into a row that was never stored", () => {
    const deduper = createSystemErrorDeduper({ now: clock().now });
    deduper.check("k");
    deduper.remember("k", null);
    expect(deduper.check("k")).toEqual({ kind: "repeat", occurrences: 2, flush: null });
  });

  it("stays within maxKeys by forgetting the oldest key", () => {
    const deduper = createSystemErrorDeduper({ now: clock().now, maxKeys: 2 });
    deduper.check("a");
    deduper.check("b");
    deduper.check("c");
    expect(deduper.check("a")).toEqual({ kind: "first" });
    expect(deduper.check("c").kind).toBe("repeat");
  });
});
