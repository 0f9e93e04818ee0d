import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { RealtimeEvent } from "@/lib/realtime/realtime-event";
import {
  decodeRealtimeNotification,
  encodeRealtimeNotification,
  maxNotifyPayloadBytes,
} from "@/lib/realtime/realtime-notification";
import { shrinkRealtimeEvent } from "@/lib/realtime/shrink-realtime-event";

const userId = randomUUID();

function created(title: string): RealtimeEvent {
  return { type: "group.created", groupId: randomUUID(), traderId: randomUUID(), title };
}

describe("realtime notifications", () => {
  it("round-trips a user's event", () => {
    const event = created("RangeError: index out of range");
    expect(decodeRealtimeNotification(encodeRealtimeNotification(userId, event))).toEqual({
      userId,
      event,
    });
  });

  it("refuses a payload Postgres would reject instead of failing the whole NOTIFY", () => {
    expect(() => encodeRealtimeNotification(userId, created("x".repeat(9_000)))).toThrow(/7999/);
  });

  it("fits the worst shrunk title: every code point escaped in JSON", () => {
    const event = shrinkRealtimeEvent(created("\u0001".repeat(5_000)));
    const payload = encodeRealtimeNotification(userId, event);
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(maxNotifyPayloadBytes);
  });

  it("drops anything that is not one of our notifications", () => {
    expect(decodeRealtimeNotification("not json")).toBeNull();
    expect(decodeRealtimeNotification(JSON.stringify({ userId, event: { type: "x" } }))).toBeNull();
    expect(
      decodeRealtimeNotification(JSON.stringify({ userId: "me", event: created("t") })),
    ).toBeNull();
  });
});
