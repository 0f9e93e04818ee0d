import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";
import { maxRealtimeTitleLength, shrinkRealtimeEvent } from "@/lib/realtime/shrink-realtime-event";

function created(title: string): RealtimeEvent {
  return { type: "group.created", groupId: randomUUID(), traderId: randomUUID(), title };
}

describe("shrinkRealtimeEvent", () => {
  it("keeps a short title and events without one as they are", () => {
    const event = created("TypeError: x is undefined");
    expect(shrinkRealtimeEvent(event)).toBe(event);
    const updated: RealtimeEvent = { type: "group.updated", groupId: randomUUID(), status: "x" };
    expect(shrinkRealtimeEvent(updated)).toBe(updated);
  });

  it("cuts a long title by code point and marks the cut", () => {
    const title = "😀".repeat(maxRealtimeTitleLength + 50);
    const shrunk = shrinkRealtimeEvent(created(title));
    if (!("title" in shrunk)) throw new Error("expected a titled event");
    expect(Array.from(shrunk.title)).toHaveLength(maxRealtimeTitleLength);
    expect(shrunk.title.endsWith("😀…")).toBe(true);
    // No lone surrogate: the cut text survives a UTF-8 round trip unchanged.
    expect(Buffer.from(shrunk.title, "utf8").toString("utf8")).toBe(shrunk.title);
  });
});
